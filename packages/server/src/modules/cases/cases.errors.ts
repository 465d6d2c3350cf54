import { AppError } from '../../platform/http/errors';

// The case's own words for its fields, so a refusal names what the worker sees on the page (not another module's label).
const LABELS: Record<string, string> = {
  stationId: '社工站',
  beneficiaryId: '服务对象',
  workerId: '个案社工',
  openedOn: '开案日期',
  intakeNote: '求助问题',
  needs: '需求',
  riskLevel: '风险等级',
  goals: '服务目标',
  tasks: '任务',
  closureReason: '结案原因',
  followUpOn: '回访日期',
  note: '说明',
};
const label = (field: string) => {
  const [head, index, tail] = field.split('.');
  const base = LABELS[head] ?? head;
  if (index === undefined) return base;
  const sub = { dueOn: '完成期限', doneOn: '完成日期', goalId: '所属目标', id: '编号' }[tail ?? ''] ?? '';
  return `${base}第 ${Number(index) + 1} 项${sub}`;
};

/** Throws the field errors, if any, as one 400 naming every field in Chinese (nothing written). */
export function refuse(errors: Record<string, string>) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return;
  throw new AppError('VALIDATION_FAILED', `输入有误：${entries.map(([k, v]) => `「${label(k)}」${v}`).join('；')}`, {
    fieldErrors: errors,
  });
}

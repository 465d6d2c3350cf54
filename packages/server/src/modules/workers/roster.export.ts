import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  FILING_STATUS_LABELS,
  WORKER_ROLE_LABELS,
  clauseOf,
  withClauses,
  type WorkerQuery,
  type WorkerView,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { stationInScope } from '../../platform/auth/scope';
import type { Clock } from '../../platform/clock';
import type { ActorContext } from '../../platform/http/context';
import { reportWorkbook } from '../../platform/http/xlsx';
import type { DivisionService } from '../divisions';
import type { StationLookup } from '../stations';
import type { WorkerService } from './workers.service';

/** An export holds every row the filters select, not a page; a ceiling keeps one request bounded. */
export const EXPORT_MAX_ROWS = 20_000;
/** The filter line says so when an export holds fewer rows than the list (never a silent cut). */
export const cutShort = (total: number, exported: number) =>
  total > exported ? `共 ${total} 行，仅导出前 ${exported} 行：请缩小筛选范围后分批导出` : '';

export const DEADLINE_LABELS: Record<WorkerView['deadline']['status'], string> = {
  qualified: '已具备资质',
  ok: '期限内',
  at_risk: '90 日内到期',
  overdue: '已逾期',
  unassigned: '未派驻',
};
const PATH_LABELS = { degree: '学历', certificate: '职业资格证书', training: '培训学时' } as const;

export interface RosterExportDeps {
  db: Db;
  clock: Clock;
  divisions: DivisionService;
  stations: StationLookup;
  workers: Pick<WorkerService, 'list'>;
}

const findingsText = (w: WorkerView) =>
  w.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `[${clauseOf(f.ruleId)}] ${withClauses(f.message)}`)
    .join('\n');

/**
 * 社工名册 as the roster list shows it: same scope, filters and masking (ID numbers and phones in clear only for
 * the roles that see them on screen, R-SCOPE-2), with the county beside each station (城关镇 is in five counties).
 */
export async function exportRoster(d: RosterExportDeps, ctx: ActorContext, q: WorkerQuery) {
  const today = d.clock.today();
  const { items, total } = await d.workers.list(ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const current = (w: WorkerView) => w.assignments.filter((a) => a.startOn <= today && (!a.endOn || a.endOn > today));
  const stationIds = [...new Set(items.flatMap((w) => current(w).map((a) => a.stationId)))];
  if (q.stationId) stationIds.push(q.stationId);
  const stations = new Map((await d.stations.summaries(stationIds)).map((s) => [s.id, s]));
  const countyOf = (stationId: string) => d.divisions.find(stations.get(stationId)?.countyCode ?? '')?.name ?? '';
  // The filter names a station only the caller may see: another unit's station id must not reveal its name.
  const filtered = q.stationId ? stations.get(q.stationId) : undefined;
  const filters = [
    q.stationId && `社工站：${filtered && stationInScope(ctx.actor.scope, filtered) ? filtered.name : '—'}`,
    q.role && `岗位：${WORKER_ROLE_LABELS[q.role]}`,
    q.filingStatus && `备案：${FILING_STATUS_LABELS[q.filingStatus]}`,
    q.deadline && `资质期限：${DEADLINE_LABELS[q.deadline]}`,
  ]
    .concat(cutShort(total, items.length))
    .filter(Boolean)
    .join('，');
  const buf = await reportWorkbook<WorkerView>({
    name: '社工名册',
    title: '乡镇（街道）社会工作服务站社工名册',
    scope: d.divisions.find(ctx.actor.divisionCode)?.name ?? '',
    filters,
    exportedAt: d.clock.now(),
    rows: items,
    columns: [
      {
        header: '县（区）',
        kind: 'text',
        width: 9,
        value: (w) => [...new Set(current(w).map((a) => countyOf(a.stationId)))].join('\n'),
      },
      {
        header: '驻站社工站',
        kind: 'wraptext',
        width: 22,
        value: (w) =>
          current(w)
            .map((a) => a.stationName)
            .join('\n'),
      },
      { header: '姓名', kind: 'text', width: 8, value: (w) => w.name },
      { header: '性别', kind: 'text', width: 5, value: (w) => (w.gender === 'male' ? '男' : '女') },
      { header: '年龄', kind: 'number', width: 5, value: (w) => w.age },
      { header: '身份证号', kind: 'id', width: 20, value: (w) => w.idNumber },
      { header: '联系电话', kind: 'id', width: 13, value: (w) => w.phone },
      { header: '承接机构', kind: 'wraptext', width: 18, value: (w) => w.organisationName },
      { header: '岗位', kind: 'text', width: 8, value: (w) => WORKER_ROLE_LABELS[w.role] },
      { header: '学历', kind: 'text', width: 7, value: (w) => EDUCATION_LABELS[w.education] },
      { header: '专业', kind: 'wraptext', width: 12, value: (w) => w.major },
      {
        header: '职业资格',
        kind: 'wraptext',
        width: 12,
        value: (w) => (w.certificateLevel ? CERTIFICATE_LABELS[w.certificateLevel] : ''),
      },
      { header: '聘用日期', kind: 'date', value: (w) => w.hireDate },
      { header: '劳动合同止', kind: 'date', value: (w) => w.labourContractEnd },
      {
        header: '资质',
        kind: 'text',
        width: 10,
        value: (w) =>
          w.qualification.qualified && w.qualification.path ? `具备（${PATH_LABELS[w.qualification.path]}）` : '未具备',
      },
      { header: '培训学时', kind: 'number', width: 7, value: (w) => w.qualification.trainingHours },
      { header: '资质期限', kind: 'date', value: (w) => w.deadline.on },
      { header: '期限状态', kind: 'text', width: 9, value: (w) => DEADLINE_LABELS[w.deadline.status] },
      { header: '备案', kind: 'text', width: 7, value: (w) => FILING_STATUS_LABELS[w.filingStatus] },
      { header: '合规提示', kind: 'wraptext', width: 30, value: findingsText },
    ],
  });
  await writeAudit(d.db, ctx, {
    action: 'export',
    entityType: 'worker',
    summary: `导出社工名册（${items.length} 人）`,
    after: { filters: { ...q, page: undefined, pageSize: undefined } },
  });
  return buf;
}

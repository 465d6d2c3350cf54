import { Space, Tag } from 'antd';
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_STATUS_LABELS,
  type EvaluationKind,
  type EvaluationStatus,
} from '@shegong/shared';

const KIND_COLORS: Record<EvaluationKind, string> = {
  midterm: 'blue',
  final: 'geekblue',
  spot_check: 'purple',
  self_assessment: 'cyan',
};

export function RoundKindTag({ kind }: { kind: EvaluationKind }) {
  return <Tag color={KIND_COLORS[kind]}>{EVALUATION_KIND_LABELS[kind]}</Tag>;
}

export function RoundStatusTag({ status }: { status: EvaluationStatus }) {
  return <Tag color={status === 'signed_off' ? 'success' : 'processing'}>{EVALUATION_STATUS_LABELS[status]}</Tag>;
}

/** 总分/等次 with 合格 in green and 不合格 in red (a grade named 合格 or 不合格 is said once); nothing until signed off. */
export function RoundResult(r: { total: number | null; grade: string | null; passed: boolean | null }) {
  if (r.total === null) return <span>未签署</span>;
  const verdict = r.passed === null ? null : r.passed ? '合格' : '不合格';
  return (
    <Space size={4} wrap>
      <span>{r.total} 分</span>
      {r.grade && r.grade !== verdict && <span>{r.grade}</span>}
      {verdict && <Tag color={r.passed ? 'success' : 'error'}>{verdict}</Tag>}
    </Space>
  );
}

/** 第 1 年度（2026-01-01 至 2026-06-30） */
export const yearText = (r: { yearNo: number; periodStart: string; periodEnd: string }) =>
  `第 ${r.yearNo} 年度（${r.periodStart} 至 ${r.periodEnd}）`;

const nowrap = { whiteSpace: 'nowrap' } as const;
/** The same, for tables and facts: a date never breaks inside itself. */
export function YearPeriod(r: { yearNo: number; periodStart: string; periodEnd: string }) {
  return (
    <span>
      第 {r.yearNo} 年度（<span style={nowrap}>{r.periodStart}</span> 至 <span style={nowrap}>{r.periodEnd}</span>）
    </span>
  );
}

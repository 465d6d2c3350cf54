import { Space, Tag } from 'antd';
import { REPORT_STATUS_LABELS, type ReportKind, type ReportStatus } from '@shegong/shared';

const QUARTERS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/**
 * A period as people write it (UX.md): `2026年11月`, `2026年第三季度`, `2026年上半年`, a year `2026年`; an agreement
 * year's report by its dates.
 */
export function periodText(r: {
  kind?: ReportKind;
  periodKey: string;
  periodLabel?: string;
  periodStart?: string;
  periodEnd?: string;
}) {
  if (r.periodLabel) return r.periodLabel; // the server's words, as the Word document has them
  const k = r.periodKey;
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(k);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-Q([1-4])$/.exec(k);
  if (m) return `${m[1]}年${QUARTERS[Number(m[2])]}`;
  m = /^(\d{4})-H([12])$/.exec(k);
  if (m) return `${m[1]}年${m[2] === '1' ? '上半年' : '下半年'}`;
  if (/^\d{4}$/.test(k)) return `${k}年`;
  if (r.periodStart && r.periodEnd) return `${r.periodStart} 至 ${r.periodEnd}`;
  return k;
}

const COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

/** The report's status, and beside it how late it is (R-REP-3: the due date itself is in time). */
export function ReportStatusTags(r: {
  status: ReportStatus;
  late: boolean;
  daysLate: number;
  firstSubmittedOn: string | null;
}) {
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[r.status]}>{REPORT_STATUS_LABELS[r.status]}</Tag>
      {r.late && <Tag color="error">{lateText(r)}</Tag>}
    </Space>
  );
}

/** `逾期 3 天` while still owed, `逾期 3 天提交` once it came in late. */
export const lateText = (r: { daysLate: number; firstSubmittedOn: string | null }) =>
  `逾期 ${r.daysLate} 天${r.firstSubmittedOn ? '提交' : ''}`;

import { Space, Tag } from 'antd';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@shegong/shared';

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

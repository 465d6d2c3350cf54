import { Tag } from 'antd';
import { FILING_STATUS_LABELS, type FilingStatus, type WorkerView } from '@shegong/shared';

const FILING_COLORS: Record<FilingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  filed: 'success',
  returned: 'warning',
};
export const FilingTag = ({ status }: { status: FilingStatus }) => (
  <Tag color={FILING_COLORS[status]}>{FILING_STATUS_LABELS[status]}</Tag>
);

/** Qualification and deadline in one tag (R-STAFF-3, R-STAFF-4). */
export function QualificationTag({ w }: { w: WorkerView }) {
  if (w.qualification.qualified) return <Tag color="success">已具备资质</Tag>;
  if (w.deadline.status === 'overdue') return <Tag color="error">逾期未具备资质</Tag>;
  if (w.deadline.status === 'at_risk') return <Tag color="warning">{w.deadline.on} 前须具备</Tag>;
  return <Tag>差 {w.qualification.hoursMissing} 学时</Tag>;
}

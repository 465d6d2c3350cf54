import { Tag } from 'antd';
import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '@shegong/shared';

// The tags of a rectification item, in their own file so the 工作台 card does not load the item's dialogs.
const STATUS_COLOURS: Record<RectificationStatus, string> = {
  open: 'warning',
  submitted: 'processing',
  verified: 'success',
};

export const RectificationStatusTag = ({ status }: { status: RectificationStatus }) => (
  <Tag color={STATUS_COLOURS[status]}>{RECTIFICATION_STATUS_LABELS[status]}</Tag>
);
/** Past its deadline and not yet verified (R-EVAL-4), judged by the server on its today. */
export const OverdueTag = ({ days }: { days: number }) => (days > 0 ? <Tag color="error">逾期 {days} 天</Tag> : null);

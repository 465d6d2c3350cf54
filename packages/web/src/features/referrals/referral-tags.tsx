import { Tag } from 'antd';
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '@shegong/shared';

const COLOURS: Record<ReferralStatus, string> = {
  submitted: 'default',
  accepted: 'processing',
  obtained: 'success',
  not_obtained: 'warning',
};

export const ReferralStatusTag = ({ status }: { status: ReferralStatus }) => (
  <Tag color={COLOURS[status]}>{REFERRAL_STATUS_LABELS[status]}</Tag>
);

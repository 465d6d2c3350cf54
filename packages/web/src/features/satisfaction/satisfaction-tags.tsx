import { Tag } from 'antd';
import {
  CALL_BACK_STATUS_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_LABELS,
  RATING_LABELS,
  SATISFACTION_CHANNEL_LABELS,
  SATISFIED_AT,
  type CallBackStatus,
  type ComplaintSource,
  type ComplaintStatus,
  type SatisfactionChannel,
} from '@shegong/shared';

const COMPLAINT_COLOURS: Record<ComplaintStatus, string> = {
  open: 'warning',
  answered: 'processing',
  closed: 'success',
};
const CALL_COLOURS: Record<CallBackStatus, string> = {
  pending: 'default',
  answered: 'success',
  unreachable: 'warning',
  declined: 'default',
};

export const ComplaintStatusTag = ({ status }: { status: ComplaintStatus }) => (
  <Tag color={COMPLAINT_COLOURS[status]}>{COMPLAINT_STATUS_LABELS[status]}</Tag>
);
export const ComplaintSourceTag = ({ source }: { source: ComplaintSource }) => (
  <Tag>{COMPLAINT_SOURCE_LABELS[source]}</Tag>
);
export const CallStatusTag = ({ status }: { status: CallBackStatus }) => (
  <Tag color={CALL_COLOURS[status]}>{CALL_BACK_STATUS_LABELS[status]}</Tag>
);
export const ChannelTag = ({ channel }: { channel: SatisfactionChannel }) => (
  <Tag color={channel === 'call_back' ? 'purple' : 'blue'}>{SATISFACTION_CHANNEL_LABELS[channel]}</Tag>
);
/** A rating as its word, green when satisfied. */
export const RatingTag = ({ value }: { value: number }) => (
  <Tag color={value >= SATISFIED_AT ? 'success' : value <= 2 ? 'error' : 'default'}>
    {value} 分 · {RATING_LABELS[value]}
  </Tag>
);

/** `满意率 87.5%`, or — without answers. */
export const rateOf = (satisfied: number, answers: number) =>
  answers ? `${Math.round((satisfied / answers) * 1000) / 10}%` : '—';

import { Tag } from 'antd';
import { ALERT_KIND_LABELS, ALERT_STATUS_LABELS, type AlertKind, type AlertStatus } from '@shegong/shared';
import { fmtDateTime } from '../../lib/format';

const STATUS_COLOURS: Record<AlertStatus, string> = { open: 'error', acknowledged: 'processing', closed: 'default' };

export const AlertStatusTag = ({ status }: { status: AlertStatus }) => (
  <Tag color={STATUS_COLOURS[status]}>{ALERT_STATUS_LABELS[status]}</Tag>
);
export const AlertKindTag = ({ kind }: { kind: AlertKind }) => <Tag color="volcano">{ALERT_KIND_LABELS[kind]}</Tag>;
/** Not acknowledged within the set time: the city sees it too (R-SVC-5). */
export const EscalatedTag = ({ escalated }: { escalated: boolean }) =>
  escalated ? <Tag color="magenta">超时未响应·已上报市级</Tag> : null;

/** The time to acknowledge, in hours and minutes; or when it must be acknowledged by. */
export function ackText(a: { minutesToAcknowledge: number | null; acknowledgeBy: string }) {
  if (a.minutesToAcknowledge == null) return `须在 ${fmtDateTime(a.acknowledgeBy)} 前响应`;
  const h = Math.floor(a.minutesToAcknowledge / 60);
  const m = a.minutesToAcknowledge % 60;
  return `${h ? `${h} 小时 ` : ''}${m} 分钟后响应`;
}

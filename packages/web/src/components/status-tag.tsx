import { Tag } from 'antd';
import { STATION_STATUS_LABELS, type StationStatus } from '@shegong/shared';

const COLORS: Record<StationStatus, string> = {
  planned: 'default',
  building: 'processing',
  operating: 'success',
  suspended: 'warning',
};

/** Station status in the colours of UX.md. */
export function StationStatusTag({ status }: { status: StationStatus }) {
  return <Tag color={COLORS[status]}>{STATION_STATUS_LABELS[status]}</Tag>;
}

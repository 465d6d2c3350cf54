import type { StationStatus } from './stations.schemas';

/** Chinese names of the station statuses. No zod here: the web's home page shows them (see `"sideEffects": false`). */
export const STATION_STATUS_LABELS: Record<StationStatus, string> = {
  planned: '规划',
  building: '建设中',
  operating: '运营中',
  suspended: '暂停',
};

import type { StationStatus } from '@shegong/shared';
import { fieldError } from '../../platform/http/errors';

/** Status moves that make sense for a station (规划 → 建设中 → 运营中 ⇄ 暂停); R-PLAN-1 counts 建成 from them. */
const ALLOWED: Record<StationStatus, StationStatus[]> = {
  planned: ['planned', 'building', 'operating'],
  building: ['building', 'planned', 'operating'],
  operating: ['operating', 'suspended'],
  suspended: ['suspended', 'operating'],
};
const LABEL: Record<StationStatus, string> = {
  planned: '规划',
  building: '建设中',
  operating: '运营中',
  suspended: '暂停',
};

export function checkTransition(from: StationStatus, to: StationStatus): void {
  if (!ALLOWED[from].includes(to)) throw fieldError('status', `不能从“${LABEL[from]}”改为“${LABEL[to]}”`);
}

interface Dated {
  status: StationStatus;
  buildingStartedOn: string | null;
  openedOn: string | null;
  suspendedOn: string | null;
}

/** Each status carries its date, and the dates run in order. */
export function checkStatusDates(s: Dated, today: string): void {
  if ((s.status === 'operating' || s.status === 'suspended') && !s.openedOn)
    throw fieldError('openedOn', '运营中或暂停的站点须填写运营日期');
  if (s.status === 'suspended' && !s.suspendedOn) throw fieldError('suspendedOn', '暂停的站点须填写暂停日期');
  for (const [k, v] of [
    ['buildingStartedOn', s.buildingStartedOn],
    ['openedOn', s.openedOn],
    ['suspendedOn', s.suspendedOn],
  ] as const) {
    if (v && v > today) throw fieldError(k, '不能晚于今天');
    if (v && v < '2000-01-01') throw fieldError(k, '日期过早');
  }
  if (s.buildingStartedOn && s.openedOn && s.openedOn < s.buildingStartedOn)
    throw fieldError('openedOn', '运营日期不能早于开工日期');
  if (s.suspendedOn && s.openedOn && s.suspendedOn < s.openedOn)
    throw fieldError('suspendedOn', '暂停日期不能早于运营日期');
}

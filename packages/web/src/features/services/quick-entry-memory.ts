import type { ServiceForm } from '@shegong/shared';

// Remembered on this phone: the station and the last item and form used (UX.md quick entry defaults).
const LAST = 'shegong.services.last';

export interface Remembered {
  stationId?: string;
  catalogueCode?: string;
  form?: ServiceForm;
}
export const remembered = (): Remembered => {
  try {
    return JSON.parse(localStorage.getItem(LAST) ?? '{}');
  } catch {
    return {};
  }
};

export const remember = (r: Remembered) => localStorage.setItem(LAST, JSON.stringify(r));

import { useQuery } from '@tanstack/react-query';
import type { Division } from '@shegong/shared';
import { api } from './api';

/** All divisions (reference data, cached for the session). */
export function useDivisions() {
  return useQuery({
    queryKey: ['divisions'],
    queryFn: () => api.get<{ items: Division[] }>('/api/v1/divisions').then((r) => r.items),
    staleTime: Infinity,
  });
}

/** The county-level units a user may pick: all for the city, its own unit for a county or township. */
export function unitsFor(all: Division[] | undefined, divisionCode: string | undefined): Division[] {
  if (!all || !divisionCode) return [];
  const me = all.find((d) => d.code === divisionCode);
  const units = all.filter((d) => d.level === 'county');
  if (!me || me.level === 'city') return units;
  if (me.level === 'county') return units.filter((u) => u.code === me.code);
  return units.filter((u) => u.code === me.parentCode);
}

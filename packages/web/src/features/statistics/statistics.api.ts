import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ServiceStatistics, StatisticsQuery } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Service statistics of a part of the caller's scope over whole months (read from the rollups: always current). */
export function useServiceStatistics(q: StatisticsQuery) {
  return useQuery({
    queryKey: ['statistics', 'services', q],
    queryFn: () => api.get<ServiceStatistics>(`/api/v1/statistics/services${qs(q)}`),
    placeholderData: keepPreviousData,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { DeskView } from '@shegong/shared';
import { api } from '../../lib/api';

/**
 * What the home page (工作台) reads: one answer with the user's to-dos, the key figures of their scope and, for the
 * city, the units ranked. Read afresh whenever the page opens (react-query refetches on mount), so a to-do done on
 * another page is gone when the user comes back.
 */
export const homeKeys = {
  all: ['desk'] as const,
  desk: () => [...homeKeys.all, 'view'] as const,
};

export const useDesk = () => useQuery({ queryKey: homeKeys.desk(), queryFn: () => api.get<DeskView>('/api/v1/desk') });

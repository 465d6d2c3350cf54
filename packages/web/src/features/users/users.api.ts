import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, Paged, UpdateUserInput, UserQuery, UserView } from '@shegong/shared';
import { api, qs } from '../../lib/api';

/** Query keys of user administration; every mutation invalidates `all`. */
export const userKeys = {
  all: ['users'] as const,
  list: (q: Partial<UserQuery>) => [...userKeys.all, 'list', q] as const,
  one: (id: string) => [...userKeys.all, 'one', id] as const,
};

export function useUsers(q: Partial<UserQuery>) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => api.get<Paged<UserView>>(`/api/v1/users${qs(q)}`),
  });
}
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api.post<UserView>('/api/v1/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
/** Edit, disable/enable or reset the password of a user (with the version the caller saw). */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserInput & { id: string }) => api.patch<UserView>(`/api/v1/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

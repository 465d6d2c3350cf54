import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, LoginResult } from '@shegong/shared';
import { api } from '../../lib/api';

/**
 * The session endpoints. The session itself (who is logged in, the CSRF token) lives in `AuthProvider`
 * (`app/auth.tsx`), which reads `me` and ends the session with `logout`; pages log in and change the password through
 * the mutations below and hand the result to the provider (`useAuth().signedIn`, `refresh`).
 */
export const authKeys = { all: ['auth'] as const, me: () => ['auth', 'me'] as const };

/** The answer of the routes that only confirm (`okResponse` on the server). */
type Ok = { ok: true };

export const authApi = {
  me: () => api.get<LoginResult>('/api/v1/auth/me'),
  login: (body: LoginInput) => api.post<LoginResult>('/api/v1/auth/login', body),
  logout: () => api.post<Ok>('/api/v1/auth/logout'),
  changePassword: (body: ChangePasswordInput) => api.post<Ok>('/api/v1/auth/password', body),
};

/** 登录: the answer carries the user, the CSRF token and whether the password must be changed first. */
export function useLogin() {
  return useMutation({ mutationKey: [...authKeys.all, 'login'], mutationFn: authApi.login });
}

/** 修改密码: the server checks the current password and the policy (errors per field, in Chinese). */
export function useChangePassword() {
  return useMutation({ mutationKey: [...authKeys.all, 'password'], mutationFn: authApi.changePassword });
}

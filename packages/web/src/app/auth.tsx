import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResult, Permission, SessionUser } from '@shegong/shared';
import { authApi } from '../features/auth/auth.api';
import { setCsrfToken } from '../lib/api';

interface AuthState {
  user: SessionUser | null;
  mustChangePassword: boolean;
  loading: boolean;
  /** A login succeeded (`useLogin`): hold the new session and drop every query cached for the previous one. */
  signedIn(r: LoginResult): void;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** Forget the session locally (the server already ended it). */
  clear(): void;
  can(p: Permission): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Who is logged in, from /auth/me; holds the CSRF token for state-changing calls. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [mustChangePassword, setMust] = useState(false);
  const [loading, setLoading] = useState(true);
  const qc = useQueryClient();

  const apply = useCallback((r: LoginResult | null) => {
    setUser(r?.user ?? null);
    setMust(r?.mustChangePassword ?? false);
    setCsrfToken(r?.csrfToken ?? '');
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await authApi.me());
    } catch {
      apply(null);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: AuthState = {
    user,
    mustChangePassword,
    loading,
    signedIn(r) {
      qc.clear();
      apply(r);
    },
    async logout() {
      await authApi.logout().catch(() => undefined);
      qc.clear();
      apply(null);
    },
    refresh,
    clear: () => apply(null),
    can: (p) => !!user?.permissions.includes(p),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

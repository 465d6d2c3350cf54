import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResult, Permission, SessionUser } from '@shegong/shared';
import { authApi } from '../features/auth/auth.api';
import { ApiError, setCsrfToken } from '../lib/api';

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

// Offline tolerance (R-SVC-2): a reload without a connection keeps this tab's session (who it was, never a token), so a
// worker still sees the records waiting on the phone; the session is asked for again when the connection returns.
const KEPT = 'shegong.session';
function keep(r: LoginResult | null) {
  if (r) sessionStorage.setItem(KEPT, JSON.stringify({ user: r.user, mustChangePassword: r.mustChangePassword }));
  else sessionStorage.removeItem(KEPT);
}
function kept(): Pick<LoginResult, 'user' | 'mustChangePassword'> | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT) ?? 'null');
  } catch {
    return null;
  }
}

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
    keep(r);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await authApi.me());
    } catch (e) {
      const last = e instanceof ApiError ? null : kept();
      if (last) {
        setUser(last.user);
        setMust(last.mustChangePassword);
      } else apply(null);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
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

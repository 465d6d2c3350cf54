import {
  LOCKOUT,
  ROLE_PERMISSIONS,
  type ChangePasswordInput,
  type LoginInput,
  type Role,
  type SessionUser,
} from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import { dummyVerify, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { SessionStore } from '../../platform/auth/sessions';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { usersRepository, type UserRow } from '../users';
import { loginFailuresRepository } from './auth.repository';
import type { ActorContext } from '../../platform/http/context';

const INVALID = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

export interface AuthDeps {
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  divisions: DivisionService;
}

export function createAuthService({ db, clock, sessions, divisions }: AuthDeps) {
  const lockedError = (until: Date) => {
    const minutes = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 60_000));
    return new AppError(
      'ACCOUNT_LOCKED',
      `连续输错密码 ${LOCKOUT.maxFailures} 次，账号已锁定，请 ${minutes} 分钟后再试`,
      { lockedUntil: until.toISOString() },
    );
  };
  const lockUntil = () => new Date(clock.now().getTime() + LOCKOUT.minutes * 60_000);

  /**
   * The count of attempts behind one name: an account's (users table) or, for a name no account has, its row in
   * login_failures, so that both answer alike (401 ×4, then 423). An attempt is counted before its password is
   * checked, atomically, so attempts sent at once cannot all slip past the lockout.
   */
  interface Ledger {
    reserve(): Promise<number | Date>;
    lock(until: Date): Promise<void>;
  }
  const accountLedger = (id: string): Ledger => ({
    reserve: () => usersRepository.reserveLoginAttempt(db, id, clock.now()),
    lock: (until) => usersRepository.lockLogin(db, id, until),
  });
  const unknownLedger = (name: string): Ledger => {
    const key = name.toLowerCase();
    return {
      reserve: () => loginFailuresRepository.reserve(db, key, clock.now()),
      lock: (until) => loginFailuresRepository.lock(db, key, until, clock.now()),
    };
  };

  /** One attempt against a ledger: the password is checked only for the first attempts of a lockout window. */
  async function attempt(
    ledger: Ledger,
    check: () => Promise<boolean>,
    audit: (summary: string) => Promise<void>,
  ): Promise<void> {
    const n = await ledger.reserve();
    if (n instanceof Date) {
      await audit('登录失败：锁定中');
      throw lockedError(n);
    }
    if (n > LOCKOUT.maxFailures) {
      const until = lockUntil();
      await ledger.lock(until);
      await audit(`登录失败：尝试过多，锁定 ${LOCKOUT.minutes} 分钟`);
      throw lockedError(until);
    }
    if (await check()) return;
    if (n >= LOCKOUT.maxFailures) {
      const until = lockUntil();
      await ledger.lock(until);
      await audit(`登录失败：密码错误，锁定 ${LOCKOUT.minutes} 分钟`);
      throw lockedError(until);
    }
    await audit(`登录失败：密码错误（第 ${n} 次）`);
    throw INVALID();
  }

  /** An unknown name goes through the same steps, counts and lock as a real account, so the answers are the same. */
  async function unknownUser(ctx: RequestContext, input: LoginInput): Promise<never> {
    await attempt(
      unknownLedger(input.username),
      async () => {
        await dummyVerify(input.password);
        return false;
      },
      (summary) =>
        writeAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'session',
          summary: `${summary}（用户名 ${input.username} 不存在）`,
          username: input.username,
        }),
    );
    throw INVALID();
  }

  const sessionUser = (u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'divisionCode'>): SessionUser => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    divisionCode: u.divisionCode,
    divisionName: divisions.find(u.divisionCode)?.name ?? '',
    permissions: [...(ROLE_PERMISSIONS[u.role as Role] ?? [])],
  });

  return {
    sessionUser,
    /** Login with lockout: 5 wrong passwords lock for 15 minutes, during which even the right one is refused. */
    async login(ctx: RequestContext, input: LoginInput, userAgent: string | null) {
      const u = await usersRepository.findByUsername(db, input.username);
      if (!u) return unknownUser(ctx, input);
      const audit = (summary: string) =>
        writeAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'session',
          summary,
          username: u.username,
          userId: u.id,
          divisionPath: u.divisionPath,
        });
      await attempt(accountLedger(u.id), () => verifyPassword(u.passwordHash, input.password), audit);
      if (!(await usersRepository.loginSucceeded(db, u.id, clock.now()))) {
        // Attempts sent together with this one used up the window and locked the account: the lock stands.
        await audit('登录失败：锁定中');
        throw lockedError(lockUntil());
      }
      if (u.status !== 'active') {
        await writeAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'session',
          summary: '登录失败：账号已停用',
          username: u.username,
          userId: u.id,
          divisionPath: u.divisionPath,
        });
        throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
      }
      const s = await sessions.create(u.id, ctx.ip, userAgent);
      await writeAudit(db, ctx, {
        action: 'login',
        entityType: 'session',
        summary: '登录成功',
        username: u.username,
        userId: u.id,
        divisionPath: u.divisionPath,
      });
      return {
        token: s.token,
        body: { user: sessionUser(u), csrfToken: s.csrfToken, mustChangePassword: u.mustChangePassword },
      };
    },

    async logout(ctx: ActorContext) {
      await sessions.revoke(ctx.actor.sessionId);
      await writeAudit(db, ctx, { action: 'logout', entityType: 'session', summary: '退出登录' });
    },

    async changePassword(ctx: ActorContext, input: ChangePasswordInput) {
      const u = await usersRepository.findByUsername(db, ctx.actor.username);
      if (!u) throw fieldError('currentPassword', '当前密码不正确');
      // A wrong current password counts like a failed login: five lock the account and end its sessions.
      const audit = (summary: string) =>
        writeAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'user',
          entityId: u.id,
          summary: `修改密码时${summary.replace('登录失败：', '')}`,
          divisionPath: u.divisionPath,
        });
      try {
        await attempt(accountLedger(u.id), () => verifyPassword(u.passwordHash, input.currentPassword), audit);
      } catch (e) {
        if (e instanceof AppError && e.code === 'ACCOUNT_LOCKED') await sessions.revokeAllFor(u.id);
        if (e instanceof AppError && e.code === 'INVALID_CREDENTIALS')
          throw fieldError('currentPassword', '当前密码不正确');
        throw e;
      }
      await usersRepository.loginSucceeded(db, u.id, clock.now(), { touchLastLogin: false });
      if (input.currentPassword === input.newPassword) throw fieldError('newPassword', '新密码不能与当前密码相同');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await usersRepository.setOwnPassword(tx, u, passwordHash, clock.now());
        await writeAudit(tx, ctx, {
          action: 'password_change',
          entityType: 'user',
          entityId: u.id,
          divisionPath: u.divisionPath,
          summary: '修改密码',
        });
      });
      await sessions.revokeAllFor(u.id, ctx.actor.sessionId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

import { eq } from 'drizzle-orm';
import { LOCKOUT, ROLE_PERMISSIONS, type ChangePasswordInput, type LoginInput, type Role, type SessionUser } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/auth/actor';
import { dummyVerify, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { SessionStore } from '../../platform/auth/sessions';
import { writeAudit, type RequestContext } from '../../platform/audit/audit';
import { AppError, fieldError } from '../../platform/http/errors';
import type { DivisionService } from '../divisions';
import { usersRepository, type UserRow } from '../users';
import { loginFailures } from './login-failures.table';

const INVALID = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

export function createAuthService(db: Db, clock: Clock, sessions: SessionStore, divisions: DivisionService) {
  const lockedError = (until: Date) => {
    const minutes = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 60_000));
    return new AppError('ACCOUNT_LOCKED', `连续输错密码 ${LOCKOUT.maxFailures} 次，账号已锁定，请 ${minutes} 分钟后再试`, { lockedUntil: until.toISOString() });
  };
  /** After a wrong password: the new failure count, and the lock when it reaches the limit. */
  const nextFailure = (failures: number) => {
    const n = failures + 1;
    const lock = n >= LOCKOUT.maxFailures ? new Date(clock.now().getTime() + LOCKOUT.minutes * 60_000) : null;
    return { failures: lock ? 0 : n, lock };
  };

  /** An unknown name goes through the same steps, counts and lock as a real account, so the answers are the same. */
  async function unknownUser(ctx: RequestContext, input: LoginInput): Promise<never> {
    const key = input.username.toLowerCase();
    const row = (await db.select().from(loginFailures).where(eq(loginFailures.username, key)).limit(1))[0];
    if (row?.lockedUntil && row.lockedUntil > clock.now()) {
      await writeAudit(db, ctx, { action: 'login_failed', entityType: 'session', summary: `登录失败：用户名 ${input.username} 不存在（锁定中）`, username: input.username });
      throw lockedError(row.lockedUntil);
    }
    await dummyVerify(input.password);
    const { failures, lock } = nextFailure(row?.failures ?? 0);
    const values = { failures, lockedUntil: lock, updatedAt: clock.now() };
    await db.insert(loginFailures).values({ username: key, ...values }).onConflictDoUpdate({ target: loginFailures.username, set: values });
    await writeAudit(db, ctx, { action: 'login_failed', entityType: 'session', summary: `登录失败：用户名 ${input.username} 不存在`, username: input.username });
    throw lock ? lockedError(lock) : INVALID();
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
      if (u.lockedUntil && u.lockedUntil > clock.now()) {
        await writeAudit(db, ctx, { action: 'login_failed', entityType: 'session', summary: '登录失败：账号锁定中', username: u.username, userId: u.id, divisionPath: u.divisionPath });
        throw lockedError(u.lockedUntil);
      }
      if (!(await verifyPassword(u.passwordHash, input.password))) {
        const { failures, lock } = nextFailure(u.failedLogins);
        await usersRepository.setLoginState(db, u.id, { failedLogins: failures, lockedUntil: lock });
        await writeAudit(db, ctx, { action: 'login_failed', entityType: 'session', summary: lock ? `登录失败：密码错误，账号锁定 ${LOCKOUT.minutes} 分钟` : `登录失败：密码错误（第 ${u.failedLogins + 1} 次）`, username: u.username, userId: u.id, divisionPath: u.divisionPath });
        throw lock ? lockedError(lock) : INVALID();
      }
      if (u.status !== 'active') {
        await writeAudit(db, ctx, { action: 'login_failed', entityType: 'session', summary: '登录失败：账号已停用', username: u.username, userId: u.id, divisionPath: u.divisionPath });
        throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
      }
      await usersRepository.setLoginState(db, u.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: clock.now() });
      const s = await sessions.create(u.id, ctx.ip, userAgent);
      await writeAudit(db, ctx, { action: 'login', entityType: 'session', summary: '登录成功', username: u.username, userId: u.id, divisionPath: u.divisionPath });
      return { token: s.token, body: { user: sessionUser(u), csrfToken: s.csrfToken, mustChangePassword: u.mustChangePassword } };
    },

    async logout(ctx: RequestContext & { actor: Actor }) {
      await sessions.revoke(ctx.actor.sessionId);
      await writeAudit(db, ctx, { action: 'logout', entityType: 'session', summary: '退出登录' });
    },

    async changePassword(ctx: RequestContext & { actor: Actor }, input: ChangePasswordInput) {
      const u = await usersRepository.findByUsername(db, ctx.actor.username);
      if (!u || !(await verifyPassword(u.passwordHash, input.currentPassword))) throw fieldError('currentPassword', '当前密码不正确');
      if (input.currentPassword === input.newPassword) throw fieldError('newPassword', '新密码不能与当前密码相同');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await usersRepository.setOwnPassword(tx, u, passwordHash, clock.now());
        await writeAudit(tx, ctx, { action: 'password_change', entityType: 'user', entityId: u.id, divisionPath: u.divisionPath, summary: '修改密码' });
      });
      await sessions.revokeAllFor(u.id, ctx.actor.sessionId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

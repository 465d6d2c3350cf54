import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SESSION_LIMITS } from '@shegong/shared';
import type { Db } from '../../db/database';
import { sessions, users } from '../../modules/users/users.table';

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export function createSessionStore(db: Db) {
  return {
    async create(userId: string, ip: string | null, userAgent: string | null) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_LIMITS.absoluteHours * 3600_000);
      await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null });
      return { token, csrfToken };
    },

    /** The live session and its user, or null when missing, revoked, idle too long or past its absolute end. */
    async resolve(token: string) {
      const rows = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
        .limit(1);
      const row = rows[0];
      if (!row) return null;
      const now = Date.now();
      const idleLimit = row.session.lastSeenAt.getTime() + SESSION_LIMITS.idleMinutes * 60_000;
      if (now > idleLimit || now > row.session.expiresAt.getTime() || row.user.status !== 'active') {
        await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, row.session.id));
        return null;
      }
      // Touch at most once a minute: idle expiry needs no finer grain, and it saves a write per request.
      if (now - row.session.lastSeenAt.getTime() > 60_000) {
        await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.session.id));
      }
      return row;
    },

    async revoke(sessionId: string) {
      await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
    },

    /** Ends every other session of a user (after a password change or when disabled). */
    async revokeAllFor(userId: string, exceptSessionId?: string) {
      const cond = exceptSessionId
        ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.id} <> ${exceptSessionId}`)
        : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
      await db.update(sessions).set({ revokedAt: new Date() }).where(cond);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

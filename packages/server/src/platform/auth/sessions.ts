import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SESSION_LIMITS } from '@shegong/shared';
import type { Db } from '../../db/database';
import type { Clock } from '../clock';
import { sessions } from './sessions.table';

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/** The user behind a session, as the users module supplies it (platform never reads a module's table). */
export interface SessionUserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  divisionCode: string;
  divisionPath: string;
  organisationId: string | null;
  workerId: string | null;
  status: string;
  mustChangePassword: boolean;
}

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export function createSessionStore({
  db,
  clock,
  findUser,
}: {
  db: Db;
  clock: Clock;
  /** The account behind a session, supplied by the users module at composition. */
  findUser: (id: string) => Promise<SessionUserRow | undefined>;
}) {
  const revokeNow = () => ({ revokedAt: clock.now() });
  // Every request reads its session: prepared once (no SQL built per call; PostgreSQL parses and plans it once per
  // connection).
  const byToken = db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), isNull(sessions.revokedAt)))
    .limit(1)
    .prepare('session_by_token');
  return {
    async create(userId: string, ip: string | null, userAgent: string | null) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_LIMITS.absoluteHours * 3600_000);
      await db.insert(sessions).values({
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      return { token, csrfToken };
    },

    /** The live session and its user, or null when missing, revoked, idle too long or past its absolute end. */
    async resolve(token: string) {
      const [session] = await byToken.execute({ hash: hashToken(token) });
      if (!session) return null;
      const user = await findUser(session.userId);
      const now = clock.now().getTime();
      const idleLimit = session.lastSeenAt.getTime() + SESSION_LIMITS.idleMinutes * 60_000;
      if (!user || now > idleLimit || now > session.expiresAt.getTime() || user.status !== 'active') {
        await db.update(sessions).set(revokeNow()).where(eq(sessions.id, session.id));
        return null;
      }
      // Touch at most once a minute: idle expiry needs no finer grain, and it saves a write per request.
      if (now - session.lastSeenAt.getTime() > 60_000) {
        await db.update(sessions).set({ lastSeenAt: clock.now() }).where(eq(sessions.id, session.id));
      }
      return { session, user };
    },

    async revoke(sessionId: string) {
      await db.update(sessions).set(revokeNow()).where(eq(sessions.id, sessionId));
    },

    /** Ends every other session of a user (after a password change or when disabled). */
    async revokeAllFor(userId: string, exceptSessionId?: string) {
      const cond = exceptSessionId
        ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.id} <> ${exceptSessionId}`)
        : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
      await db.update(sessions).set(revokeNow()).where(cond);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

import { and, asc, count, desc, eq, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Scope, UserQuery } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/search';
import { pageRows } from '../../platform/http/paging';
import { users } from './users.table';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

/** The scope condition on users: by the division path the account sits at. */
export const userScope = (scope: Scope): SQL => scopeCondition(scope, { divisionPath: users.divisionPath });

/** Queries only; `scope` is the caller's scope condition and is never optional. */
export const usersRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<UserRow | undefined> {
    const rows = await db
      .select()
      .from(users)
      .where(and(scope, eq(users.id, id)))
      .limit(1);
    return rows[0];
  },
  async findByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
    return rows[0];
  },
  async list(db: DbOrTx, scope: SQL, q: UserQuery) {
    const conds: (SQL | undefined)[] = [scope];
    if (q.q)
      conds.push(or(ilike(users.username, containsPattern(q.q)), ilike(users.displayName, containsPattern(q.q))));
    if (q.role) conds.push(eq(users.role, q.role));
    if (q.status) conds.push(eq(users.status, q.status));
    if (q.divisionCode) conds.push(eq(users.divisionCode, q.divisionCode));
    const where = and(...conds);
    const rows = db.select().from(users).where(where).orderBy(desc(users.createdAt), asc(users.id)).$dynamic();
    return pageRows(rows, db.$count(users, where), q);
  },
  /** `findById` prepared once for a database (the session check reads the user on every request). */
  preparedFindById(db: Db) {
    const q = db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .limit(1)
      .prepare('user_by_id');
    return async (id: string): Promise<UserRow | undefined> => (await q.execute({ id }))[0];
  },
  async findById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  },
  /** Whether a username is taken, or the worker already has a login (one login per roster record). */
  async usernameOrWorkerTaken(db: DbOrTx, username: string, workerId: string): Promise<boolean> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.username, username), eq(users.workerId, workerId)))
      .limit(1);
    return rows.length > 0;
  },
  async create(db: DbOrTx, values: NewUserRow): Promise<UserRow> {
    const [u] = await db.insert(users).values(values).returning();
    return u;
  },
  /** Writes when the version still matches (optimistic locking); undefined when someone else changed it first. */
  async updateVersioned(db: DbOrTx, id: string, version: number, set: Partial<NewUserRow>) {
    const [u] = await db
      .update(users)
      .set(set)
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    return u as UserRow | undefined;
  },
  /** Inserts unless the username is taken (first-start admin): undefined when it was. */
  async insert(db: DbOrTx, values: NewUserRow): Promise<UserRow> {
    const [u] = await db.insert(users).values(values).onConflictDoNothing().returning();
    return u;
  },
  /**
   * Counts a login attempt before the password is checked, atomically, so attempts sent at once cannot all slip past
   * the lockout: the attempt's number, or the lock's end when the account is locked.
   */
  async reserveLoginAttempt(db: DbOrTx, id: string, now: Date): Promise<number | Date> {
    const rows = await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ n: users.failedLogins });
    if (rows[0]) return rows[0].n;
    return (await db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, id)))[0].until ?? now;
  },
  async lockLogin(db: DbOrTx, id: string, until: Date) {
    await db.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, id));
  },
  /** A successful login clears the count, unless a lock set meanwhile (by attempts in flight) must stand. */
  async loginSucceeded(
    db: DbOrTx,
    id: string,
    now: Date,
    opts: { touchLastLogin: boolean } = { touchLastLogin: true },
  ): Promise<boolean> {
    const rows = await db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, ...(opts.touchLastLogin ? { lastLoginAt: now } : {}) })
      .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ id: users.id });
    return rows.length > 0;
  },
  async setOwnPassword(db: DbOrTx, u: UserRow, passwordHash: string, at: Date) {
    await db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: at, updatedBy: u.id, version: u.version + 1 })
      .where(eq(users.id, u.id));
  },
  async countAll(db: DbOrTx): Promise<number> {
    const [{ n }] = await db.select({ n: count() }).from(users);
    return n;
  },
  /** Active users of a role, by display name (the third-party evaluators a round may be given, R-EVAL-1). */
  async activeOfRole(db: DbOrTx, role: UserRow['role']): Promise<{ id: string; name: string }[]> {
    return db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(sql`${users.role} = ${role} and ${users.status} = 'active'`)
      .orderBy(users.displayName, users.id);
  },
  /** Display names by id (who assessed, who recorded). */
  async displayNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(sql`${users.id} = any(${sql.param(ids)}::uuid[])`);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

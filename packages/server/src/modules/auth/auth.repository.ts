import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { loginFailures } from './login-failures.table';

/**
 * Failed logins for names no account has (`login_failures`), counted exactly like an account's so the answers never
 * tell which accounts exist. Accounts keep their own count in the users table (usersRepository.reserveLoginAttempt).
 */
export const loginFailuresRepository = {
  /**
   * Counts an attempt before the password is checked, atomically: the attempt's number, or the lock's end when the
   * name is locked.
   */
  async reserve(db: DbOrTx, name: string, now: Date): Promise<number | Date> {
    const rows = await db
      .insert(loginFailures)
      .values({ username: name, failures: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: loginFailures.username,
        set: { failures: sql`${loginFailures.failures} + 1`, updatedAt: now },
        setWhere: sql`${loginFailures.lockedUntil} is null or ${loginFailures.lockedUntil} <= ${now}`,
      })
      .returning({ n: loginFailures.failures });
    if (rows[0]) return rows[0].n;
    const locked = await db
      .select({ until: loginFailures.lockedUntil })
      .from(loginFailures)
      .where(eq(loginFailures.username, name));
    return locked[0].until ?? now;
  },
  async lock(db: DbOrTx, name: string, until: Date, now: Date) {
    await db
      .update(loginFailures)
      .set({ lockedUntil: until, failures: 0, updatedAt: now })
      .where(eq(loginFailures.username, name));
  },
};

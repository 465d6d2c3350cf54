import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { commendations as c } from './reports.table';

/** The city's marks for commendation (R-REP-4, 二（一）): one row per period and unit, archived when unmarked. */
export const commendationsRepository = {
  /** The live marks of a period under a division path (the caller's scope): unit code → note. */
  async ofPeriod(db: DbOrTx, periodKey: string, path: string): Promise<Map<string, string>> {
    const rows = await db
      .select({ unitCode: c.unitCode, note: c.note })
      .from(c)
      .where(and(eq(c.periodKey, periodKey), sql`${c.divisionPath} like ${`${path}%`}`, isNull(c.archivedAt)));
    return new Map(rows.map((r) => [r.unitCode, r.note]));
  },
  async find(db: DbOrTx, periodKey: string, unitCode: string) {
    const [row] = await db
      .select()
      .from(c)
      .where(and(eq(c.periodKey, periodKey), eq(c.unitCode, unitCode)));
    return row;
  },
  /** Marks (or marks again, with a new note) a unit; one row per period and unit, whatever happened before. */
  async mark(db: DbOrTx, m: { periodKey: string; unitCode: string; divisionPath: string; note: string; by: string }) {
    const { by, ...values } = m;
    const [row] = await db
      .insert(c)
      .values({ ...values, createdBy: by, updatedBy: by })
      .onConflictDoUpdate({
        target: [c.periodKey, c.unitCode],
        set: {
          note: m.note,
          archivedAt: null,
          updatedAt: sql`now()`,
          updatedBy: by,
          version: sql`${c.version} + 1`,
        },
      })
      .returning();
    return row;
  },
  async unmark(db: DbOrTx, id: string, by: string) {
    await db
      .update(c)
      .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, updatedBy: by, version: sql`${c.version} + 1` })
      .where(eq(c.id, id));
  },
};

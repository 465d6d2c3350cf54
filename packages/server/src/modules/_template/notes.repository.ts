import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import type { NoteQuery } from './notes.schemas';
import { notes } from './notes.table';

export type NoteRow = typeof notes.$inferSelect;

/** The scope condition of a caller, for every read (R-SCOPE-1). */
export const noteScope = (scope: Scope) =>
  scopeCondition(scope, { divisionPath: notes.divisionPath, stationId: notes.stationId });

/** The only reader and writer of `template_notes`. */
export const notesRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<NoteRow | undefined> {
    const [row] = await db
      .select()
      .from(notes)
      .where(and(scope, eq(notes.id, id), isNull(notes.archivedAt)))
      .limit(1);
    return row;
  },
  /** One page and the total, in two queries whatever the page size. */
  async page(db: DbOrTx, scope: SQL, q: NoteQuery) {
    const where = and(scope, isNull(notes.archivedAt), q.stationId ? eq(notes.stationId, q.stationId) : undefined);
    const rows = db.select().from(notes).where(where).orderBy(desc(notes.updatedAt), notes.id).$dynamic();
    return pageRows(rows, db.$count(notes, where), q);
  },
  async insert(db: DbOrTx, values: typeof notes.$inferInsert): Promise<NoteRow> {
    const [row] = await db.insert(notes).values(values).returning();
    return row;
  },
  /** Optimistic locking: answers nothing when the version moved on. */
  async update(db: DbOrTx, id: string, version: number, set: Partial<typeof notes.$inferInsert>) {
    const [row] = await db
      .update(notes)
      .set({ ...set, version: version + 1 })
      .where(and(eq(notes.id, id), eq(notes.version, version)))
      .returning();
    return row as NoteRow | undefined;
  },
};

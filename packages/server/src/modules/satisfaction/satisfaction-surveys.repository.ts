import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CallBackStatus, SatisfactionSurveyQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { underUnit } from './satisfaction.repository';
import { satisfactionCalls as c, satisfactionSurveys as s } from './satisfaction.table';

export type SurveyRow = typeof s.$inferSelect;
export type CallRow = typeof c.$inferSelect;

/** Which surveys an actor reaches (R-SCOPE-1): the surveyors' division. */
export const surveyScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: s.divisionPath,
    stationId: s.stationId,
    organisationId: s.organisationId,
  });

/** All SQL of the call-back surveys and their calls. */
export const surveysRepository = {
  async insert(db: DbOrTx, values: typeof s.$inferInsert, people: string[]): Promise<SurveyRow> {
    const [row] = await db.insert(s).values(values).returning();
    if (people.length) await db.insert(c).values(people.map((beneficiaryId) => ({ surveyId: row.id, beneficiaryId })));
    return row;
  },

  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<SurveyRow | undefined> {
    const [row] = await db
      .select()
      .from(s)
      .where(and(scope, eq(s.id, id)));
    return row;
  },

  page(db: DbOrTx, scope: SQL, q: SatisfactionSurveyQuery) {
    const where = and(
      scope,
      q.stationId ? eq(s.stationId, q.stationId) : undefined,
      q.unit ? underUnit(s.divisionPath, q.unit) : undefined,
    );
    return pageRows(
      db.select().from(s).where(where).orderBy(desc(s.createdAt), desc(s.id)).$dynamic(),
      db.$count(s, where),
      q,
    );
  },

  /** Calls per status of each survey. */
  async counts(db: DbOrTx, surveyIds: string[]): Promise<Map<string, Record<CallBackStatus, number>>> {
    const out = new Map<string, Record<CallBackStatus, number>>();
    for (const id of surveyIds) out.set(id, { pending: 0, answered: 0, unreachable: 0, declined: 0 });
    if (surveyIds.length === 0) return out;
    const rows = await db
      .select({ surveyId: c.surveyId, status: c.status, n: sql<number>`count(*)::int` })
      .from(c)
      .where(inArray(c.surveyId, surveyIds))
      .groupBy(c.surveyId, c.status);
    for (const r of rows) out.get(r.surveyId)![r.status] = r.n;
    return out;
  },

  callsOf(db: DbOrTx, surveyId: string): Promise<CallRow[]> {
    return db.select().from(c).where(eq(c.surveyId, surveyId)).orderBy(asc(c.id));
  },

  async call(db: DbOrTx, surveyId: string, callId: string): Promise<CallRow | undefined> {
    const [row] = await db
      .select()
      .from(c)
      .where(and(eq(c.surveyId, surveyId), eq(c.id, callId)));
    return row;
  },

  /** Records a call's outcome once, guarded by the version read (a stale or second write changes nothing). */
  async record(db: DbOrTx, id: string, version: number, set: Partial<typeof c.$inferInsert>) {
    const [row] = await db
      .update(c)
      .set({ ...set, version: sql`${c.version} + 1` })
      .where(and(eq(c.id, id), eq(c.version, version), eq(c.status, 'pending')))
      .returning();
    return row as CallRow | undefined;
  },

  async touch(db: DbOrTx, id: string, by: string) {
    await db
      .update(s)
      .set({ updatedAt: sql`now()`, updatedBy: by, version: sql`${s.version} + 1` })
      .where(eq(s.id, id));
  },
};

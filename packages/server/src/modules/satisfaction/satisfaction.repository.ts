import { and, desc, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { SATISFIED_AT, type SatisfactionChannel, type SatisfactionQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { satisfactionChallengeUses, satisfactionResponses as r } from './satisfaction.table';

export type ResponseRow = typeof r.$inferSelect;
export type ResponseInsert = typeof r.$inferInsert;

/** Which answers an actor reaches (R-SCOPE-1): officers their division, the contractor its own stations' answers. */
export const responseScope = (actor: Actor): SQL =>
  scopeCondition(actor.scope, {
    divisionPath: r.divisionPath,
    stationId: r.stationId,
    organisationId: r.organisationId,
  });

/** A unit (county or zone) filter on a division path column. */
export const underUnit = (col: AnyColumn, unit: string): SQL => sql`${col} like ${'%/' + unit + '/%'}`;

function filterOf(q: Partial<SatisfactionQuery>): SQL[] {
  const out: SQL[] = [];
  if (q.stationId) out.push(eq(r.stationId, q.stationId));
  if (q.unit) out.push(underUnit(r.divisionPath, q.unit));
  if (q.organisationId) out.push(eq(r.organisationId, q.organisationId));
  if (q.channel) out.push(eq(r.channel, q.channel));
  if (q.from) out.push(gte(r.answeredOn, q.from));
  if (q.to) out.push(lte(r.answeredOn, q.to));
  return out;
}

export interface Tally {
  stationId: string;
  channel: SatisfactionChannel;
  answers: number;
  satisfied: number;
}

/** All SQL of the answers; every read takes a scope condition (or names its stations, for the evaluation). */
export const responsesRepository = {
  async insert(db: DbOrTx, values: ResponseInsert): Promise<ResponseRow> {
    const [row] = await db.insert(r).values(values).returning();
    return row;
  },

  /** Records a challenge's nonce as used; false when it was used before. Clears uses past their expiry. */
  async useChallenge(tx: DbOrTx, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    await tx.delete(satisfactionChallengeUses).where(lte(satisfactionChallengeUses.expiresAt, now));
    const rows = await tx
      .insert(satisfactionChallengeUses)
      .values({ nonce, expiresAt })
      .onConflictDoNothing()
      .returning({ nonce: satisfactionChallengeUses.nonce });
    return rows.length === 1;
  },

  /** Newest first. */
  page(db: DbOrTx, scope: SQL, q: SatisfactionQuery) {
    const where = and(scope, ...filterOf(q));
    return pageRows(
      db.select().from(r).where(where).orderBy(desc(r.answeredOn), desc(r.createdAt), desc(r.id)).$dynamic(),
      db.$count(r, where),
      q,
    );
  },

  /** Answers and satisfied answers (overall ≥ SATISFIED_AT) per station and channel in a period. */
  tallies(db: DbOrTx, where: SQL, from: string, to: string): Promise<Tally[]> {
    return db
      .select({
        stationId: r.stationId,
        channel: r.channel,
        answers: sql<number>`count(*)::int`,
        satisfied: sql<number>`(count(*) filter (where ${r.overall} >= ${SATISFIED_AT}))::int`,
      })
      .from(r)
      .where(and(where, gte(r.answeredOn, from), lte(r.answeredOn, to)))
      .groupBy(r.stationId, r.channel)
      .orderBy(r.stationId, r.channel);
  },

  /** The evaluation's figure: answers of the named stations, both channels (no scope: the round holds the stations). */
  async ofStations(db: DbOrTx, stationIds: string[], from: string, to: string) {
    if (stationIds.length === 0) return { answers: 0, satisfied: 0 };
    const [row] = await db
      .select({
        answers: sql<number>`count(*)::int`,
        satisfied: sql<number>`(count(*) filter (where ${r.overall} >= ${SATISFIED_AT}))::int`,
      })
      .from(r)
      .where(and(inArray(r.stationId, stationIds), gte(r.answeredOn, from), lte(r.answeredOn, to)));
    return { answers: row?.answers ?? 0, satisfied: row?.satisfied ?? 0 };
  },

  byIds(db: DbOrTx, ids: string[]): Promise<ResponseRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select().from(r).where(inArray(r.id, ids));
  },
};

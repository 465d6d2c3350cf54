import { and, asc, desc, eq, inArray, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ContractQuery, Scope } from '@shegong/shared';
import type { Db, DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import { agreements, contractEvaluations, contractStations, contracts } from './contracts.table';

export type ContractRow = typeof contracts.$inferSelect;
export type NewContract = typeof contracts.$inferInsert;
export type AgreementRow = typeof agreements.$inferSelect;
export type EvaluationRow = typeof contractEvaluations.$inferSelect;
/** A contract's agreements, evaluations and stations, each in year (or insertion) order. */
export interface ContractParts {
  ags: AgreementRow[];
  evs: EvaluationRow[];
  stationIds: string[];
}

/**
 * The one definition of a live contract (R-CON-2): not archived, not ended by status, and its end (the cycle's end,
 * or the end of a failed year) not yet passed on `today`. Judged on the Clock's date at every call, never captured.
 */
export const liveOn = (today: string | Placeholder): SQL =>
  sql`${contracts.archivedAt} is null and ${contracts.status} <> 'ended' and coalesce(${contracts.endsOn}, ${contracts.cycleEnd}) >= ${today}::date`;

/** The caller's reach over contracts: a unit's own and those below it; contractor staff their organisation's. */
export const contractScope = (scope: Scope): SQL =>
  scopeCondition(scope, { divisionPath: contracts.divisionPath, organisationId: contracts.organisationId });

const notArchived = isNull(contracts.archivedAt);

/** R-CON-1…3 contracts, their agreements, evaluations and stations: all SQL of the contracts module. */
export const contractsRepository = {
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ContractRow | undefined> {
    const rows = await db
      .select()
      .from(contracts)
      .where(and(eq(contracts.id, id), scope, notArchived))
      .limit(1);
    return rows[0];
  },
  /** One page of the contracts in scope, with the total over the same filter. */
  async page(db: DbOrTx, scope: SQL, q: ContractQuery) {
    const where = and(scope, notArchived, q.county ? eq(contracts.countyCode, q.county) : undefined);
    const page = db
      .select()
      .from(contracts)
      .where(where)
      .orderBy(desc(contracts.signedOn), desc(contracts.createdAt), asc(contracts.id));
    const { items: rows, total } = await pageRows(page.$dynamic(), db.$count(contracts, where), q);
    return { rows, total };
  },
  /** Every contract in scope (the compliance overview judges them all). */
  allInScope(db: DbOrTx, scope: SQL): Promise<ContractRow[]> {
    return db.select().from(contracts).where(and(scope, notArchived));
  },
  /** Agreements, evaluations and stations of many contracts in three queries, grouped by contract. */
  async partsOf(db: DbOrTx, ids: string[]): Promise<Map<string, ContractParts>> {
    const out = new Map<string, ContractParts>(ids.map((id) => [id, { ags: [], evs: [], stationIds: [] }]));
    if (ids.length === 0) return out;
    const [ags, evs, sts] = await Promise.all([
      db.select().from(agreements).where(inArray(agreements.contractId, ids)).orderBy(asc(agreements.yearNo)),
      db
        .select()
        .from(contractEvaluations)
        .where(inArray(contractEvaluations.contractId, ids))
        .orderBy(asc(contractEvaluations.yearNo)),
      db
        .select({ contractId: contractStations.contractId, stationId: contractStations.stationId })
        .from(contractStations)
        .where(inArray(contractStations.contractId, ids)),
    ]);
    for (const a of ags) out.get(a.contractId)?.ags.push(a);
    for (const e of evs) out.get(e.contractId)?.evs.push(e);
    for (const s of sts) out.get(s.contractId)?.stationIds.push(s.stationId);
    return out;
  },
  async signedFrom(db: DbOrTx, procurementId: string): Promise<boolean> {
    const rows = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(eq(contracts.procurementId, procurementId))
      .limit(1);
    return rows.length > 0;
  },
  async insert(tx: DbOrTx, values: NewContract, stationIds: string[]): Promise<ContractRow> {
    const [c] = await tx.insert(contracts).values(values).returning();
    if (stationIds.length)
      await tx.insert(contractStations).values(stationIds.map((stationId) => ({ contractId: c.id, stationId })));
    return c;
  },
  async insertAgreement(tx: DbOrTx, values: typeof agreements.$inferInsert): Promise<AgreementRow> {
    const [a] = await tx.insert(agreements).values(values).returning();
    return a;
  },
  async insertEvaluation(tx: DbOrTx, values: typeof contractEvaluations.$inferInsert) {
    await tx.insert(contractEvaluations).values(values);
  },
  async update(tx: DbOrTx, id: string, set: Partial<NewContract>) {
    await tx.update(contracts).set(set).where(eq(contracts.id, id));
  },
  /** Records an agreement's publication date; undefined when the agreement is not the contract's. */
  async publishAgreement(tx: DbOrTx, contractId: string, agreementId: string, publishedOn: string) {
    const [a] = await tx
      .update(agreements)
      .set({ publishedOn })
      .where(and(eq(agreements.id, agreementId), eq(agreements.contractId, contractId)))
      .returning();
    return a as AgreementRow | undefined;
  },

  // Answers for other modules (through contracts.lookup.ts).
  /**
   * The stations an organisation's live contracts cover on a day: prepared once for a database (a contractor's scope
   * reads it on every request).
   */
  preparedCoveredStationIds(db: Db) {
    const q = db
      .selectDistinct({ stationId: contractStations.stationId })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .where(and(eq(contracts.organisationId, sql.placeholder('organisationId')), liveOn(sql.placeholder('today'))))
      .prepare('organisation_covered_stations');
    return async (organisationId: string, today: string) =>
      (await q.execute({ organisationId, today })).map((r) => r.stationId);
  },
  /** Whether the organisation holds a live contract of a unit inside the scope condition. */
  async hasLiveIn(db: DbOrTx, organisationId: string, today: string, scope: Scope): Promise<boolean> {
    const rows = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(
        and(
          eq(contracts.organisationId, organisationId),
          liveOn(today),
          scopeCondition(scope, { divisionPath: contracts.divisionPath }),
        ),
      )
      .limit(1);
    return rows.length > 0;
  },
  /** The start of the earliest contract covering each station (one GROUP BY). */
  async firstCycleStarts(db: DbOrTx, stationIds: string[]) {
    if (stationIds.length === 0) return [];
    return db
      .select({ stationId: contractStations.stationId, start: sql<string>`min(${contracts.cycleStart})` })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .where(and(inArray(contractStations.stationId, stationIds), notArchived))
      .groupBy(contractStations.stationId);
  },
  /** The contract signed from each procurement. */
  async byProcurement(db: DbOrTx, procurementIds: string[]) {
    if (procurementIds.length === 0) return [];
    return db
      .select({ id: contracts.id, procurementId: contracts.procurementId })
      .from(contracts)
      .where(inArray(contracts.procurementId, procurementIds));
  },
  /** The live contracts covering the stations on `today`, one row per station and contract. */
  async liveByStation(db: DbOrTx, stationIds: string[], today: string) {
    if (stationIds.length === 0) return [];
    return db
      .select({
        stationId: contractStations.stationId,
        contractId: contracts.id,
        organisationId: contracts.organisationId,
        endsOn: contracts.endsOn,
        cycleEnd: contracts.cycleEnd,
        status: contracts.status,
      })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .where(and(inArray(contractStations.stationId, stationIds), liveOn(today)));
  },
  /**
   * The organisation whose contract covered the station on a day (past days too: a late-entered service record);
   * prepared, as every service record's create asks it.
   */
  preparedOrganisationOn(db: DbOrTx) {
    const day = sql`${sql.placeholder('day')}::date`;
    const q = db
      .select({ organisationId: contracts.organisationId })
      .from(contractStations)
      .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
      .where(
        and(
          eq(contractStations.stationId, sql.placeholder('stationId')),
          notArchived,
          sql`${contracts.cycleStart} <= ${day} and coalesce(${contracts.endsOn}, ${contracts.cycleEnd}) >= ${day}`,
        ),
      )
      .orderBy(desc(contracts.cycleStart))
      .limit(1)
      .prepare('organisation_on');
    return async (stationId: string, day: string): Promise<string | null> =>
      (await q.execute({ stationId, day }))[0]?.organisationId ?? null;
  },
  /** The agreement year running on `today` of each contract. */
  async currentYears(db: DbOrTx, contractIds: string[], today: string) {
    if (contractIds.length === 0) return [];
    return db
      .select({ contractId: agreements.contractId, yearNo: agreements.yearNo })
      .from(agreements)
      .where(
        and(
          inArray(agreements.contractId, contractIds),
          sql`${agreements.periodStart} <= ${today}::date and ${agreements.periodEnd} >= ${today}::date`,
        ),
      );
  },
  /**
   * What the reporting calendar is built from (R-REP-1): every contract's stations over the time it is in force, and
   * its agreement years. Unscoped on purpose: the schedule is the whole city's; readers see reports through their scope.
   */
  async reportingBasis(db: DbOrTx) {
    const [coverage, years] = await Promise.all([
      db
        .select({
          contractId: contracts.id,
          organisationId: contracts.organisationId,
          countyCode: contracts.countyCode,
          stationId: contractStations.stationId,
          from: contracts.cycleStart,
          to: sql<string>`coalesce(${contracts.endsOn}, ${contracts.cycleEnd})::text`,
        })
        .from(contractStations)
        .innerJoin(contracts, eq(contracts.id, contractStations.contractId))
        .where(notArchived)
        .orderBy(asc(contracts.cycleStart), asc(contracts.id)),
      db
        .select({
          contractId: contracts.id,
          organisationId: contracts.organisationId,
          countyCode: contracts.countyCode,
          divisionPath: contracts.divisionPath,
          yearNo: agreements.yearNo,
          periodStart: agreements.periodStart,
          periodEnd: agreements.periodEnd,
        })
        .from(agreements)
        .innerJoin(contracts, eq(contracts.id, agreements.contractId))
        .where(notArchived),
    ]);
    return { coverage, years };
  },
  /** The stations a contract covers (an agreement-year report's figures are theirs). */
  async stationIdsOf(db: DbOrTx, contractId: string): Promise<string[]> {
    const rows = await db
      .select({ stationId: contractStations.stationId })
      .from(contractStations)
      .where(eq(contractStations.contractId, contractId));
    return rows.map((r) => r.stationId);
  },
  /** A cheap fingerprint of what the calendar depends on, so the schedule is rebuilt only when contracts change. */
  async reportingFingerprint(db: DbOrTx): Promise<string> {
    const [[c], [a], [s]] = await Promise.all([
      db
        .select({ n: sql<string>`count(*)::text`, at: sql<string>`coalesce(max(${contracts.updatedAt})::text, '')` })
        .from(contracts),
      db.select({ n: sql<string>`count(*)::text` }).from(agreements),
      db.select({ n: sql<string>`count(*)::text` }).from(contractStations),
    ]);
    return `${c.n}/${c.at}/${a.n}/${s.n}`;
  },
};

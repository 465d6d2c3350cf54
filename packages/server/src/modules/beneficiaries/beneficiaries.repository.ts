import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { HEALTH_CATEGORIES, ADULT_AGE, type BeneficiaryQuery, type Scope } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { scopeCondition } from '../../platform/auth/scope';
import { pageRows } from '../../platform/http/paging';
import {
  beneficiaries as b,
  beneficiaryCategories as cats,
  beneficiaryConsents as consents,
  beneficiaryContacts as contacts,
  beneficiaryHouseholdMembers as household,
  beneficiaryRiskAssessments as risks,
  beneficiaryStations as links,
} from './beneficiaries.table';

export type BeneficiaryRow = typeof b.$inferSelect;
export type BeneficiaryInsert = typeof b.$inferInsert;
export type LinkRow = typeof links.$inferSelect;
export type CategoryRow = typeof cats.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type HouseholdRow = typeof household.$inferSelect;

/**
 * The people served by the stations a link condition selects, driven from the links: a station's people are found by
 * their link rows (indexed by station or worker) and then by primary key, never by scanning every person — the form
 * the planner cannot turn into a sequential scan of the whole registry (docs/PERFORMANCE.md, issue 10).
 */
const servedVia = (linkCondition: SQL) =>
  sql`${b.id} = any(array(select ${links.beneficiaryId} from ${links} where ${links.archivedAt} is null and ${linkCondition}))`;

/**
 * Which people a scope reaches (R-SCOPE-1, R-SCOPE-2): those served by a station in it. Every station serving a person
 * (the registering one included) is a row of `beneficiary_stations`. Officers reach a division: an EXISTS the planner
 * runs from the name index or the links. Contractor staff and social workers reach a few stations: a list is driven
 * from their links (`servedVia`); a query that selects few rows by itself (`narrow.selective`: a search, one id) from its
 * own index with the links checked per row (EXISTS); a list of one
 * of one station (`narrow.stationId`), for anyone, reads that station's links only (docs/PERFORMANCE.md, issue 10).
 */
export function beneficiaryScope(scope: Scope, narrow: { stationId?: string; selective?: boolean } = {}): SQL {
  const exists = (inScope: SQL) =>
    sql`exists (select 1 from ${links} where ${links.beneficiaryId} = ${b.id} and ${links.archivedAt} is null and ${inScope})`;
  if (scope.kind === 'division') {
    const inDivision = scopeCondition(scope, { divisionPath: links.divisionPath, stationId: links.stationId });
    return narrow.stationId
      ? servedVia(sql`${links.stationId} = ${narrow.stationId} and ${inDivision}`)
      : exists(inDivision);
  }
  const ids = narrow.stationId ? scope.stationIds.filter((id) => id === narrow.stationId) : scope.stationIds;
  if (ids.length === 0) return sql`false`;
  const atStations = sql`${links.stationId} = any(${sql.param(ids)}::uuid[])`;
  return narrow.selective ? exists(atStations) : servedVia(atStations);
}

/** Served by one station (registering or linked). */
const servedBy = (col: SQL) =>
  sql`exists (select 1 from ${links} where ${links.beneficiaryId} = ${b.id} and ${links.archivedAt} is null and ${col})`;

/** In a category on a date, both ends inclusive (R-SVC-1 "as of a date"). */
const inCategoryOn = (category: string, on: string) =>
  sql`exists (select 1 from ${cats} where ${cats.beneficiaryId} = ${b.id} and ${cats.archivedAt} is null and ${cats.category} = ${category} and ${cats.startedOn} <= ${on}::date and (${cats.endedOn} is null or ${cats.endedOn} >= ${on}::date))`;

/** A minor or a person ever in a health category: the same rule as `isSensitive` in the policy, in SQL. */
const sensitiveSql = (today: string) =>
  sql`(${b.birthDate} > (${today}::date - interval '${sql.raw(String(ADULT_AGE))} years') or (${b.birthDate} is null and ${b.birthYear} > ${Number(today.slice(0, 4)) - ADULT_AGE}) or exists (select 1 from ${cats} where ${cats.beneficiaryId} = ${b.id} and ${cats.archivedAt} is null and ${cats.category} = any(${sql.param([...HEALTH_CATEGORIES])}::text[])))`;

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const reversed = (text: string) => [...text].reverse().join('');

/**
 * The search box: a whole ID number, the last digits of an ID number or a phone (reverse-indexed), a whole phone, or
 * the start of a name — each an index lookup, whatever the scope's size.
 */
function searchCondition(q: string): SQL {
  const t = q.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(t)) return eq(b.idNumber, t);
  // A whole mobile number through the same reverse index as its last digits (phone has no plain index).
  if (/^1\d{10}$/.test(t)) return sql`(reverse(${b.phone}) like ${likePrefix(reversed(t))} and ${b.phone} = ${t})`;
  if (/^\d{3,17}X?$/.test(t))
    return sql`(reverse(${b.idNumber}) like ${likePrefix(reversed(t))} or reverse(${b.phone}) like ${likePrefix(reversed(t))})`;
  return sql`${b.name} like ${likePrefix(q.trim())}`;
}

export interface ListFilter extends Omit<BeneficiaryQuery, 'page' | 'pageSize' | 'countyCode'> {
  /** The county's division path, resolved by the service from `countyCode`. */
  countyPath?: string;
  /**
   * Leave out records withheld from the caller (sensitive, and the caller neither may see them nor is responsible
   * through `workerId`): set when a filter would otherwise confirm a withheld fact (a health category, a risk grade,
   * a phone or ID number).
   */
  withheld?: { workerId: string | null };
}

/** The only reader and writer of the beneficiaries tables (the import's bulk statements excepted). */
export const beneficiariesRepository = {
  /** The list's condition: scope first, then every filter; `today` decides "as of" and who is a minor. */
  where(scope: SQL, f: ListFilter, today: string): SQL {
    const asOf = f.asOf ?? today;
    return and(
      scope,
      isNull(b.archivedAt),
      f.q ? searchCondition(f.q) : undefined,
      f.village ? sql`${b.village} like ${likePrefix(f.village)}` : undefined,
      f.category ? inCategoryOn(f.category, asOf) : undefined,
      f.risk ? eq(b.riskLevel, f.risk) : undefined,
      f.stationId ? servedVia(sql`${links.stationId} = ${f.stationId}`) : undefined,
      f.workerId ? servedVia(sql`${links.workerId} = ${f.workerId}`) : undefined,
      f.countyPath ? servedBy(sql`${links.divisionPath} like ${likePrefix(f.countyPath)}`) : undefined,
      f.withheld
        ? f.withheld.workerId
          ? sql`(not ${sensitiveSql(today)} or ${servedBy(sql`${links.workerId} = ${f.withheld.workerId}`)})`
          : sql`not ${sensitiveSql(today)}`
        : undefined,
      // No service in the last N days (R-SVC-5): the last service kept with each record, one row per person.
      f.noServiceDays
        ? sql`not exists (select 1 from ${contacts} where ${contacts.beneficiaryId} = ${b.id} and ${contacts.lastServiceOn} > ${today}::date - ${f.noServiceDays}::int)`
        : undefined,
      f.sensitive === true ? sensitiveSql(today) : f.sensitive === false ? sql`not ${sensitiveSql(today)}` : undefined,
    )!;
  },
  /** One page by name and the total: two queries whatever the page size. */
  async page(db: DbOrTx, where: SQL, q: { page: number; pageSize: number }) {
    const rows = db.select().from(b).where(where).orderBy(asc(b.name), asc(b.id)).$dynamic();
    return pageRows(rows, db.$count(b, where), q);
  },
  /** Every row the filter selects, in list order, up to `limit` (exports). */
  async all(db: DbOrTx, where: SQL, limit: number) {
    return db.select().from(b).where(where).orderBy(asc(b.name), asc(b.id)).limit(limit);
  },
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<BeneficiaryRow | undefined> {
    const [row] = await db
      .select()
      .from(b)
      .where(and(scope, eq(b.id, id), isNull(b.archivedAt)))
      .limit(1);
    return row;
  },
  /** One person once: the record holding a citizen ID, wherever it is (matching, never shown beyond a match). */
  async byIdNumber(db: DbOrTx, idNumber: string): Promise<BeneficiaryRow | undefined> {
    const [row] = await db
      .select()
      .from(b)
      .where(and(eq(b.idNumber, idNumber), isNull(b.archivedAt)))
      .limit(1);
    return row;
  },
  async byId(db: DbOrTx, id: string): Promise<BeneficiaryRow | undefined> {
    const [row] = await db
      .select()
      .from(b)
      .where(and(eq(b.id, id), isNull(b.archivedAt)))
      .limit(1);
    return row;
  },
  /** People without ID who may be the same person: same name and gender, birth year within one, same village when given. */
  async samePerson(db: DbOrTx, p: { name: string; gender: string | null; birthYear: number | null; village: string }) {
    return db
      .select()
      .from(b)
      .where(
        and(
          eq(b.name, p.name),
          isNull(b.archivedAt),
          // People with an ID are found by it; only those without one are matched by what they look like.
          isNull(b.idNumber),
          p.gender ? eq(b.gender, p.gender as 'male' | 'female') : undefined,
          p.birthYear ? sql`${b.birthYear} between ${p.birthYear - 1} and ${p.birthYear + 1}` : undefined,
          p.village ? eq(b.village, p.village) : undefined,
        ),
      )
      .orderBy(asc(b.id))
      .limit(10);
  },
  async namesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: b.id, name: b.name }).from(b).where(inArray(b.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  /** The stations serving each person. */
  async linksOf(db: DbOrTx, ids: string[]): Promise<LinkRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(links)
      .where(and(inArray(links.beneficiaryId, ids), isNull(links.archivedAt)))
      .orderBy(asc(links.since), asc(links.id));
  },
  async categoriesOf(db: DbOrTx, ids: string[]): Promise<CategoryRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(cats)
      .where(and(inArray(cats.beneficiaryId, ids), isNull(cats.archivedAt)))
      .orderBy(desc(cats.startedOn), asc(cats.id));
  },
  async risksOf(db: DbOrTx, id: string): Promise<RiskRow[]> {
    return db
      .select()
      .from(risks)
      .where(eq(risks.beneficiaryId, id))
      .orderBy(desc(risks.assessedOn), desc(risks.createdAt), desc(risks.id));
  },
  async consentsOf(db: DbOrTx, id: string): Promise<ConsentRow[]> {
    return db
      .select()
      .from(consents)
      .where(eq(consents.beneficiaryId, id))
      .orderBy(desc(consents.recordedOn), desc(consents.createdAt), desc(consents.id));
  },
  async householdOf(db: DbOrTx, id: string): Promise<HouseholdRow[]> {
    return db
      .select()
      .from(household)
      .where(eq(household.beneficiaryId, id))
      .orderBy(asc(household.position), asc(household.id));
  },
  async insert(db: DbOrTx, values: BeneficiaryInsert): Promise<BeneficiaryRow> {
    const [row] = await db.insert(b).values(values).returning();
    return row;
  },
  /** Optimistic locking: answers nothing when the version moved on. */
  async update(db: DbOrTx, id: string, version: number, set: Partial<BeneficiaryInsert>) {
    const [row] = await db
      .update(b)
      .set({ ...set, version: version + 1 })
      .where(and(eq(b.id, id), eq(b.version, version)))
      .returning();
    return row as BeneficiaryRow | undefined;
  },
  /** Serialises changes to one person's periods (the overlap check reads, then writes). */
  async lockPerson(db: DbOrTx, id: string) {
    await db.select({ id: b.id }).from(b).where(eq(b.id, id)).for('update');
  },
  /** The latest grade, and the first assessment's date (`graded_on`: the earliest of those assessed so far). */
  async setRisk(db: DbOrTx, id: string, level: BeneficiaryRow['riskLevel'], assessedOn: string) {
    await db
      .update(b)
      .set({ riskLevel: level, gradedOn: sql`least(${b.gradedOn}, ${assessedOn}::date)` })
      .where(eq(b.id, id));
  },
  async insertLink(db: DbOrTx, values: typeof links.$inferInsert): Promise<LinkRow> {
    const [row] = await db.insert(links).values(values).returning();
    return row;
  },
  /** The responsible worker at a station the person is served by. */
  async setLinkWorker(db: DbOrTx, beneficiaryId: string, stationId: string, workerId: string | null) {
    await db
      .update(links)
      .set({ workerId })
      .where(and(eq(links.beneficiaryId, beneficiaryId), eq(links.stationId, stationId), isNull(links.archivedAt)));
  },
  async insertCategories(db: DbOrTx, values: (typeof cats.$inferInsert)[]): Promise<CategoryRow[]> {
    if (values.length === 0) return [];
    return db.insert(cats).values(values).returning();
  },
  async endCategory(db: DbOrTx, id: string, version: number, endedOn: string, by: string, at: Date) {
    const [row] = await db
      .update(cats)
      .set({ endedOn, version: version + 1, updatedBy: by, updatedAt: at })
      .where(and(eq(cats.id, id), eq(cats.version, version)))
      .returning();
    return row as CategoryRow | undefined;
  },
  async insertRisk(db: DbOrTx, values: typeof risks.$inferInsert): Promise<RiskRow> {
    const [row] = await db.insert(risks).values(values).returning();
    return row;
  },
  async insertConsent(db: DbOrTx, values: typeof consents.$inferInsert): Promise<ConsentRow> {
    const [row] = await db.insert(consents).values(values).returning();
    return row;
  },
  /** The household as submitted replaces the one on record (a short list edited as a whole). */
  async replaceHousehold(
    db: DbOrTx,
    id: string,
    members: { name: string; relation: string; memberId: string | null }[],
  ) {
    await db.delete(household).where(eq(household.beneficiaryId, id));
    if (members.length === 0) return;
    await db.insert(household).values(members.map((m, position) => ({ ...m, beneficiaryId: id, position })));
  },
  /** Which of the ids are registered people (household links must point at one). */
  async existing(db: DbOrTx, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ id: b.id })
      .from(b)
      .where(and(inArray(b.id, ids), isNull(b.archivedAt)));
    return rows.map((r) => r.id);
  },
  /** A station's inheritance at handover: how many it serves, minors, and people without a data-use consent. */
  async stationCounts(db: DbOrTx, stationId: string, today: string) {
    const served = and(servedVia(sql`${links.stationId} = ${stationId}`), isNull(b.archivedAt));
    const minor = sql`(${b.birthDate} > (${today}::date - interval '${sql.raw(String(ADULT_AGE))} years') or (${b.birthDate} is null and ${b.birthYear} > ${Number(today.slice(0, 4)) - ADULT_AGE}))`;
    const noConsent = sql`not exists (select 1 from ${consents} where ${consents.beneficiaryId} = ${b.id} and ${consents.kind} = 'data_use')`;
    const [row] = await db
      .select({
        total: sql<number>`count(*)::int`,
        minors: sql<number>`count(*) filter (where ${minor})::int`,
        withoutConsent: sql<number>`count(*) filter (where ${noConsent})::int`,
      })
      .from(b)
      .where(served);
    return row;
  },
  /** People at a station whose responsible worker there is none of `workerIds` (or none at all). */
  async unassignedAt(db: DbOrTx, stationId: string, workerIds: string[], limit: number) {
    const cond = and(
      isNull(b.archivedAt),
      servedBy(
        sql`${links.stationId} = ${stationId} and (${links.workerId} is null or not (${links.workerId} = any(${sql.param(workerIds)}::uuid[])))`,
      ),
    );
    const [rows, total] = await Promise.all([
      db.select().from(b).where(cond).orderBy(asc(b.name), asc(b.id)).limit(limit),
      db.$count(b, cond),
    ]);
    return { rows, total };
  },
};

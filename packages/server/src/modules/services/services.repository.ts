import { and, desc, eq, inArray, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { VISIT_FORMS, type Scope, type ServiceRecordQuery } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { placeholdersOf, prefixed } from '../../db/placeholders';
import { scopeCondition } from '../../platform/auth/scope';
import { isUniqueViolation } from '../../platform/http/errors';
import { pageRows } from '../../platform/http/paging';
import { visitDay } from '../beneficiaries';
import { serviceRecordPeople as people, serviceRecords as r, serviceRecordWorkers as workers } from './services.table';

export type ServiceRecordRow = typeof r.$inferSelect;
export type ServiceRecordInsert = typeof r.$inferInsert;
type PreparedCreate = { execute(params: Record<string, unknown>): Promise<ServiceRecordRow[]> };
/** The create statements prepared for each database (a transaction's handle is new each time: built, not kept). */
const prepared = new WeakMap<DbOrTx, Map<string, PreparedCreate>>();

/**
 * Which records a scope reaches (R-SCOPE-1): an officer's division; a social worker's stations today; a contractor's
 * covered stations (records belong to the station, so a new contractor reads its predecessor's, as with people).
 */
export const recordScope = (scope: Scope): SQL =>
  scopeCondition(scope, { divisionPath: r.divisionPath, stationId: r.stationId });

/** The list's filters, a unit named by its division path (the service resolves the code). */
export type ListFilter = Omit<ServiceRecordQuery, 'page' | 'pageSize' | 'unit'> & { unitPath?: string };

/** All SQL of service records themselves; the rollups are services.rollups.ts. */
export const serviceRecordsRepository = {
  where(scope: SQL, f: ListFilter): SQL {
    return and(
      scope,
      isNull(r.archivedAt),
      f.stationId ? eq(r.stationId, f.stationId) : undefined,
      f.unitPath ? sql`${r.divisionPath} like ${`${f.unitPath}%`}` : undefined,
      f.organisationId ? eq(r.organisationId, f.organisationId) : undefined,
      f.from ? sql`${r.servedOn} >= ${f.from}::date` : undefined,
      f.to ? sql`${r.servedOn} <= ${f.to}::date` : undefined,
      f.form ? eq(r.form, f.form) : undefined,
      f.domain ? eq(r.domainCode, f.domain) : undefined,
      f.item ? eq(r.catalogueCode, f.item) : undefined,
      f.caseId ? eq(r.caseId, f.caseId) : undefined,
      f.beneficiaryId
        ? sql`${r.id} in (select ${people.recordId} from ${people} where ${people.beneficiaryId} = ${f.beneficiaryId})`
        : undefined,
      f.workerId
        ? sql`${r.id} in (select ${workers.recordId} from ${workers} where ${workers.workerId} = ${f.workerId})`
        : undefined,
    )!;
  },
  /** Newest first (the day served, then when entered), the id last so pages never repeat or skip a row. */
  async page(db: DbOrTx, where: SQL, q: { page: number; pageSize: number }) {
    const rows = db.select().from(r).where(where).orderBy(desc(r.servedOn), desc(r.createdAt), desc(r.id)).$dynamic();
    return pageRows(rows, db.$count(r, where), q);
  },
  async findInScope(db: DbOrTx, scope: SQL, id: string): Promise<ServiceRecordRow | undefined> {
    const [row] = await db
      .select()
      .from(r)
      .where(and(scope, eq(r.id, id), isNull(r.archivedAt)))
      .limit(1);
    return row;
  },
  /** Any record with this id, withdrawn or not, wherever it is (the phone's id must be unique; idempotent POST). */
  async byId(db: DbOrTx, id: string): Promise<ServiceRecordRow | undefined> {
    const [row] = await db.select().from(r).where(eq(r.id, id)).limit(1);
    return row;
  },
  /**
   * A new record and what goes with it, in one statement: the insert is the WITH clause's first step (`r`), `steps`
   * the rest (its people, rollups, last contacts, audit event — see `recordAddedSteps` for their order). One statement
   * is atomic on its own, so a record without a case or an alert needs no transaction round trips. It is built with
   * placeholders and prepared under `name`, once per shape and database (no SQL built per record; PostgreSQL plans it
   * once per connection; in a transaction it is built each time, the rare path). When the id is already stored (the
   * phone sent it again, or a concurrent send committed first) the insert's primary key refuses it and the whole
   * statement with it: `undefined`, nothing written. (No other step can meet a unique key: the record's own rows are
   * new and the rollups are upserts.)
   */
  async insertWith<P extends object>(
    q: DbOrTx,
    name: string,
    record: ServiceRecordInsert,
    steps: (p: { [K in keyof P]: Placeholder }) => [string, SQL][],
    params: P,
  ): Promise<ServiceRecordRow | undefined> {
    const byName = prepared.get(q) ?? new Map<string, PreparedCreate>();
    prepared.set(q, byName);
    let statement = byName.get(name);
    if (!statement) {
      const rec = q.$with('r').as(q.insert(r).values(placeholdersOf(record, 'r_')).returning());
      const rest = steps(placeholdersOf(params)).map(([step, body]) => q.$with(step, {}).as(body));
      statement = q
        .with(rec, ...rest)
        .select()
        .from(rec)
        .prepare(name);
      byName.set(name, statement);
    }
    try {
      const [row] = await statement.execute({ ...prefixed(record, 'r_'), ...params });
      return row;
    } catch (e) {
      if (isUniqueViolation(e)) return undefined;
      throw e;
    }
  },
  async update(
    tx: DbOrTx,
    id: string,
    version: number,
    set: Partial<ServiceRecordInsert>,
  ): Promise<ServiceRecordRow | undefined> {
    const [row] = await tx
      .update(r)
      .set({ ...set, version: sql`${r.version} + 1` })
      .where(and(eq(r.id, id), eq(r.version, version), isNull(r.archivedAt)))
      .returning();
    return row;
  },
  /** Replaces a record's people (their scope columns and day copied from the record); `fresh`: a new record, none yet. */
  async setPeople(tx: DbOrTx, rec: ServiceRecordRow, beneficiaryIds: string[], fresh = false) {
    if (!fresh) await tx.delete(people).where(eq(people.recordId, rec.id));
    if (beneficiaryIds.length === 0) return;
    await tx.insert(people).values(
      beneficiaryIds.map((beneficiaryId) => ({
        recordId: rec.id,
        beneficiaryId,
        stationId: rec.stationId,
        divisionPath: rec.divisionPath,
        servedOn: rec.servedOn,
        visit: VISIT_FORMS.includes(rec.form),
      })),
    );
  },
  async setWorkers(tx: DbOrTx, recordId: string, workerIds: string[], fresh = false) {
    if (!fresh) await tx.delete(workers).where(eq(workers.recordId, recordId));
    if (workerIds.length === 0) return;
    await tx.insert(workers).values(workerIds.map((workerId) => ({ recordId, workerId })));
  },
  async peopleOf(db: DbOrTx, recordIds: string[]): Promise<Map<string, string[]>> {
    return groupIds(
      recordIds.length
        ? await db
            .select({ recordId: people.recordId, id: people.beneficiaryId })
            .from(people)
            .where(inArray(people.recordId, recordIds))
            .orderBy(people.recordId, people.beneficiaryId)
        : [],
    );
  },
  async workersOf(db: DbOrTx, recordIds: string[]): Promise<Map<string, string[]>> {
    return groupIds(
      recordIds.length
        ? await db
            .select({ recordId: workers.recordId, id: workers.workerId })
            .from(workers)
            .where(inArray(workers.recordId, recordIds))
            .orderBy(workers.recordId, workers.workerId)
        : [],
    );
  },
  /**
   * Each person's last service and last home visit from the records that remain (R-SVC-5): what their contact dates
   * are after a record was changed or withdrawn. People with no record left come back with nulls.
   */
  async lastContacts(tx: DbOrTx, beneficiaryIds: string[]) {
    if (beneficiaryIds.length === 0) return [];
    const rows = await tx
      .select({
        beneficiaryId: people.beneficiaryId,
        lastServiceOn: sql<string | null>`max(${people.servedOn})::text`,
        lastVisitOn: sql<
          string | null
        >`(max(${people.servedOn}) filter (where ${r.form} = any(${sql.param([...VISIT_FORMS])}::text[])))::text`,
        // The days of `beneficiary_contacts.visit_days`, ascending.
        visitDays: sql<
          number[]
        >`coalesce(array_agg(distinct ${visitDay(people.servedOn)} order by ${visitDay(people.servedOn)}) filter (where ${r.form} = any(${sql.param([...VISIT_FORMS])}::text[])), '{}')`,
      })
      .from(people)
      .innerJoin(r, eq(r.id, people.recordId))
      .where(and(inArray(people.beneficiaryId, beneficiaryIds), isNull(r.archivedAt)))
      .groupBy(people.beneficiaryId);
    const found = new Map(rows.map((x) => [x.beneficiaryId, x]));
    return beneficiaryIds.map(
      (id) => found.get(id) ?? { beneficiaryId: id, lastServiceOn: null, lastVisitOn: null, visitDays: [] },
    );
  },
};

function groupIds(rows: { recordId: string; id: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const x of rows) out.set(x.recordId, [...(out.get(x.recordId) ?? []), x.id]);
  return out;
}

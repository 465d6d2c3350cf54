import { and, isNull, sql } from 'drizzle-orm';
import type { BeneficiaryCategory } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import { beneficiaries, beneficiaryCategories, beneficiaryStations } from './beneficiaries.table';

// The import's SQL (R-SVC-1): existing people looked up by ID number in bulk (one statement over the array), and the writes as
// multi-row `insert … select from unnest(…)`, a chunk of rows a statement, inside the caller's one transaction.

/** Rows a statement: 5,000 rows × 17 arrays stays far below any parameter or packet limit. */
const CHUNK = 5000;
/** ID numbers a lookup statement: few statements, each list small enough to pass without holding the event loop. */
const LOOKUP = 20_000;

/** A registered person as the import compares them: identity, the fields it may fill, periods and stations. */
export interface ExistingPerson {
  id: string;
  idNumber: string;
  name: string;
  stationId: string;
  birthDate: string | null;
  birthYear: number | null;
  phone: string;
  village: string;
  address: string;
  guardianName: string | null;
  periods: { category: BeneficiaryCategory; startedOn: string; endedOn: string | null }[];
  /** The registering station and every linked one. */
  stationIds: Set<string>;
  /** The responsible workers at those stations (who may see the record if it is sensitive). */
  workerIds: Set<string>;
}

export interface NewPerson {
  id: string;
  stationId: string;
  divisionPath: string;
  workerId: string | null;
  name: string;
  idNumber: string | null;
  noIdReason: string | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  birthYear: number | null;
  phone: string;
  village: string;
  address: string;
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
}
export interface NewPeriod {
  beneficiaryId: string;
  category: BeneficiaryCategory;
  tekunForm: string | null;
  disabilityKind: string | null;
  disabilityGrade: string | null;
  startedOn: string;
  endedOn: string | null;
  source: string;
}
export interface NewLink {
  beneficiaryId: string;
  stationId: string;
  divisionPath: string;
  workerId: string | null;
  since: string;
}
/** Fields to fill on a matched person: only those stored empty (null keeps the stored value). */
export interface Fill {
  id: string;
  phone: string | null;
  village: string | null;
  address: string | null;
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
}

function* chunks<T>(rows: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
const col = <T, K extends keyof T>(rows: T[], k: K) => sql.param(rows.map((r) => r[k] ?? null));

export const beneficiaryImportRepository = {
  /** The people registered under these ID numbers (city-wide: one person once), with their periods and stations. */
  async byIdNumbers(db: DbOrTx, idNumbers: string[]): Promise<Map<string, ExistingPerson>> {
    const found = new Map<string, ExistingPerson>();
    const byId = new Map<string, ExistingPerson>();
    for (const part of chunks([...new Set(idNumbers)], LOOKUP)) {
      const rows = await db
        .select({
          id: beneficiaries.id,
          idNumber: beneficiaries.idNumber,
          name: beneficiaries.name,
          stationId: beneficiaries.stationId,
          birthDate: beneficiaries.birthDate,
          birthYear: beneficiaries.birthYear,
          phone: beneficiaries.phone,
          village: beneficiaries.village,
          address: beneficiaries.address,
          guardianName: beneficiaries.guardianName,
        })
        .from(beneficiaries)
        .where(
          // `in (select unnest …)`, not `= any`: the planner may then join (a hash join over one scan, or an index
          // probe per number on a large registry) instead of testing every row against the whole list.
          and(
            sql`${beneficiaries.idNumber} in (select unnest(${sql.param(part)}::text[]))`,
            isNull(beneficiaries.archivedAt),
          ),
        );
      for (const r of rows) {
        const p = {
          ...r,
          idNumber: r.idNumber!,
          periods: [],
          stationIds: new Set([r.stationId]),
          workerIds: new Set<string>(),
        };
        found.set(p.idNumber, p);
        byId.set(p.id, p);
      }
    }
    for (const part of chunks([...byId.keys()], LOOKUP)) {
      const ids = sql`(select unnest(${sql.param(part)}::uuid[]))`;
      const periods = await db
        .select({
          beneficiaryId: beneficiaryCategories.beneficiaryId,
          category: beneficiaryCategories.category,
          startedOn: beneficiaryCategories.startedOn,
          endedOn: beneficiaryCategories.endedOn,
        })
        .from(beneficiaryCategories)
        .where(and(sql`${beneficiaryCategories.beneficiaryId} in ${ids}`, isNull(beneficiaryCategories.archivedAt)));
      for (const p of periods)
        byId.get(p.beneficiaryId)?.periods.push({
          category: p.category as BeneficiaryCategory,
          startedOn: p.startedOn,
          endedOn: p.endedOn,
        });
      const links = await db
        .select({
          beneficiaryId: beneficiaryStations.beneficiaryId,
          stationId: beneficiaryStations.stationId,
          workerId: beneficiaryStations.workerId,
        })
        .from(beneficiaryStations)
        .where(and(sql`${beneficiaryStations.beneficiaryId} in ${ids}`, isNull(beneficiaryStations.archivedAt)));
      for (const l of links) {
        byId.get(l.beneficiaryId)?.stationIds.add(l.stationId);
        if (l.workerId) byId.get(l.beneficiaryId)?.workerIds.add(l.workerId);
      }
    }
    return found;
  },

  async insertPeople(tx: DbOrTx, rows: NewPerson[], by: string | null): Promise<void> {
    for (const c of chunks(rows))
      await tx.execute(sql`
        insert into beneficiaries (id, station_id, division_path, worker_id, name, id_number, no_id_reason, gender,
          birth_date, birth_year, phone, village, address, guardian_name, guardian_relation, guardian_phone,
          created_by, updated_by)
        select u.*, ${by}::uuid, ${by}::uuid from unnest(${col(c, 'id')}::uuid[], ${col(c, 'stationId')}::uuid[],
          ${col(c, 'divisionPath')}::text[], ${col(c, 'workerId')}::uuid[], ${col(c, 'name')}::text[],
          ${col(c, 'idNumber')}::text[], ${col(c, 'noIdReason')}::text[], ${col(c, 'gender')}::text[],
          ${col(c, 'birthDate')}::date[], ${col(c, 'birthYear')}::int[], ${col(c, 'phone')}::text[],
          ${col(c, 'village')}::text[], ${col(c, 'address')}::text[], ${col(c, 'guardianName')}::text[],
          ${col(c, 'guardianRelation')}::text[], ${col(c, 'guardianPhone')}::text[]) as u`);
  },

  async insertPeriods(tx: DbOrTx, rows: NewPeriod[], by: string | null): Promise<void> {
    for (const c of chunks(rows))
      await tx.execute(sql`
        insert into beneficiary_categories (beneficiary_id, category, tekun_form, disability_kind, disability_grade,
          started_on, ended_on, source, created_by, updated_by)
        select u.*, ${by}::uuid, ${by}::uuid from unnest(${col(c, 'beneficiaryId')}::uuid[],
          ${col(c, 'category')}::text[], ${col(c, 'tekunForm')}::text[], ${col(c, 'disabilityKind')}::text[],
          ${col(c, 'disabilityGrade')}::text[], ${col(c, 'startedOn')}::date[], ${col(c, 'endedOn')}::date[],
          ${col(c, 'source')}::text[]) as u`);
  },

  async insertLinks(tx: DbOrTx, rows: NewLink[], by: string | null): Promise<void> {
    for (const c of chunks(rows))
      await tx.execute(sql`
        insert into beneficiary_stations (beneficiary_id, station_id, division_path, worker_id, since, created_by,
          updated_by)
        select u.*, ${by}::uuid, ${by}::uuid from unnest(${col(c, 'beneficiaryId')}::uuid[],
          ${col(c, 'stationId')}::uuid[], ${col(c, 'divisionPath')}::text[], ${col(c, 'workerId')}::uuid[],
          ${col(c, 'since')}::date[]) as u`);
  },

  /** Fills empty fields only (the `where` re-checks emptiness, so a value stored meanwhile is never overwritten). */
  async fillEmpty(tx: DbOrTx, rows: Fill[], by: string | null): Promise<void> {
    for (const c of chunks(rows))
      await tx.execute(sql`
        update beneficiaries b set
          phone = case when b.phone = '' and u.phone is not null then u.phone else b.phone end,
          village = case when b.village = '' and u.village is not null then u.village else b.village end,
          address = case when b.address = '' and u.address is not null then u.address else b.address end,
          guardian_name = case when b.guardian_name is null then coalesce(u.gname, b.guardian_name) else b.guardian_name end,
          guardian_relation = case when b.guardian_name is null then coalesce(u.grel, b.guardian_relation) else b.guardian_relation end,
          guardian_phone = case when b.guardian_name is null then coalesce(u.gphone, b.guardian_phone) else b.guardian_phone end,
          version = b.version + 1, updated_at = now(), updated_by = ${by}::uuid
        from unnest(${col(c, 'id')}::uuid[], ${col(c, 'phone')}::text[], ${col(c, 'village')}::text[],
          ${col(c, 'address')}::text[], ${col(c, 'guardianName')}::text[], ${col(c, 'guardianRelation')}::text[],
          ${col(c, 'guardianPhone')}::text[]) as u(id, phone, village, address, gname, grel, gphone)
        where b.id = u.id`);
  },
};

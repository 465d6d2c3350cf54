import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { monthOf } from '@shegong/shared';
import type { DbOrTx } from '../../db/database';
import type { ServiceRecordRow } from './services.repository';
import {
  serviceMonthStats as stats,
  servicePeopleMonths as pm,
  serviceRecordPeople as people,
  serviceRecordWorkers as workers,
  serviceUnitMonthStats as unitStats,
  serviceUnitPeople as unitPeople,
} from './services.table';

/** The unit (county-level division) a station's division path lies in: its first two levels. */
export const unitOf = (divisionPath: string) => `/${divisionPath.split('/').filter(Boolean).slice(0, 2).join('/')}/`;

/** A month (`YYYY-MM…`) as its 60-month block and its bit in that block (`service_unit_people.months`). */
export function monthBit(month: string) {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return { block: Math.floor(m / 60), bit: 1n << BigInt(m % 60) };
}

// The month rollups (DESIGN §3, issue 11 "statistics must stay current"): kept in step with `service_records` in the
// record's own transaction, so a new, changed or withdrawn record is counted (or uncounted) at once and statistics over
// years read rollup rows, not millions of records.

/** An id list parameter (a JS array is one array parameter, not a list of them) or a placeholder for one. */
const uuids = (ids: unknown) => sql`${Array.isArray(ids) ? sql.param(ids) : ids}::uuid[]`;

/** What a record's rollup rows are made of (a stored row, or a new record's values before its insert). */
export type RollupFacts = Pick<
  ServiceRecordRow,
  | 'stationId'
  | 'divisionPath'
  | 'organisationId'
  | 'servedOn'
  | 'form'
  | 'catalogueCode'
  | 'domainCode'
  | 'peopleCount'
  | 'headCount'
  | 'durationMinutes'
>;

/** A record's facts as the rollup statements' parameters (the unit, month and month bit worked out here). */
export function rollupParams(rec: RollupFacts) {
  const { block, bit } = monthBit(rec.servedOn);
  return {
    stationId: rec.stationId,
    divisionPath: rec.divisionPath,
    unitPath: unitOf(rec.divisionPath),
    organisationId: rec.organisationId,
    month: monthOf(rec.servedOn),
    form: rec.form,
    catalogueCode: rec.catalogueCode,
    domainCode: rec.domainCode,
    peopleCount: rec.peopleCount,
    headCount: rec.headCount,
    durationMinutes: rec.durationMinutes,
    block,
    bit: bit.toString(),
  };
}
/** The same, each a value or a prepared statement's placeholder (the SQL is the same either way). */
export type RollupParams = Record<keyof ReturnType<typeof rollupParams>, unknown>;

/**
 * A condition that holds once the named step of the same WITH clause has run to its end. The sub-statements of one
 * WITH run in no defined order; a step that must lock its rows after another's (the order a withdrawal takes them in,
 * so the two cannot deadlock) is gated on it: its rows come from a SELECT whose one-time filter is this.
 */
export const after = (step: string) => sql`(select count(*) from ${sql.identifier(step)}) >= 0`;

/** `sign` times a count parameter. */
const signed = (sign: 1 | -1, v: unknown) => sql`${sql.raw(String(sign))} * ${v}::int`;

/** The upsert of a record's contribution (`sign` ±1) to its station's month row: concurrent records add up. */
const stationUpsert = (p: RollupParams, sign: 1 | -1) =>
  sql`insert into ${stats} (station_id, month, catalogue_code, form, division_path, organisation_id, domain_code, records,
      person_services, head_count, minutes)
    select ${p.stationId}::uuid, ${p.month}::date, ${p.catalogueCode}::text, ${p.form}::text, ${p.divisionPath}::text,
      ${p.organisationId}::uuid, ${p.domainCode}::int, ${sql.raw(String(sign))}, ${signed(sign, p.peopleCount)},
      ${signed(sign, p.headCount)}, ${signed(sign, p.durationMinutes)}
    on conflict (station_id, month, catalogue_code, form) do update set records = ${stats.records} + excluded.records,
      person_services = ${stats.personServices} + excluded.person_services,
      head_count = ${stats.headCount} + excluded.head_count, minutes = ${stats.minutes} + excluded.minutes
    returning 1`;

/** The same for its unit's month row, once `gate` holds (after the station row). */
const unitUpsert = (p: RollupParams, sign: 1 | -1, gate: SQL) =>
  sql`insert into ${unitStats} (unit_path, month, catalogue_code, form, domain_code, records, person_services,
      head_count, minutes)
    select ${p.unitPath}::text, ${p.month}::date, ${p.catalogueCode}::text, ${p.form}::text, ${p.domainCode}::int,
      ${sql.raw(String(sign))}, ${signed(sign, p.peopleCount)}, ${signed(sign, p.headCount)},
      ${signed(sign, p.durationMinutes)}
    where ${gate}
    on conflict (unit_path, month, catalogue_code, form) do update set records = ${unitStats.records} + excluded.records,
      person_services = ${unitStats.personServices} + excluded.person_services,
      head_count = ${unitStats.headCount} + excluded.head_count, minutes = ${unitStats.minutes} + excluded.minutes
    returning 1`;

/**
 * A record's people counted as served at its station in its month (distinct: a second record adds nothing), once
 * `gate` holds. A row met again is locked, never rewritten (an update whose WHERE fails still locks the row), so a
 * withdrawal deciding to drop it waits for this record.
 */
const peopleMonthsInsert = (p: RollupParams, ids: unknown, gate: SQL) =>
  sql`insert into ${pm} (station_id, month, beneficiary_id, division_path, organisation_id)
    select ${p.stationId}::uuid, ${p.month}::date, x, ${p.divisionPath}::text, ${p.organisationId}::uuid
    from unnest(${uuids(ids)}) x where ${gate}
    on conflict (station_id, month, beneficiary_id) do update set division_path = excluded.division_path where false
    returning 1`;

/** The people's bit for the record's month in their unit's rows, once `gate` holds (likewise locked when already set). */
const unitPeopleInsert = (p: RollupParams, ids: unknown, gate: SQL) =>
  sql`insert into ${unitPeople} (unit_path, beneficiary_id, block, months)
    select ${p.unitPath}::text, x, ${p.block}::int, ${p.bit}::bigint
    from unnest(${uuids(ids)}) x where ${gate}
    on conflict (unit_path, beneficiary_id, block) do update set months = ${unitPeople.months} | excluded.months
      where ${unitPeople.months} & excluded.months = 0
    returning 1`;

/** A new record's own parameters besides its rollup facts: its id, people and workers, whether it is a home visit. */
export type NewRecordParams = RollupParams & Record<'recordId' | 'people' | 'workers' | 'visit' | 'servedOn', unknown>;

/**
 * A new record's people, workers and rollups as steps of its one statement (the create path, issue 11: a round trip
 * per record instead of one per table). The rows of a new record conflict with nothing; the rollup rows are locked in
 * the order every statement here takes them — station month row, unit month row, people-month rows, unit people rows —
 * each step gated on the one before. `last` names the last locking step, for what the caller adds after it. Without
 * people (`withPeople` false) the people's steps are left out.
 */
export function recordAddedSteps(p: NewRecordParams, withPeople: boolean) {
  const steps: [string, SQL][] = [
    [
      'p',
      sql`insert into ${people} (record_id, beneficiary_id, station_id, division_path, served_on, visit)
        select ${p.recordId}::uuid, x, ${p.stationId}::uuid, ${p.divisionPath}::text, ${p.servedOn}::date,
          ${p.visit}::boolean
        from unnest(${uuids(p.people)}) x`,
    ],
    [
      'w',
      sql`insert into ${workers} (record_id, worker_id) select ${p.recordId}::uuid, x from unnest(${uuids(p.workers)}) x`,
    ],
    ['s', stationUpsert(p, 1)],
    ['u', unitUpsert(p, 1, after('s'))],
  ];
  if (!withPeople) return { steps, last: 'u' };
  steps.push(['pm', peopleMonthsInsert(p, p.people, after('u'))]);
  steps.push(['up', unitPeopleInsert(p, p.people, after('pm'))]);
  return { steps, last: 'up' };
}

/**
 * Adds a record's contribution to its (station, month, item, form) row, or takes it away (`sign` -1). One upsert with
 * increments: concurrent records of the same row add up (the row lock serialises them); a row left at zero records is
 * removed.
 */
export async function moveMonthStats(tx: DbOrTx, rec: RollupFacts, sign: 1 | -1) {
  const month = monthOf(rec.servedOn);
  const p = rollupParams(rec);
  // The station row, then the unit row (the order every statement here takes them in).
  await tx.execute(sql`with s as (${stationUpsert(p, sign)}) ${unitUpsert(p, sign, after('s'))}`);
  if (sign < 0) {
    const key = (t: typeof stats | typeof unitStats) =>
      and(eq(t.month, month), eq(t.catalogueCode, rec.catalogueCode), eq(t.form, rec.form), sql`${t.records} <= 0`);
    await tx.delete(stats).where(and(eq(stats.stationId, rec.stationId), key(stats)));
    await tx.delete(unitStats).where(and(eq(unitStats.unitPath, unitOf(rec.divisionPath)), key(unitStats)));
  }
}

/** A changed record's people counted in its month: the people-month rows, then the unit rows (a withdrawal's order). */
export async function addPeopleMonths(tx: DbOrTx, rec: RollupFacts, beneficiaryIds: string[]) {
  if (beneficiaryIds.length === 0) return;
  const p = rollupParams(rec);
  await tx.execute(
    sql`with pm as (${peopleMonthsInsert(p, beneficiaryIds, sql`true`)}) ${unitPeopleInsert(p, beneficiaryIds, after('pm'))}`,
  );
}

/**
 * After a record's people left a (station, month) — the record changed or was withdrawn, its `service_record_people`
 * rows already replaced — each of them stays counted only while another remaining record of that station and month
 * names them.
 */
export async function dropPeopleMonths(
  tx: DbOrTx,
  stationId: string,
  divisionPath: string,
  servedOn: string,
  beneficiaryIds: string[],
) {
  if (beneficiaryIds.length === 0) return;
  const month = monthOf(servedOn);
  const these = and(eq(pm.stationId, stationId), eq(pm.month, month), inArray(pm.beneficiaryId, beneficiaryIds));
  // Lock the rows first, in their own statement: a record being written that names one of these people holds its row
  // (addPeopleMonths) until it commits, and the DELETE below then sees its people (a new snapshot per statement).
  await tx.select({ id: pm.beneficiaryId }).from(pm).where(these).orderBy(pm.beneficiaryId).for('update');
  await tx
    .delete(pm)
    .where(
      and(
        these,
        sql`not exists (select 1 from ${people} where ${people.beneficiaryId} = ${pm.beneficiaryId} and ${people.stationId} = ${pm.stationId} and ${people.servedOn} >= ${month}::date and ${people.servedOn} < (${month}::date + interval '1 month'))`,
      ),
    );
  // The unit's bits of these people, again from the people-month rows left (another station of the unit may still
  // serve them that month); the rows locked first, like those above, so a record of theirs being written is seen.
  const { block } = monthBit(month);
  const unit = and(
    eq(unitPeople.unitPath, unitOf(divisionPath)),
    eq(unitPeople.block, block),
    inArray(unitPeople.beneficiaryId, beneficiaryIds),
  );
  await tx
    .select({ id: unitPeople.beneficiaryId })
    .from(unitPeople)
    .where(unit)
    .orderBy(unitPeople.beneficiaryId)
    .for('update');
  const m = sql`(extract(year from ${pm.month})::int * 12 + extract(month from ${pm.month})::int - 1)`;
  await tx
    .update(unitPeople)
    .set({
      months: sql`coalesce((select bit_or(1::bigint << (${m} % 60)) from ${pm} where ${pm.beneficiaryId} = ${unitPeople.beneficiaryId} and ${pm.divisionPath} like ${unitPeople.unitPath} || '%' and ${m} / 60 = ${unitPeople.block}), 0)`,
    })
    .where(unit);
  await tx.delete(unitPeople).where(and(unit, sql`${unitPeople.months} = 0`));
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { monthOf, VISIT_FORMS } from '@shegong/shared';
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

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;

/** The upsert of a record's contribution (`sign` ±1) to its unit's month row, for a WITH clause. */
const unitUpsert = (rec: ServiceRecordRow, sign: 1 | -1) =>
  sql`insert into ${unitStats} (unit_path, month, catalogue_code, form, domain_code, records, person_services,
      head_count, minutes)
    values (${unitOf(rec.divisionPath)}, ${monthOf(rec.servedOn)}::date, ${rec.catalogueCode}, ${rec.form},
      ${rec.domainCode}::int, ${sign}::int, ${sign * rec.peopleCount}::int, ${sign * rec.headCount}::int,
      ${sign * rec.durationMinutes}::int)
    on conflict (unit_path, month, catalogue_code, form) do update set records = ${unitStats.records} + excluded.records,
      person_services = ${unitStats.personServices} + excluded.person_services,
      head_count = ${unitStats.headCount} + excluded.head_count, minutes = ${unitStats.minutes} + excluded.minutes`;

/**
 * A new record's people and workers and its month-stat row in one statement (the create path, issue 11: fewer round
 * trips per record): the rows of a new record conflict with nothing, the month row is upserted with increments as in
 * `moveMonthStats`.
 */
export async function recordAdded(tx: DbOrTx, rec: ServiceRecordRow, peopleIds: string[], workerIds: string[]) {
  await tx.execute(sql`with p as (
      insert into ${people} (record_id, beneficiary_id, station_id, division_path, served_on, visit)
      select ${rec.id}::uuid, x, ${rec.stationId}::uuid, ${rec.divisionPath}, ${rec.servedOn}::date,
        ${VISIT_FORMS.includes(rec.form)}::boolean
      from unnest(${uuids(peopleIds)}) x
    ), w as (
      insert into ${workers} (record_id, worker_id) select ${rec.id}::uuid, x from unnest(${uuids(workerIds)}) x
    ), u as (${unitUpsert(rec, 1)})
    insert into ${stats} (station_id, month, catalogue_code, form, division_path, organisation_id, domain_code, records,
      person_services, head_count, minutes)
    values (${rec.stationId}, ${monthOf(rec.servedOn)}, ${rec.catalogueCode}, ${rec.form}, ${rec.divisionPath},
      ${rec.organisationId}, ${rec.domainCode}, 1, ${rec.peopleCount}, ${rec.headCount}, ${rec.durationMinutes})
    on conflict (station_id, month, catalogue_code, form) do update set records = ${stats.records} + 1,
      person_services = ${stats.personServices} + excluded.person_services,
      head_count = ${stats.headCount} + excluded.head_count, minutes = ${stats.minutes} + excluded.minutes`);
}

/**
 * Adds a record's contribution to its (station, month, item, form) row, or takes it away (`sign` -1). One upsert with
 * increments: concurrent records of the same row add up (the row lock serialises them); a row left at zero records is
 * removed.
 */
export async function moveMonthStats(tx: DbOrTx, rec: ServiceRecordRow, sign: 1 | -1) {
  const month = monthOf(rec.servedOn);
  // The station row, then the unit row (the order every statement here takes them in).
  await tx.execute(sql`with u as (${unitUpsert(rec, sign)})
    insert into ${stats} (station_id, month, catalogue_code, form, division_path, organisation_id, domain_code, records,
      person_services, head_count, minutes)
    values (${rec.stationId}, ${month}, ${rec.catalogueCode}, ${rec.form}, ${rec.divisionPath}, ${rec.organisationId},
      ${rec.domainCode}, ${sign}, ${sign * rec.peopleCount}, ${sign * rec.headCount}, ${sign * rec.durationMinutes})
    on conflict (station_id, month, catalogue_code, form) do update set records = ${stats.records} + excluded.records,
      person_services = ${stats.personServices} + excluded.person_services,
      head_count = ${stats.headCount} + excluded.head_count, minutes = ${stats.minutes} + excluded.minutes`);
  if (sign < 0) {
    const key = (t: typeof stats | typeof unitStats) =>
      and(eq(t.month, month), eq(t.catalogueCode, rec.catalogueCode), eq(t.form, rec.form), sql`${t.records} <= 0`);
    await tx.delete(stats).where(and(eq(stats.stationId, rec.stationId), key(stats)));
    await tx.delete(unitStats).where(and(eq(unitStats.unitPath, unitOf(rec.divisionPath)), key(unitStats)));
  }
}

/**
 * A record's people counted as served at its station in its month (distinct: a second record adds nothing), and in its
 * unit's month bits. The people-month rows first, then the unit rows: the order a withdrawal locks them in.
 */
export async function addPeopleMonths(tx: DbOrTx, rec: ServiceRecordRow, beneficiaryIds: string[]) {
  if (beneficiaryIds.length === 0) return;
  const { block, bit } = monthBit(rec.servedOn);
  // One statement, the people-month rows certainly first: the unit rows are inserted only once the count over `pm` is
  // known, i.e. after all of `pm` ran. A people-month row met again is locked, never rewritten (an update whose WHERE
  // fails still locks the row), so a withdrawal deciding to drop it waits for us; likewise the unit row whose bit is
  // already set.
  await tx.execute(sql`with pm as (
      insert into ${pm} (station_id, month, beneficiary_id, division_path, organisation_id)
      select ${rec.stationId}::uuid, ${monthOf(rec.servedOn)}::date, x, ${rec.divisionPath}, ${rec.organisationId}::uuid
      from unnest(${uuids(beneficiaryIds)}) x
      on conflict (station_id, month, beneficiary_id) do update set division_path = excluded.division_path where false
      returning 1
    )
    insert into ${unitPeople} (unit_path, beneficiary_id, block, months)
    select ${unitOf(rec.divisionPath)}, x, ${block}::int, ${bit.toString()}::bigint
    from unnest(${uuids(beneficiaryIds)}) x, (select count(*) from pm) done
    on conflict (unit_path, beneficiary_id, block) do update set months = ${unitPeople.months} | excluded.months
      where ${unitPeople.months} & excluded.months = 0`);
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

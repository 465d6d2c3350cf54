import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { SERVICE_FORMS } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 服务记录 (R-SVC-2, R-SVC-3): one piece of work done, classified by the 附件2 catalogue. The id may be made on the
// phone (offline entry): sending the same record twice finds it by id and never makes a second one.
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    /** Copied from the station when written, so the scope condition needs no join. */
    divisionPath: text('division_path').notNull(),
    /** The organisation whose contract covered the station on the day (statistics by organisation). */
    organisationId: uuid('organisation_id'),
    servedOn: date('served_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    form: text('form', { enum: SERVICE_FORMS }).notNull(),
    /** 附件2 item code (`catalogue_items.code`); the domain is copied for statistics. */
    catalogueCode: text('catalogue_code').notNull(),
    domainCode: integer('domain_code').notNull(),
    /** The case this record is an intervention of (个案), if any. */
    caseId: uuid('case_id'),
    /** People counted without being named (a community activity's head count). */
    headCount: integer('head_count').notNull().default(0),
    /** Named people served (copied from `service_record_people` for lists). */
    peopleCount: integer('people_count').notNull().default(0),
    summary: text('summary').notNull().default(''),
    place: text('place').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    index('service_records_station_day_idx').on(t.stationId, t.servedOn),
    index('service_records_path_day_idx').on(t.divisionPath.op('text_pattern_ops'), t.servedOn),
    index('service_records_org_day_idx').on(t.organisationId, t.servedOn),
    index('service_records_item_idx').on(t.catalogueCode),
    index('service_records_case_idx')
      .on(t.caseId)
      .where(sql`case_id is not null`),
  ],
);

/** The named people a record served (zero or more). Scope columns copied so statistics need no join. */
export const serviceRecordPeople = pgTable(
  'service_record_people',
  {
    recordId: uuid('record_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    servedOn: date('served_on').notNull(),
    /** The record is a home visit (`VISIT_FORMS`), copied from its form (migration 0028 built the visit days from it). */
    visit: boolean('visit').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.beneficiaryId] }),
    index('service_record_people_person_idx').on(t.beneficiaryId, t.servedOn),
    index('service_record_people_station_idx').on(t.stationId, t.servedOn),
  ],
);

/** The workers (roster records) who did the work. */
export const serviceRecordWorkers = pgTable(
  'service_record_workers',
  {
    recordId: uuid('record_id').notNull(),
    workerId: uuid('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.workerId] }), index('service_record_workers_worker_idx').on(t.workerId)],
);

/**
 * Month rollup per station, item and form (DESIGN §3): kept in step with `service_records` in the same transaction,
 * so statistics over years read thousands of rows, not millions, and a new record is counted at once.
 */
export const serviceMonthStats = pgTable(
  'service_month_stats',
  {
    stationId: uuid('station_id').notNull(),
    month: date('month').notNull(),
    catalogueCode: text('catalogue_code').notNull(),
    form: text('form', { enum: SERVICE_FORMS }).notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    domainCode: integer('domain_code').notNull(),
    records: integer('records').notNull().default(0),
    /** Person-services: the named people of each record, summed (a person served twice counts twice). */
    personServices: integer('person_services').notNull().default(0),
    headCount: integer('head_count').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.month, t.catalogueCode, t.form] }),
    index('service_month_stats_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.month),
    index('service_month_stats_org_idx').on(t.organisationId, t.month),
    index('service_month_stats_item_idx').on(t.catalogueCode),
  ],
);

/** Distinct people served per station and month (people are not additive across months: a count of distinct ids). */
export const servicePeopleMonths = pgTable(
  'service_people_months',
  {
    stationId: uuid('station_id').notNull(),
    month: date('month').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.month, t.beneficiaryId] }),
    index('service_people_months_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.month),
    index('service_people_months_person_idx').on(t.beneficiaryId),
    index('service_people_months_org_idx').on(t.organisationId, t.month),
  ],
);

/**
 * Month rollup per unit (the county-level division of the stations), item and form (issue 11: the city's year): the
 * same figures as `service_month_stats` summed over the unit's stations, kept in step in the same statements, so a
 * city or unit over a year reads about a tenth of the station rows.
 */
export const serviceUnitMonthStats = pgTable(
  'service_unit_month_stats',
  {
    unitPath: text('unit_path').notNull(),
    month: date('month').notNull(),
    catalogueCode: text('catalogue_code').notNull(),
    form: text('form', { enum: SERVICE_FORMS }).notNull(),
    domainCode: integer('domain_code').notNull(),
    records: integer('records').notNull().default(0),
    personServices: integer('person_services').notNull().default(0),
    headCount: integer('head_count').notNull().default(0),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.month, t.catalogueCode, t.form] }),
    index('service_unit_month_stats_path_idx').on(t.unitPath.op('text_pattern_ops'), t.month),
    index('service_unit_month_stats_item_idx').on(t.catalogueCode),
  ],
);

/**
 * The months each person was served in a unit (the county-level division of the stations), as bits of 60-month blocks
 * (bit `m % 60` of block `m / 60`, `m` counting months from year 0): kept in step with `service_people_months` in the
 * record's transaction, so the distinct people of a unit or the city over any period read about one row per person,
 * not one per person and month (issue 11: the city's year).
 */
export const serviceUnitPeople = pgTable(
  'service_unit_people',
  {
    unitPath: text('unit_path').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    block: integer('block').notNull(),
    months: bigint('months', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitPath, t.beneficiaryId, t.block] }),
    index('service_unit_people_path_idx').on(t.unitPath.op('text_pattern_ops'), t.block),
    // In person order with every column the statistics read: the city's distinct people and people by category are
    // index-only scans grouped and merged by person, with no hash of ~300,000 ids (issue 11). Also a person's rows.
    index('service_unit_people_person_idx').on(t.beneficiaryId, t.block, t.unitPath, t.months),
  ],
);

import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  BENEFICIARY_CATEGORIES,
  DISABILITY_GRADES,
  DISABILITY_KINDS,
  NO_ID_REASONS,
  TEKUN_FORMS,
} from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 服务对象 (R-SVC-1): one record per person, city-wide (province-wide later). The record belongs to the station that
// serves the person, not to the contractor: a new contractor's workers see it from their first day (R-SCOPE-2).
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The responsible (registering) station; other stations serving the person are in `beneficiary_stations`. */
    stationId: uuid('station_id').notNull(),
    /** Copied from the station when written, so the scope condition needs no join. */
    divisionPath: text('division_path').notNull(),
    /** The responsible social worker (a roster record), if any. */
    workerId: uuid('worker_id'),
    name: text('name').notNull(),
    /** Null for a person without one (then `no_id_reason`). Personal data: masked on the way out. */
    idNumber: text('id_number'),
    noIdReason: text('no_id_reason', { enum: NO_ID_REASONS }),
    gender: text('gender', { enum: ['male', 'female'] }),
    /** From the ID number; null without one. */
    birthDate: date('birth_date'),
    /** From the ID number, or approximate for a person without one (matching, minors). */
    birthYear: integer('birth_year'),
    birthPlace: text('birth_place').notNull().default(''),
    phone: text('phone').notNull().default(''),
    village: text('village').notNull().default(''),
    address: text('address').notNull().default(''),
    guardianName: text('guardian_name'),
    guardianRelation: text('guardian_relation'),
    guardianPhone: text('guardian_phone'),
    /** The latest risk grade (R-SVC-5), kept with the assessment in one transaction so lists filter on it. */
    riskLevel: text('risk_level', { enum: ['high', 'medium', 'low'] }),
    /** The first risk assessment's date: the visit schedule starts then (R-SVC-5), kept with each assessment. */
    gradedOn: date('graded_on'),
    ...auditedColumns(),
  },
  (t) => [
    // One person once: the same citizen ID is one record (R-SVC-1).
    uniqueIndex('beneficiaries_id_number_uq')
      .on(t.idNumber)
      .where(sql`id_number is not null and archived_at is null`),
    index('beneficiaries_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('beneficiaries_station_name_idx').on(t.stationId, t.name),
    index('beneficiaries_worker_idx').on(t.workerId),
    index('beneficiaries_name_idx').on(t.name.op('text_pattern_ops')),
    // Search by the last digits of an ID number or a phone: `reverse(x) like reverse(q) || '%'`.
    index('beneficiaries_id_tail_idx').on(sql`reverse(${t.idNumber}) text_pattern_ops`),
    index('beneficiaries_phone_tail_idx').on(sql`reverse(${t.phone}) text_pattern_ops`),
    index('beneficiaries_match_idx').on(t.name, t.birthYear),
  ],
);

/** Further stations serving a person registered elsewhere (one person once: linked, never copied). */
export const beneficiaryStations = pgTable(
  'beneficiary_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    workerId: uuid('worker_id'),
    since: date('since').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('beneficiary_stations_uq')
      .on(t.beneficiaryId, t.stationId)
      .where(sql`archived_at is null`),
    index('beneficiary_stations_station_idx').on(t.stationId),
    index('beneficiary_stations_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('beneficiary_stations_worker_idx').on(t.workerId),
  ],
);

/** Periods in categories (R-SVC-1): history is added to, never overwritten. */
export const beneficiaryCategories = pgTable(
  'beneficiary_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    category: text('category', { enum: BENEFICIARY_CATEGORIES }).notNull(),
    tekunForm: text('tekun_form', { enum: TEKUN_FORMS }),
    disabilityKind: text('disability_kind', { enum: DISABILITY_KINDS }),
    disabilityGrade: text('disability_grade', { enum: DISABILITY_GRADES }),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    source: text('source').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    // With the dates and the archive mark, people by category is an index-only scan merged with the people served, in
    // person order (issue 11: the city's year).
    index('beneficiary_categories_person_idx').on(t.beneficiaryId, t.category, t.startedOn, t.endedOn, t.archivedAt),
    index('beneficiary_categories_category_idx').on(t.category, t.beneficiaryId),
  ],
);

/** Risk grading (R-SVC-5): every assessment kept; the latest is copied to `beneficiaries.risk_level`. */
export const beneficiaryRiskAssessments = pgTable(
  'beneficiary_risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    level: text('level', { enum: ['high', 'medium', 'low'] }).notNull(),
    reason: text('reason').notNull(),
    assessedOn: date('assessed_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('beneficiary_risk_person_idx').on(t.beneficiaryId, t.assessedOn)],
);

/** Consent records (data use, referral): who gave or refused what, when, recorded by whom. Never edited. */
export const beneficiaryConsents = pgTable(
  'beneficiary_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    kind: text('kind', { enum: ['data_use', 'referral'] }).notNull(),
    decision: text('decision', { enum: ['given', 'refused', 'withdrawn'] }).notNull(),
    givenBy: text('given_by', { enum: ['self', 'guardian'] }).notNull(),
    scope: text('scope').notNull(),
    recordedOn: date('recorded_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('beneficiary_consents_person_idx').on(t.beneficiaryId, t.recordedOn)],
);

/** Household members (a member may be a registered person too). */
export const beneficiaryHouseholdMembers = pgTable(
  'beneficiary_household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    memberId: uuid('member_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('beneficiary_household_person_idx').on(t.beneficiaryId),
    index('beneficiary_household_member_idx').on(t.memberId),
  ],
);

/**
 * The last service and the last home visit of each person (R-SVC-5): kept in step by the services module in the
 * record's transaction, so "visits due" and "no service for N days" read one row per person.
 */
export const beneficiaryContacts = pgTable(
  'beneficiary_contacts',
  {
    beneficiaryId: uuid('beneficiary_id').primaryKey(),
    lastServiceOn: date('last_service_on'),
    lastVisitOn: date('last_visit_on'),
    /**
     * Every home-visit day, as days since 2000-01-01 (`visitDay`), ascending: "visited between two dates" is two binary
     * searches (`width_bucket`) on one row, so visit completion over a city reads a row per person, not its records.
     */
    visitDays: integer('visit_days')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
  },
  (t) => [index('beneficiary_contacts_visit_idx').on(t.lastVisitOn)],
);

/** Visit interval by risk level (R-SVC-5), set by the city; defaults from `DEFAULT_VISIT_INTERVAL_DAYS`. */
export const visitIntervals = pgTable('visit_intervals', {
  riskLevel: text('risk_level', { enum: ['high', 'medium', 'low'] }).primaryKey(),
  days: integer('days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

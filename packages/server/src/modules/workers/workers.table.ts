import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditedColumns } from '../../db/columns';

// Contractor staff (驻站社工, 项目主管): personal data in its own columns, masked on the way out (R-SCOPE-2).
export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /**
     * The employing organisation's path: where the worker is counted while assigned to no station. Where they are
     * counted today is derived when read, from today's assignment (`currentPath` in workers.repository.ts).
     */
    divisionPath: text('division_path').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    birthDate: date('birth_date').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    phone: text('phone').notNull().default(''),
    education: text('education').notNull(),
    major: text('major').notNull().default(''),
    socialWorkMajor: boolean('social_work_major').notNull().default(false),
    certificateLevel: text('certificate_level'),
    certificateNumber: text('certificate_number').notNull().default(''),
    certificateDate: date('certificate_date'),
    localHukou: boolean('local_hukou').notNull().default(false),
    hireDate: date('hire_date').notNull(),
    role: text('role', { enum: ['project_lead', 'resident'] }).notNull(),
    labourContractStart: date('labour_contract_start'),
    labourContractEnd: date('labour_contract_end'),
    archiveKept: boolean('archive_kept').notNull().default(false),
    hiringExceptionReason: text('hiring_exception_reason'),
    filingStatus: text('filing_status', { enum: ['draft', 'submitted', 'filed', 'returned'] })
      .notNull()
      .default('draft'),
    filingComment: text('filing_comment').notNull().default(''),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [
    // R-STAFF-1: one person (citizen ID) is on one roster city-wide at a time.
    uniqueIndex('workers_id_number_uq')
      .on(t.idNumber)
      .where(sql`archived_at is null`),
    index('workers_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('workers_org_idx').on(t.organisationId),
  ],
);

// Station assignments with dates; today's assignments drive staffing (R-STAFF-1) and a social worker's scope.
export const workerAssignments = pgTable(
  'worker_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    stationId: uuid('station_id').notNull(),
    /** The station's township path, copied at assignment, so scope needs no other module's table. */
    divisionPath: text('division_path').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('worker_assignments_worker_idx').on(t.workerId),
    index('worker_assignments_station_idx').on(t.stationId),
  ],
);

// R-STAFF-2: an officer's recorded exception lets a contractor hire someone who breaches the age or education rule.
export const hiringExceptions = pgTable(
  'hiring_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    idNumber: text('id_number').notNull(),
    reason: text('reason').notNull(),
    divisionPath: text('division_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('hiring_exceptions_org_idx').on(t.organisationId, t.idNumber)],
);

// R-TAL-1 / R-STAFF-5: training sessions and who attended them, with hours.
export const trainings = pgTable(
  'trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    organiserLevel: text('organiser_level').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    /** R-STAFF-3: when and by whom an officer confirmed the organiser level; until then a contractor's record does not count. */
    organiserConfirmedAt: timestamp('organiser_confirmed_at', { withTimezone: true }),
    organiserConfirmedBy: text('organiser_confirmed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('trainings_org_idx').on(t.organisationId)],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    trainingId: uuid('training_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('training_attendance_uq').on(t.trainingId, t.workerId),
    index('training_attendance_worker_idx').on(t.workerId),
  ],
);

// R-STAFF-6: one row per worker and month, salary in fen and each of 五险一金 paid or not.
export const payrollRecords = pgTable(
  'payroll_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    month: text('month').notNull(),
    salaryFen: bigint('salary_fen', { mode: 'number' }),
    paidOn: date('paid_on'),
    // 五险一金 in money, not only ticks (R-STAFF-6): the contribution base and the two shares, in fen.
    insuranceBaseFen: bigint('insurance_base_fen', { mode: 'number' }),
    employerShareFen: bigint('employer_share_fen', { mode: 'number' }),
    employeeShareFen: bigint('employee_share_fen', { mode: 'number' }),
    pension: boolean('pension').notNull().default(false),
    medical: boolean('medical').notNull().default(false),
    unemployment: boolean('unemployment').notNull().default(false),
    injury: boolean('injury').notNull().default(false),
    maternity: boolean('maternity').notNull().default(false),
    housingFund: boolean('housing_fund').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('payroll_worker_month_uq').on(t.workerId, t.month),
    index('payroll_org_month_idx').on(t.organisationId, t.month),
  ],
);

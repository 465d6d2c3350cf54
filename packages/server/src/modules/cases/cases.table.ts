import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CASE_SOURCES, CASE_STATUSES, CLOSURE_REASONS } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

/** A need noted at assessment, by 附件2 domain. */
export interface CaseNeed {
  domainCode: number;
  note: string;
}

// 个案 (R-SVC-3, MZ/T 094): intake → assessment → plan (approved by the project lead) → interventions (service
// records) → evaluation → closure (approved by the project lead). A closed case takes no new records.
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    /** The case worker (a roster record); a transfer changes it and is kept in `case_events`. */
    workerId: uuid('worker_id'),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('intake'),
    source: text('source', { enum: CASE_SOURCES }).notNull(),
    openedOn: date('opened_on').notNull(),
    /** Intake: the presenting problem in the person's words. Sensitive (abuse, health): shown by policy only. */
    intakeNote: text('intake_note').notNull().default(''),
    needs: jsonb('needs').$type<CaseNeed[]>().notNull().default([]),
    riskLevel: text('risk_level', { enum: ['high', 'medium', 'low'] }),
    strengths: text('strengths').notNull().default(''),
    planApprovedAt: timestamp('plan_approved_at', { withTimezone: true }),
    planApprovedBy: uuid('plan_approved_by'),
    closureReason: text('closure_reason', { enum: CLOSURE_REASONS }),
    closureNote: text('closure_note').notNull().default(''),
    closedOn: date('closed_on'),
    followUpOn: date('follow_up_on'),
    /** The person's satisfaction (1–5) at closure, kept apart from the goals' evaluation. */
    satisfaction: integer('satisfaction'),
    ...auditedColumns(),
  },
  (t) => [
    index('cases_station_status_idx').on(t.stationId, t.status),
    index('cases_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.openedOn),
    index('cases_person_idx').on(t.beneficiaryId),
    index('cases_worker_idx').on(t.workerId),
    index('cases_org_idx').on(t.organisationId, t.status),
  ],
);

/** Goals of the service plan, each rated before and after (evaluation, 1–10). */
export const caseGoals = pgTable(
  'case_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    scoreBefore: integer('score_before'),
    scoreAfter: integer('score_after'),
    position: integer('position').notNull().default(0),
    ...auditedColumns(),
  },
  (t) => [index('case_goals_case_idx').on(t.caseId)],
);

/** Tasks of the service plan with due dates. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    goalId: uuid('goal_id'),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    ...auditedColumns(),
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_goal_idx').on(t.goalId)],
);

/** The case's timeline of workflow steps (submitted, approved, returned, transferred, closed …), never edited. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

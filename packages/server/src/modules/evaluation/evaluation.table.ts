import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EVALUATION_KINDS,
  EVALUATION_STATUSES,
  INDICATOR_SET_STATUSES,
  RECTIFICATION_STATUSES,
  type Combination,
  type GradeBand,
  type IndicatorDimension,
  type MeasuredFigure,
} from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// R-EVAL-2: the city's indicator sets, versioned within a family; the tree is one document because a set in use is
// frozen whole (a change is a new version), and scores name its items by their keys.
export const indicatorSets = pgTable(
  'indicator_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id').notNull(),
    versionNo: integer('version_no').notNull(),
    name: text('name').notNull(),
    note: text('note').notNull().default(''),
    isExample: boolean('is_example').notNull().default(false),
    status: text('status', { enum: INDICATOR_SET_STATUSES }).notNull().default('draft'),
    dimensions: jsonb('dimensions').$type<IndicatorDimension[]>().notNull(),
    bands: jsonb('bands').$type<GradeBand[]>().notNull(),
    passLine: doublePrecision('pass_line').notNull(),
    combination: jsonb('combination').$type<Combination>().notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    adoptedBy: uuid('adopted_by'),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('indicator_sets_family_version_uq').on(t.familyId, t.versionNo)],
);

/** How a spot check's sample was drawn, kept with each round it made (R-EVAL-1). */
export interface RoundSample {
  mode: 'random' | 'chosen';
  seed: string | null;
  reason: string | null;
  poolSize: number | null;
  on: string | null;
}

// R-EVAL-1: one evaluation of one agreement year (a contract's 一年一签 year) by one kind: the county's 中期 and 末期,
// the city's 抽查, the contractor's 自评. Scope columns copied from the contract (DESIGN §4).
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: EVALUATION_KINDS }).notNull(),
    contractId: uuid('contract_id').notNull(),
    yearNo: integer('year_no').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    divisionPath: text('division_path').notNull(),
    countyCode: text('county_code').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    setId: uuid('set_id').notNull(),
    status: text('status', { enum: EVALUATION_STATUSES }).notNull().default('scoring'),
    evaluators: text('evaluators').notNull().default(''),
    visitOn: date('visit_on'),
    visitNotes: text('visit_notes').notNull().default(''),
    findings: text('findings').notNull().default(''),
    total: doublePrecision('total'),
    grade: text('grade'),
    passed: boolean('passed'),
    sample: jsonb('sample').$type<RoundSample>(),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: uuid('signed_off_by'),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('evaluation_rounds_subject_uq').on(t.contractId, t.yearNo, t.kind),
    index('evaluation_rounds_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('evaluation_rounds_org_idx').on(t.organisationId),
    index('evaluation_rounds_set_idx').on(t.setId),
    index('evaluation_rounds_county_idx').on(t.countyCode),
  ],
);

// One item's score in a round: the measured figure and suggestion (frozen on sign-off), the score and why it differs.
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    roundId: uuid('round_id').notNull(),
    itemKey: text('item_key').notNull(),
    score: doublePrecision('score'),
    suggested: doublePrecision('suggested'),
    figure: jsonb('figure').$type<MeasuredFigure>(),
    reason: text('reason').notNull().default(''),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.itemKey] })],
);

// R-EVAL-4: a finding the contractor corrects by a deadline, verified by the county.
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    finding: text('finding').notNull(),
    requirement: text('requirement').notNull().default(''),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
    correction: text('correction').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    returnComment: text('return_comment').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    index('rectifications_round_idx').on(t.roundId),
    index('rectifications_contract_idx').on(t.contractId),
    index('rectifications_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('rectifications_org_idx').on(t.organisationId),
    index('rectifications_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} <> 'verified'`),
  ],
);

// R-EVAL-1 (六（六）): third-party evaluators assigned to a round; an evaluator reaches exactly these rounds and, while
// a round is being scored, the stations of its contract.
export const evaluationRoundEvaluators = pgTable(
  'evaluation_round_evaluators',
  {
    roundId: uuid('round_id').notNull(),
    userId: uuid('user_id').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('evaluation_round_evaluators_user_idx').on(t.userId)],
);

/** One aspect of a pre-award evaluation: 合格 or not, and what the evaluator found. */
export interface PreAwardAspect {
  passed: boolean;
  note: string;
}

// 立项评估 (R-EVAL-1, 六（六）“对承接主体的专业资质、内部管理、人才资源等方面进行第三方立项评估”): a third-party agency's
// evaluation of a candidate contractor for a procurement, before the award. Scope columns from the procurement.
export const preAwardEvaluations = pgTable(
  'pre_award_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    /** The third-party agency that evaluated. */
    agency: text('agency').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    qualification: jsonb('qualification').$type<PreAwardAspect>().notNull(),
    management: jsonb('management').$type<PreAwardAspect>().notNull(),
    talent: jsonb('talent').$type<PreAwardAspect>().notNull(),
    passed: boolean('passed').notNull(),
    summary: text('summary').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('pre_award_evaluations_uq').on(t.procurementId, t.organisationId),
    index('pre_award_evaluations_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('pre_award_evaluations_org_idx').on(t.organisationId),
    index('pre_award_evaluations_county_idx').on(t.countyCode),
  ],
);

import { bigint, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns } from '../../db/columns';

// R-PUR-2: a county's annual purchase plan; money in fen.
export const purchasePlans = pgTable(
  'purchase_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    background: text('background').notNull().default(''),
    goals: text('goals').notNull().default(''),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    purchaseMethod: text('purchase_method'),
    serviceContent: text('service_content').notNull().default(''),
    schedule: text('schedule').notNull().default(''),
    qualityStandards: text('quality_standards').notNull().default(''),
    quantityStandards: text('quantity_standards').notNull().default(''),
    performanceEvaluation: text('performance_evaluation').notNull().default(''),
    stationIds: uuid('station_ids').array().notNull().default([]),
    status: text('status', { enum: ['draft', 'submitted', 'filed', 'returned'] })
      .notNull()
      .default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [
    index('purchase_plans_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('purchase_plans_county_idx').on(t.countyCode),
  ],
);

// Every step of a plan (create, submit, file, return) with its comment, kept for good.
export const purchasePlanEvents = pgTable(
  'purchase_plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    action: text('action').notNull(),
    comment: text('comment').notNull().default(''),
    userId: uuid('user_id'),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('purchase_plan_events_plan_idx').on(t.planId)],
);

// R-PUR-3: the procurement announcement and, once decided, its award.
export const procurements = pgTable(
  'procurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    purchasePlanId: uuid('purchase_plan_id'),
    title: text('title').notNull(),
    serviceContent: text('service_content').notNull(),
    serviceStandards: text('service_standards').notNull(),
    requirements: text('requirements').notNull(),
    method: text('method').notNull(),
    bidderConditions: text('bidder_conditions').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    stationIds: uuid('station_ids').array().notNull().default([]),
    publishedOn: date('published_on').notNull(),
    status: text('status', { enum: ['published', 'awarded', 'cancelled'] })
      .notNull()
      .default('published'),
    awardOrganisationId: uuid('award_organisation_id'),
    awardAmountFen: bigint('award_amount_fen', { mode: 'number' }),
    awardedOn: date('awarded_on'),
    ...auditedColumns(),
  },
  (t) => [
    index('procurements_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    // Referencing columns are indexed so that foreign-key checks and joins stay fast (docs/adr/0005-foreign-keys.md).
    index('procurements_county_idx').on(t.countyCode),
    index('procurements_plan_idx').on(t.purchasePlanId),
    index('procurements_award_org_idx').on(t.awardOrganisationId),
  ],
);

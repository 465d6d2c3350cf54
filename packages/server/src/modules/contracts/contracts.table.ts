import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ContractTerm } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// R-CON-1…3: the 3-year service contract between the county bureau and the contractor.
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    purchaserName: text('purchaser_name').notNull(),
    procurementId: uuid('procurement_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    title: text('title').notNull(),
    awardedOn: date('awarded_on').notNull(),
    signedOn: date('signed_on').notNull(),
    publishedOn: date('published_on'),
    cycleStart: date('cycle_start').notNull(),
    cycleEnd: date('cycle_end').notNull(),
    /** Set when a failed evaluation ends the contract at the end of that year (R-CON-2). */
    endsOn: date('ends_on'),
    status: text('status', { enum: ['active', 'ending', 'ended'] })
      .notNull()
      .default('active'),
    terms: jsonb('terms').$type<Record<ContractTerm, string>>().notNull(),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('contracts_procurement_uq').on(t.procurementId),
    index('contracts_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('contracts_org_idx').on(t.organisationId),
    index('contracts_county_idx').on(t.countyCode),
  ],
);

// The stations a contract covers; contractor staff see exactly these stations.
export const contractStations = pgTable(
  'contract_stations',
  {
    contractId: uuid('contract_id').notNull(),
    stationId: uuid('station_id').notNull(),
  },
  (t) => [
    uniqueIndex('contract_stations_uq').on(t.contractId, t.stationId),
    index('contract_stations_station_idx').on(t.stationId),
  ],
);

// One agreement per contract year (一年一签).
export const agreements = pgTable(
  'contract_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').notNull(),
    yearNo: integer('year_no').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    signedOn: date('signed_on').notNull(),
    publishedOn: date('published_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('contract_agreements_year_uq').on(t.contractId, t.yearNo)],
);

// The annual evaluation result that gates renewal (R-CON-2): the outcome of the year's evaluation rounds, or a paper
// result entered for a year evaluated before the platform's rounds existed.
export const contractEvaluations = pgTable(
  'contract_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id').notNull(),
    yearNo: integer('year_no').notNull(),
    result: text('result', { enum: ['passed', 'failed'] }).notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    evaluator: text('evaluator').notNull(),
    summary: text('summary').notNull().default(''),
    /** `rounds`: written on the sign-off that completed the year's rounds; `paper`: typed in from a paper result. */
    source: text('source', { enum: ['paper', 'rounds'] })
      .notNull()
      .default('paper'),
    score: doublePrecision('score'),
    grade: text('grade'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('contract_evaluations_year_uq').on(t.contractId, t.yearNo)],
);

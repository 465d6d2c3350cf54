import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CALL_BACK_STATUSES, COMPLAINT_SOURCES, COMPLAINT_STATUSES, SATISFACTION_CHANNELS } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 满意度 (R-EVAL-3, 四（四）): one answer, from the station's public form or a call-back. Nothing identifies who
// answered the public form unless they chose to leave a contact (no address, no account, no IP is stored).
export const satisfactionResponses = pgTable(
  'satisfaction_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    /** The contractor in charge of the station on the day (satisfaction is the contractor's indicator). */
    organisationId: uuid('organisation_id'),
    channel: text('channel', { enum: SATISFACTION_CHANNELS }).notNull(),
    answeredOn: date('answered_on').notNull(),
    /** 1 (非常不满意) … 5 (非常满意). */
    overall: integer('overall').notNull(),
    attitude: integer('attitude'),
    timeliness: integer('timeliness'),
    effect: integer('effect'),
    comment: text('comment').notNull().default(''),
    anonymous: boolean('anonymous').notNull().default(true),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('satisfaction_responses_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.answeredOn),
    index('satisfaction_responses_station_idx').on(t.stationId, t.answeredOn),
    index('satisfaction_responses_org_idx').on(t.organisationId, t.answeredOn),
  ],
);

// A call-back survey: people served at a station in a period, drawn at random with a recorded seed (as Guangzhou's
// evaluators do), so satisfaction does not rest on who chose to answer.
export const satisfactionSurveys = pgTable(
  'satisfaction_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    seed: text('seed').notNull(),
    poolSize: integer('pool_size').notNull(),
    sampleSize: integer('sample_size').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    index('satisfaction_surveys_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('satisfaction_surveys_station_idx').on(t.stationId),
    index('satisfaction_surveys_org_idx').on(t.organisationId),
  ],
);

// One drawn person of a survey and how the call went; an answered call points at its response.
export const satisfactionCalls = pgTable(
  'satisfaction_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    status: text('status', { enum: CALL_BACK_STATUSES }).notNull().default('pending'),
    responseId: uuid('response_id'),
    calledOn: date('called_on'),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('satisfaction_calls_survey_idx').on(t.surveyId),
    index('satisfaction_calls_beneficiary_idx').on(t.beneficiaryId),
    index('satisfaction_calls_response_idx').on(t.responseId),
  ],
);

// 投诉 (R-EVAL-3): routed to the station's project lead and the county officer, answered and closed.
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    source: text('source', { enum: COMPLAINT_SOURCES }).notNull(),
    receivedOn: date('received_on').notNull(),
    content: text('content').notNull(),
    anonymous: boolean('anonymous').notNull().default(true),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The public-form answer it came with, if any. */
    responseId: uuid('response_id'),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('open'),
    answer: text('answer').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    ...auditedColumns(),
  },
  (t) => [
    index('complaints_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.receivedOn),
    index('complaints_station_idx').on(t.stationId),
    index('complaints_org_idx').on(t.organisationId),
    index('complaints_response_idx').on(t.responseId),
  ],
);

// The public form's challenges already answered (R-EVAL-3, against floods): a solved question is good once. Rows
// past their expiry are cleared as new ones arrive.
export const satisfactionChallengeUses = pgTable('satisfaction_challenge_uses', {
  nonce: text('nonce').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

import { date, doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REVIEW_STATUSES, REVIEW_TARGETS, SUPERVISOR_KINDS } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 督导 (R-EVAL-4, 六（六）): a supervision session for workers of a station, by an internal or external supervisor.
// Scope columns from the station (DESIGN §4); the organisation is the contractor whose workers were supervised.
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    supervisorName: text('supervisor_name').notNull(),
    supervisorKind: text('supervisor_kind', { enum: SUPERVISOR_KINDS }).notNull(),
    heldOn: date('held_on').notNull(),
    hours: doublePrecision('hours').notNull(),
    topics: text('topics').notNull(),
    followUp: text('follow_up').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    index('supervision_sessions_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.heldOn),
    index('supervision_sessions_org_idx').on(t.organisationId, t.heldOn),
    index('supervision_sessions_station_idx').on(t.stationId),
  ],
);

// Who attended a session: a worker's supervision hours per year are summed from here.
export const supervisionAttendees = pgTable(
  'supervision_attendees',
  {
    sessionId: uuid('session_id').notNull(),
    workerId: uuid('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.workerId] }), index('supervision_attendees_worker_idx').on(t.workerId)],
);

// A supervisor's comment on a sampled case file or service record, tracked until the worker answers it.
export const supervisionReviews = pgTable(
  'supervision_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id'),
    organisationId: uuid('organisation_id').notNull(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    targetKind: text('target_kind', { enum: REVIEW_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    /** The worker whose work it is (answers the comment). */
    workerId: uuid('worker_id'),
    reviewerName: text('reviewer_name').notNull(),
    comment: text('comment').notNull(),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('open'),
    answer: text('answer').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    ...auditedColumns(),
  },
  (t) => [
    index('supervision_reviews_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('supervision_reviews_org_idx').on(t.organisationId),
    index('supervision_reviews_station_idx').on(t.stationId),
    index('supervision_reviews_worker_idx').on(t.workerId),
    index('supervision_reviews_session_idx').on(t.sessionId),
    index('supervision_reviews_target_idx').on(t.targetId),
  ],
);

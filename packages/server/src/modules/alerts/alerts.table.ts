import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ALERT_KINDS, ALERT_STATUSES } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 预警 (R-SVC-5, 附件2 (三)1, (二)5): suspected abuse, domestic violence, abandonment or another crisis, raised at once
// for the project lead and the county officer; escalated to the city when not acknowledged in time (derived from the
// clock when read, never by a job that may not have run).
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    beneficiaryId: uuid('beneficiary_id'),
    serviceRecordId: uuid('service_record_id'),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    /** What was seen. Sensitive: the case worker, the project lead and the county officer only. */
    description: text('description').notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: uuid('raised_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closingNote: text('closing_note').notNull().default(''),
    /** The local days raised and closed (Asia/Shanghai), kept by the database, so counts by period use an index. */
    raisedOn: date('raised_on').generatedAlwaysAs(sql`((raised_at at time zone 'Asia/Shanghai')::date)`),
    closedOn: date('closed_on').generatedAlwaysAs(sql`((closed_at at time zone 'Asia/Shanghai')::date)`),
    ...auditedColumns(),
  },
  (t) => [
    index('alerts_path_status_idx').on(t.divisionPath.op('text_pattern_ops'), t.status),
    index('alerts_station_idx').on(t.stationId, t.raisedAt),
    index('alerts_person_idx').on(t.beneficiaryId),
    index('alerts_org_idx').on(t.organisationId, t.status),
    index('alerts_record_idx').on(t.serviceRecordId),
    index('alerts_path_raised_idx').on(t.divisionPath.op('text_pattern_ops'), t.raisedOn),
  ],
);

/** Actions recorded on an alert (calls made, police or women's federation informed, placement …), never edited. */
export const alertActions = pgTable(
  'alert_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id').notNull(),
    note: text('note').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('alert_actions_alert_idx').on(t.alertId, t.at)],
);

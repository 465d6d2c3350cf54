import { bigint, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { REFERRAL_STATUSES, REFERRAL_TARGETS } from '@shegong/shared';
import { auditedColumns } from '../../db/columns';

// 资源链接 / 转介 (附件2 (一)3): a person linked to a policy or an agency, with status and what it obtained. A referral
// needs the person's recorded consent to referral.
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    organisationId: uuid('organisation_id'),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    caseId: uuid('case_id'),
    serviceRecordId: uuid('service_record_id'),
    target: text('target', { enum: REFERRAL_TARGETS }).notNull(),
    /** The agency or resource by name (民政所, 残联, a foundation …). */
    agency: text('agency').notNull().default(''),
    submittedOn: date('submitted_on').notNull(),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('submitted'),
    decidedOn: date('decided_on'),
    /** What was obtained, e.g. a monthly allowance, in fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    outcome: text('outcome').notNull().default(''),
    /** The consent record the referral relied on. */
    consentId: uuid('consent_id').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    index('referrals_path_idx').on(t.divisionPath.op('text_pattern_ops'), t.submittedOn),
    index('referrals_station_idx').on(t.stationId, t.submittedOn),
    index('referrals_person_idx').on(t.beneficiaryId),
    index('referrals_org_idx').on(t.organisationId, t.submittedOn),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_record_idx').on(t.serviceRecordId),
    index('referrals_consent_idx').on(t.consentId),
  ],
);

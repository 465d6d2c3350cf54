import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns } from '../../db/columns';

// 社会组织 (R-ORG-1). `division_path` is the unit that registered the record, for "by county" filters and writes.
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    creditCodeValid: boolean('credit_code_valid').notNull(),
    creditCodeReason: text('credit_code_reason').notNull().default(''),
    type: text('type').notNull(),
    registrationAuthority: text('registration_authority').notNull().default(''),
    registeredOn: date('registered_on'),
    legalRepresentative: text('legal_representative').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    address: text('address').notNull().default(''),
    businessScope: text('business_scope').notNull().default(''),
    socialWorkInScope: boolean('social_work_in_scope').notNull(),
    grade: text('grade'),
    gradeValidUntil: date('grade_valid_until'),
    local: boolean('local').notNull(),
    divisionCode: text('division_code').notNull(),
    divisionPath: text('division_path').notNull(),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('organisations_credit_code_uq').on(t.creditCode),
    index('organisations_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('organisations_division_idx').on(t.divisionCode),
  ],
);

// R-ORG-2: what the organisation publishes; the public portal reads these.
export const disclosures = pgTable(
  'organisation_disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    year: integer('year'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('disclosures_org_idx').on(t.organisationId)],
);

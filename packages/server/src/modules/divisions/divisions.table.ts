import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// 区划 tree; `path` is materialised (`/410900000000/410928000000/…/`) so scoping is a prefix match.
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['city', 'county', 'township'] }).notNull(),
    kind: text('kind').notNull(),
    parentCode: text('parent_code'),
    path: text('path').notNull(),
    statsCountyCode: text('stats_county_code'),
    official: boolean('official').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('divisions_path_idx').on(t.path.op('text_pattern_ops')),
    index('divisions_parent_idx').on(t.parentCode),
  ],
);

// 附件1 targets per unit and year (R-PLAN-1); years beyond 2023 can be added (R-PLAN-3).
export const planTargets = pgTable(
  'plan_targets',
  {
    divisionCode: text('division_code').notNull(),
    year: integer('year').notNull(),
    target: integer('target').notNull(),
  },
  (t) => [index('plan_targets_division_year_idx').on(t.divisionCode, t.year)],
);

// 附件2 service catalogue (R-SVC-2).
export const catalogueItems = pgTable('catalogue_items', {
  code: text('code').primaryKey(),
  domainCode: integer('domain_code').notNull(),
  domainName: text('domain_name').notNull(),
  itemNumber: integer('item_number').notNull(),
  itemName: text('item_name').notNull(),
  description: text('description').notNull(),
});

// Reference data loads, applied once each like migrations.
export const referenceDataLoads = pgTable('reference_data_loads', {
  id: text('id').primaryKey(),
  checksum: text('checksum').notNull(),
  rows: integer('rows').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

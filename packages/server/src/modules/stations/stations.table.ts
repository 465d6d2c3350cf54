import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InstitutionChecklist, SiteChecklist } from '@shegong/shared';
import { auditedColumns as audited } from '../../db/columns';

export const stations = pgTable(
  'stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipCode: text('township_code').notNull(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    name: text('name').notNull(),
    batchYear: integer('batch_year').notNull(),
    status: text('status', { enum: ['planned', 'building', 'operating', 'suspended'] }).notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    officeAreaM2: numeric('office_area_m2', { precision: 10, scale: 2, mode: 'number' }),
    activityAreaM2: numeric('activity_area_m2', { precision: 10, scale: 2, mode: 'number' }),
    buildingStartedOn: date('building_started_on'),
    openedOn: date('opened_on'),
    suspendedOn: date('suspended_on'),
    site: jsonb('site').$type<SiteChecklist>().notNull().default({}),
    institutions: jsonb('institutions').$type<InstitutionChecklist>().notNull().default({}),
    notes: text('notes').notNull().default(''),
    signageFileId: uuid('signage_file_id'),
    ...audited(),
  },
  (t) => [
    // R-ST-1: one station per township.
    uniqueIndex('stations_township_uq').on(t.townshipCode),
    index('stations_division_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    index('stations_status_year_idx').on(t.status, t.batchYear),
    // Referencing columns are indexed so that foreign-key checks and joins stay fast (docs/adr/0005-foreign-keys.md).
    index('stations_county_idx').on(t.countyCode),
    index('stations_signage_file_idx').on(t.signageFileId),
  ],
);

// R-PLAN-2: 一县（区）一中心.
export const countyCentres = pgTable(
  'county_centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code').notNull(),
    divisionPath: text('division_path').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['planned', 'operating', 'suspended'] }).notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    establishedOn: date('established_on'),
    ...audited(),
  },
  (t) => [
    uniqueIndex('county_centres_county_uq').on(t.countyCode),
    index('county_centres_path_idx').on(t.divisionPath.op('text_pattern_ops')),
  ],
);

// R-PLAN-2: 村（社区）社会工作服务室 under a station.
export const serviceRooms = pgTable(
  'service_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    divisionPath: text('division_path').notNull(),
    villageName: text('village_name').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['village', 'community'] }).notNull(),
    status: text('status', { enum: ['planned', 'operating', 'suspended'] }).notNull(),
    openedOn: date('opened_on'),
    ...audited(),
  },
  (t) => [
    uniqueIndex('service_rooms_station_village_uq').on(t.stationId, t.villageName),
    index('service_rooms_path_idx').on(t.divisionPath.op('text_pattern_ops')),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    divisionCode: text('division_code').notNull(),
    divisionPath: text('division_path').notNull(),
    /** Contractor staff (later issue): the organisation that bounds the scope. */
    organisationId: uuid('organisation_id'),
    /** A resident social worker's own roster record; their station scope follows its assignments. */
    workerId: uuid('worker_id'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('users_division_path_idx').on(t.divisionPath.op('text_pattern_ops')),
    // Referencing columns are indexed so that foreign-key checks and joins stay fast (docs/adr/0005-foreign-keys.md).
    index('users_division_code_idx').on(t.divisionCode),
    index('users_organisation_idx').on(t.organisationId),
    // One login per roster record: two accounts opened at once for the same worker cannot both land.
    uniqueIndex('users_worker_uq')
      .on(t.workerId)
      .where(sql`worker_id is not null`),
  ],
);

// Social workers' station assignments (later issue) become a `stations` scope.
export const userStations = pgTable(
  'user_stations',
  {
    userId: uuid('user_id').notNull(),
    stationId: uuid('station_id').notNull(),
  },
  (t) => [index('user_stations_user_idx').on(t.userId), index('user_stations_station_idx').on(t.stationId)],
);

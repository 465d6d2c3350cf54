import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Failed logins for names that match no account: counted and locked exactly like an account's, so that the answers
// (401, then 423) never tell which accounts exist.
export const loginFailures = pgTable('login_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

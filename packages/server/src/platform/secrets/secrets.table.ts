import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Secrets every server process must share (an HMAC key for the public form's challenge): made once, by whichever
// process asks first, and read by all (DESIGN §1: several processes behind one address).
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns } from '../../db/columns';

// A real module adds its table to db/schema.ts, runs `npm run db:generate`, and adds the foreign keys in a custom
// migration (docs/adr/0005-foreign-keys.md): station_id → stations.id, created_by and updated_by → users.id.
export const notes = pgTable(
  'template_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    // Copied from the station when written, so the scope condition needs no join.
    divisionPath: text('division_path').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [index('template_notes_station_idx').on(t.stationId)],
);

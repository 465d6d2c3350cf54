import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the tables and committed; the server applies them at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema.ts',
  out: './packages/server/src/db/migrations',
});

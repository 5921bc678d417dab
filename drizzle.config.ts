import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes the SQL migrations applied by both PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});

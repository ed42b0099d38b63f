import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/server/db/schema.ts',
    './src/server/db/schema-activities.ts',
    './src/server/db/schema-scoring.ts',
    './src/server/db/schema-notifications.ts',
    './src/server/db/schema-reports.ts',
    './src/server/db/schema-public.ts',
    './src/server/db/schema-reminders.ts',
    './src/server/db/schema-monitor.ts',
  ],
  out: './migrations',
});

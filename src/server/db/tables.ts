import { schema } from './schema';
import { activitySchema } from './schema-activities';
import { monitorSchema } from './schema-monitor';
import { notificationSchema } from './schema-notifications';
import { publicSchema } from './schema-public';
import { reminderSchema } from './schema-reminders';
import { reportSchema } from './schema-reports';
import { scoringSchema } from './schema-scoring';

/** Every table of the application, in foreign-key order (backups insert them in this order). */
export const allTables = {
  ...schema,
  ...activitySchema,
  ...scoringSchema,
  ...notificationSchema,
  ...reportSchema,
  ...publicSchema,
  ...reminderSchema,
  ...monitorSchema,
};

import { boolean, pgTable, uuid } from 'drizzle-orm/pg-core';
import { units, updatedAt, users } from './schema';

/**
 * The public results page (issue 10 item 8): whether a province publishes its published rankings and
 * each unit's official scores without login. No row means off; the DX office turns it on.
 */
export const publicResults = pgTable('public_results', {
  provinceId: uuid('province_id')
    .primaryKey()
    .references(() => units.id),
  isEnabled: boolean('is_enabled').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

export const publicSchema = { publicResults };

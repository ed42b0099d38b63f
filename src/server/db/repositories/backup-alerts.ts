import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryRows } from '../sql';

/** An administrator to tell when a scheduled backup fails. */
export interface AdminRecipient {
  userId: string;
  email: string | null;
}

/** Active users holding system_admin (on no unit or on any), each once. */
export async function findSystemAdmins(q: Queryable): Promise<AdminRecipient[]> {
  return queryRows<AdminRecipient>(
    q,
    sql`select distinct u.id as "userId", nullif(btrim(u.email), '') as email
        from role_grants g join users u on u.id = g.user_id
        where g.role = 'system_admin' and u.is_active
        order by u.id`,
  );
}

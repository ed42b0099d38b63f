import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { queryRows } from '../sql';
import { toTextArray } from './activities';
import { folded } from './evidence';

/** A person's decision on a found item, as the classifier remembers it. */
export interface DecisionRow {
  urlKey: string;
  title: string;
  lead: string | null;
  isDx: boolean;
  topic: string | null;
  decidedAt: Date;
}

/**
 * The decisions people made on items of the same page (URL key) or of the same title (folded, every
 * run of other characters than a–z and 0–9 one space: classify's decisionTitleKey), on any channel,
 * oldest first. Decided items are few, so the title is compared on them only.
 */
export async function findDecisionsFor(
  q: Queryable,
  keys: { urlKeys: string[]; titleKeys: string[] },
): Promise<DecisionRow[]> {
  if (keys.urlKeys.length === 0 && keys.titleKeys.length === 0) return [];
  const titleKey = sql`btrim(regexp_replace(${folded(sql`i.title`)}, '[^a-z0-9]+', ' ', 'g'))`;
  const rows = await queryRows<Omit<DecisionRow, 'decidedAt'> & { decidedAt: Date | string }>(
    q,
    sql`select i.url_key as "urlKey", i.title, i.lead, i.decided_is_dx as "isDx", i.decided_topic as topic,
          i.decided_at as "decidedAt"
        from monitor_items i
        where i.decided_is_dx is not null
          and (i.url_key = any(${toTextArray(keys.urlKeys)}::text[])
            or ${titleKey} = any(${toTextArray(keys.titleKeys)}::text[]))
        order by i.decided_at, i.id`,
  );
  return rows.map((row) => ({ ...row, decidedAt: new Date(row.decidedAt) }));
}

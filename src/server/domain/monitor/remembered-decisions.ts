import { urlKey } from '../../../shared/url-key';
import type { Queryable } from '../../db/client';
import { findDecisionsFor } from '../../db/repositories/monitor-decisions';
import {
  type ClassifyFoundItem,
  decisionTitleKey,
  isDistinctiveTitle,
  withDecisions,
} from '../../monitor/classify';
import type { ClassifyItem } from '../../monitor/contract';

/**
 * The classifier of one check with the decisions people made before: an item whose page (URL key)
 * or distinctive title a person has decided — on this channel or any other — gets that decision,
 * with its day as the reason, instead of the model's guess. One query for the check's new items.
 */
export async function rememberingClassifier(
  q: Queryable,
  classify: ClassifyItem,
  items: ReadonlyArray<{ url: string; title: string }>,
): Promise<ClassifyFoundItem> {
  const urlKeys = new Set<string>();
  const titleKeys = new Set<string>();
  for (const item of items) {
    const key = urlKey(item.url);
    if (key) urlKeys.add(key);
    const title = decisionTitleKey(item.title);
    if (isDistinctiveTitle(title)) titleKeys.add(title);
  }
  const decisions = await findDecisionsFor(q, { urlKeys: [...urlKeys], titleKeys: [...titleKeys] });
  if (decisions.length === 0) return classify;
  return withDecisions(classify, decisions);
}

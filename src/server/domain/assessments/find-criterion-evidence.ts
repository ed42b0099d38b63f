import type { LinkedEvidenceDto } from '../../../shared/api/evidence';
import type { Queryable } from '../../db/client';
import { findCriterionLinks } from '../../db/repositories/assessments';
import { findEvidenceViews } from '../../db/repositories/evidence';
import { presentEvidence } from '../evidence/present-evidence';

/** The evidence attached to each criterion (current versions, with the link's id), in two queries. */
export async function findCriterionEvidence(
  q: Queryable,
  criterionIds: string[],
): Promise<Map<string, LinkedEvidenceDto[]>> {
  const links = await findCriterionLinks(q, criterionIds);
  const views = new Map(
    (await findEvidenceViews(q, [...new Set(links.map((link) => link.evidenceId))])).map((view) => [
      view.id,
      view,
    ]),
  );
  const byCriterion = new Map<string, LinkedEvidenceDto[]>();
  for (const link of links) {
    const view = views.get(link.evidenceId);
    if (!view) continue;
    const list = byCriterion.get(link.criterionId) ?? [];
    list.push({ ...presentEvidence(view), linkId: link.linkId });
    byCriterion.set(link.criterionId, list);
  }
  return byCriterion;
}

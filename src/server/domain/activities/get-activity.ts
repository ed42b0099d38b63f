import type { ActivityAction, ActivityDetailDto, ActivityRefDto } from '../../../shared/api/activities';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import {
  type ActivityListRow,
  type ActivityRef,
  findActivityRefs,
  findVersionRefs,
  getActivityExtras,
  getActivityView,
} from '../../db/repositories/activities';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { visibleUnitIds } from './visible-units';

/** What the user may do with the record, given its state and their actions on its unit. */
export function activityActions(
  row: Pick<ActivityListRow, 'deletedAt' | 'duplicateOfId' | 'translationOfId'>,
  actions: readonly Action[],
): ActivityAction[] {
  if (row.deletedAt) return actions.includes('activity.restore') ? ['restore'] : [];
  const result: ActivityAction[] = [];
  if (actions.includes('activity.record')) result.push('update', 'delete');
  if (actions.includes('activity.record') && !row.translationOfId) result.push('translate');
  if (actions.includes('activity.review')) result.push('review');
  if (actions.includes('activity.review') && row.duplicateOfId) result.push('resolveDuplicate');
  return result;
}

function presentRef(ref: ActivityRef): ActivityRefDto {
  return {
    id: ref.id,
    kind: ref.kind,
    title: ref.title,
    language: ref.language,
    occurredOn: ref.occurredOn,
    unitId: ref.unitId,
    unitName: ref.unitName,
    deleted: ref.deleted,
  };
}

/** One record with its original or versions, what it may repeat, its evidence count and the user's actions. */
export async function getActivity(options: {
  db: Queryable;
  principal: Principal;
  activityId: string;
}): Promise<ActivityDetailDto> {
  const { db, principal, activityId } = options;
  const view = await getActivityView(db, activityId);
  if (!view) throw notFound();
  const actions = await authorizeUnit(db, principal, view.unitId, 'unit.view');
  const visible = await visibleUnitIds(db, principal);
  const isVisible = (ref: ActivityRef) => !visible || visible.has(ref.unitId);

  const refs = await findActivityRefs(
    db,
    [view.translationOfId, view.duplicateOfId].filter((id): id is string => Boolean(id)),
  );
  const original = refs.find((ref) => ref.id === view.translationOfId);
  // The same page or title is no secret of its unit: the duplicate is named even outside the user's scope.
  const duplicate = refs.find((ref) => ref.id === view.duplicateOfId);
  const versions = (await findVersionRefs(db, [view.translationOfId ?? view.id])).filter(
    (ref) => ref.id !== view.id && isVisible(ref),
  );
  const extras = await getActivityExtras(db, view.id);
  return {
    ...view,
    reviewedByName: extras.reviewedByName,
    translationOf: original && isVisible(original) ? presentRef(original) : null,
    translations: versions.map(presentRef),
    duplicateOf: duplicate ? presentRef(duplicate) : null,
    evidenceCount: extras.evidenceCount,
    snapshotId: extras.snapshotId,
    actions: activityActions(view, actions),
  };
}

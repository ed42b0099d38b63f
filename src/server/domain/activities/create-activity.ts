import type { Provenance } from '../../../shared/activities';
import type { ActivityDetailDto, ActivityInput } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import { AppError, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertLibraryItemsVisible } from './check-library-items';
import { checkTranslations } from './check-translations';
import { getActivity } from './get-activity';
import { loadPrepareContexts } from './load-prepare-context';
import { prepareActivity } from './prepare-activity';
import {
  type DuplicateFinding,
  describeDuplicate,
  findDuplicates,
  recordActivities,
} from './record-activities';
import { visibleUnitIds } from './visible-units';

export function duplicateConflict(finding: DuplicateFinding): AppError {
  const description = describeDuplicate(finding);
  return new AppError(
    'CONFLICT',
    `Có thể bản ghi này đã được nhập. ${description} Nếu vẫn muốn lưu, hãy xác nhận (bản ghi sẽ được đánh dấu nghi trùng).`,
    [{ field: finding.reason === 'url' ? 'url' : 'title', message: description }],
  );
}

/**
 * One record from the phone form (or a single API call): checked, compared with what is already
 * there, and stored. A suspected duplicate is refused with the record it repeats, unless the user
 * confirms, in which case it is stored flagged.
 */
export async function createActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  input: ActivityInput;
  provenance?: Provenance;
}): Promise<ActivityDetailDto> {
  const { db, principal, actor, input } = options;
  await authorizeUnit(db, principal, input.unitId, 'activity.record');
  await assertLibraryItemsVisible(db, principal, [input]);
  const contextFor = await loadPrepareContexts(db, [input], {
    provenance: options.provenance ?? 'form',
    recordedBy: actor.userId,
  });
  const { row, errors } = prepareActivity(input, contextFor(input));
  const [translationProblems = []] = await checkTranslations(
    db,
    [{ kind: input.kind, language: input.language, translationOfId: input.translationOfId ?? null }],
    () => visibleUnitIds(db, principal),
  );
  const details = [...errors, ...translationProblems.map(({ field, message }) => ({ field, message }))];
  if (!row || translationProblems.some((problem) => !problem.isConflict))
    throw validationError('Bản ghi chưa hợp lệ.', details);
  if (translationProblems.length) throw new AppError('CONFLICT', translationProblems[0]!.message, details);

  const id = await db.transaction(async (tx) => {
    const [finding = null] = await findDuplicates(tx, [row], [], {
      visible: await visibleUnitIds(tx, principal),
    });
    if (finding && !input.confirmDuplicate) throw duplicateConflict(finding);
    const [created] = await recordActivities(tx, actor, [row], [finding]);
    return created!;
  });
  return getActivity({ db, principal, activityId: id });
}

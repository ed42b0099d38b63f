import type { Provenance } from '../../../shared/activities';
import type { ActivityInput } from '../../../shared/api/activities';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import { validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertLibraryItemsVisible } from './check-library-items';
import { checkTranslations } from './check-translations';
import { loadPrepareContexts } from './load-prepare-context';
import { prepareActivity } from './prepare-activity';
import {
  type DuplicateFinding,
  describeDuplicate,
  findDuplicates,
  recordActivities,
} from './record-activities';
import { visibleUnitIds } from './visible-units';

/**
 * Many records from an API client, all or nothing: every problem of every row is listed as
 * {row (from 1), field, message} and nothing is stored while one remains. A row repeating a stored
 * record or an earlier row is a problem unless that row says confirmDuplicate.
 */
export async function createActivityBatch(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  items: ActivityInput[];
  provenance?: Provenance;
}): Promise<{ ids: string[]; count: number; flagged: number }> {
  const { db, principal, actor, items } = options;
  // A unit outside the caller's scope makes the whole request "not found", whichever row names it.
  for (const unitId of new Set(items.map((item) => item.unitId)))
    await authorizeUnit(db, principal, unitId, 'activity.record');
  await assertLibraryItemsVisible(db, principal, items);

  const contextFor = await loadPrepareContexts(db, items, {
    provenance: options.provenance ?? 'api',
    recordedBy: actor.userId,
  });
  const errors: ErrorDetail[] = [];
  const prepared = items.map((item, index) => {
    const { row, errors: rowErrors } = prepareActivity(item, contextFor(item));
    for (const error of rowErrors)
      errors.push({ row: index + 1, field: error.field, message: error.message });
    return row;
  });
  const translationProblems = await checkTranslations(
    db,
    items.map((item) => ({
      kind: item.kind,
      language: item.language,
      translationOfId: item.translationOfId ?? null,
    })),
    () => visibleUnitIds(db, principal),
  );
  translationProblems.forEach((problems, index) => {
    for (const problem of problems)
      errors.push({ row: index + 1, field: problem.field, message: problem.message });
  });

  return db.transaction(async (tx) => {
    const valid = prepared.flatMap((row, index) => (row ? [{ row, index }] : []));
    const findings = await findDuplicates(
      tx,
      valid.map((entry) => entry.row),
      [],
      { visible: await visibleUnitIds(tx, principal) },
    );
    findings.forEach((finding, position) => {
      const index = valid[position]!.index;
      if (finding && !items[index]!.confirmDuplicate) {
        errors.push({
          row: index + 1,
          field: finding.reason === 'url' ? 'url' : 'title',
          message: describeBatchDuplicate(finding, valid),
        });
      }
    });
    if (errors.length) {
      errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      const rows = new Set(errors.map((error) => error.row)).size;
      throw validationError(
        `${rows} dòng có lỗi; chưa bản ghi nào được lưu. Sửa các dòng này rồi gửi lại cả lô.`,
        errors,
      );
    }
    const rows: NewActivity[] = valid.map((entry) => entry.row);
    const ids = await recordActivities(tx, actor, rows, findings);
    return { ids, count: ids.length, flagged: findings.filter(Boolean).length };
  });
}

/** A repeat of an earlier row names that row by its number in the request. */
function describeBatchDuplicate(finding: DuplicateFinding, valid: Array<{ index: number }>): string {
  if (!finding.duplicateOfId.startsWith('batch:')) return describeDuplicate(finding);
  const earlier = valid[Number(finding.duplicateOfId.slice('batch:'.length))]!.index + 1;
  return `${describeDuplicate(finding)} (dòng ${earlier} của lần gửi này)`;
}

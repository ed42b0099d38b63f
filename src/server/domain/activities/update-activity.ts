import type { ActivityKind, BroadcastSource, Genre, Provenance } from '../../../shared/activities';
import type { ActivityDetailDto, ActivityInput, ActivityPatchBody } from '../../../shared/api/activities';
import type { Db } from '../../db/client';
import {
  type ActivityRow,
  getActivityRow,
  type NewActivity,
  updateActivityRow,
} from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertLibraryItemsVisible } from './check-library-items';
import { checkTranslations } from './check-translations';
import { duplicateConflict } from './create-activity';
import { getActivity } from './get-activity';
import { loadPrepareContexts } from './load-prepare-context';
import { prepareActivity } from './prepare-activity';
import { findDuplicates } from './record-activities';
import { visibleUnitIds } from './visible-units';

/** The fields an edit may change; provenance, recorded_at and recorded_by stay as they were. */
const EDITABLE = [
  'channelId',
  'occurredAt',
  'occurredOn',
  'title',
  'searchText',
  'url',
  'urlKey',
  'genre',
  'topics',
  'language',
  'author',
  'programme',
  'durationSeconds',
  'source',
  'issueNumber',
  'targetUrl',
  'isVerified',
  'translationOfId',
  'libraryItemId',
] as const satisfies ReadonlyArray<keyof NewActivity>;
type Editable = (typeof EDITABLE)[number];

/** A stored record as the input that would create it again. */
export function inputOfRow(row: ActivityRow): ActivityInput {
  const localTime = new Date(row.occurredAt.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
  return {
    kind: row.kind as ActivityKind,
    unitId: row.unitId,
    channelId: row.channelId,
    occurredOn: row.occurredOn,
    occurredTime: localTime,
    title: row.title,
    url: row.url,
    genre: row.genre as Genre | null,
    topics: row.topics,
    language: row.language,
    author: row.author,
    programme: row.programme,
    durationSeconds: row.durationSeconds,
    source: row.source as BroadcastSource | null,
    issueNumber: row.issueNumber,
    targetUrl: row.targetUrl,
    isVerified: row.isVerified,
    translationOfId: row.translationOfId,
    libraryItemId: row.libraryItemId,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Edits a record: the same checks as on entry, audited with the values before and after. When the
 * page, title, day or channel changes, the duplicate check runs again (a confirmed repeat is stored
 * flagged); a record never moves to another unit or kind. A reviewed record goes back to "pending":
 * the review was of the old content.
 */
export async function updateActivity(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  activityId: string;
  patch: ActivityPatchBody;
}): Promise<ActivityDetailDto> {
  const { db, principal, actor, activityId, patch } = options;
  const current = await getActivityRow(db, activityId);
  if (!current) throw notFound();
  await authorizeUnit(db, principal, current.unitId, 'activity.record');
  if (current.deletedAt) throw new AppError('CONFLICT', 'Bản ghi đã bị xoá; cần khôi phục trước khi sửa.');
  if (patch.unitId && patch.unitId !== current.unitId) {
    throw validationError(
      'Không chuyển được bản ghi sang đơn vị khác. Hãy xoá (ghi lý do) và nhập lại ở đơn vị đúng.',
      [{ field: 'unitId', message: 'Không đổi được đơn vị của bản ghi.' }],
    );
  }
  if (patch.kind && patch.kind !== current.kind) {
    throw validationError('Không đổi được loại bản ghi. Hãy xoá (ghi lý do) và nhập lại.', [
      { field: 'kind', message: 'Không đổi được loại bản ghi.' },
    ]);
  }
  const { unitId: _unitId, kind: _kind, confirmDuplicate, ...changes } = patch;
  // Starts from the stored record, so a new day alone keeps the time of day it had.
  const merged: ActivityInput = { ...inputOfRow(current) };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }

  await assertLibraryItemsVisible(db, principal, [merged], current.libraryItemId);
  const contextFor = await loadPrepareContexts(db, [merged], {
    provenance: current.provenance as Provenance,
    recordedBy: current.recordedBy,
    keepTopicCodes: current.topics,
    keepLanguageCodes: [current.language],
  });
  const { row: next, errors } = prepareActivity(merged, contextFor(merged));
  const [translationProblems = []] = await checkTranslations(
    db,
    [
      {
        kind: merged.kind,
        language: merged.language,
        translationOfId: merged.translationOfId ?? null,
        selfId: current.id,
      },
    ],
    () => visibleUnitIds(db, principal),
  );
  const details = [...errors, ...translationProblems.map(({ field, message }) => ({ field, message }))];
  if (!next || translationProblems.some((problem) => !problem.isConflict))
    throw validationError('Bản ghi chưa hợp lệ.', details);
  if (translationProblems.length) throw new AppError('CONFLICT', translationProblems[0]!.message, details);

  const changed = EDITABLE.filter((key) => !same(next[key], current[key]));
  if (changed.length === 0) return getActivity({ db, principal, activityId });
  const identityChanged = (['urlKey', 'channelId', 'occurredOn', 'searchText'] as const).some((key) =>
    changed.includes(key),
  );

  await db.transaction(async (tx) => {
    const values: Partial<NewActivity> = Object.fromEntries(
      changed.map((key) => [key, next[key]]),
    ) as Partial<Pick<NewActivity, Editable>>;
    if (identityChanged) {
      const [finding = null] = await findDuplicates(tx, [next], [current.id], {
        visible: await visibleUnitIds(tx, principal),
      });
      if (finding && !confirmDuplicate) throw duplicateConflict(finding);
      values.duplicateOfId = finding?.duplicateOfId ?? null;
    }
    if (current.reviewStatus !== 'pending')
      Object.assign(values, { reviewStatus: 'pending', reviewedAt: null, reviewedBy: null });
    await updateActivityRow(tx, current.id, values);
    const auditKeys = Object.keys(values) as Array<keyof NewActivity>;
    await insertAuditEntries(tx, actor, [
      {
        action: 'activity.update',
        entityType: 'activity',
        entityId: current.id,
        unitId: current.unitId,
        summary: `Sửa bản ghi: ${next.title}`,
        before: Object.fromEntries(auditKeys.map((key) => [key, current[key as keyof ActivityRow] ?? null])),
        after: Object.fromEntries(auditKeys.map((key) => [key, values[key] ?? null])),
      },
    ]);
  });
  return getActivity({ db, principal, activityId });
}

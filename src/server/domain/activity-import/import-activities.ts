import { createHash, randomUUID } from 'node:crypto';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../shared/activities';
import type { ActivityInput } from '../../../shared/api/activities';
import type { ActivityFileKind, ActivityImportResultDto } from '../../../shared/api/activity-files';
import { todayVn } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import { foldForSearch } from '../../../shared/text';
import type { Db, Queryable, Tx } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import {
  type ChannelRow,
  findChannelsOfUnits,
  insertImportBatch,
} from '../../db/repositories/activity-files';
import { findBatchOfFile, lockImportOfFile } from '../../db/repositories/import-batches';
import { findLanguages, findTopics } from '../../db/repositories/vocabulary';
import { AppError, forbidden, validationError } from '../../errors';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { readTypedTable } from '../../spreadsheets/read-table';
import { prepareActivity } from '../activities/prepare-activity';
import {
  type DuplicateFinding,
  describeDuplicate,
  findDuplicates,
  recordActivities,
} from '../activities/record-activities';
import { visibleUnitIds } from '../activities/visible-units';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { findRollupIds } from '../units/unit-scope';
import { findBatchUnit } from './batch-unit';
import { type ColumnKey, importColumns, mapHeaders } from './columns';
import { describeBatchTime } from './describe-batch';
import { type ParsedRow, parseRows } from './parse-rows';
import { loadUnitResolver } from './resolve-units';
import { skipIdenticalRows } from './skip-identical';
import { CodeList } from './vocabulary';

export interface ImportActivitiesOptions {
  db: Db;
  principal: Principal;
  actor: Actor;
  /** The account the records are "recorded by" (null for the CLI acting on its own). */
  recordedBy: string | null;
  kind: ActivityFileKind;
  fileName: string;
  content: Buffer;
  /** Accept only rows of this unit's subtree (an import started from a unit's page). */
  unitId?: string;
  /** Today in Vietnam; tests pin it. */
  today?: string;
  /** Import even though the same file (by its SHA-256) was imported before; identical rows are still skipped. */
  confirmReimport?: boolean;
  /** The application clock: when the batch is stored (its 30 days of undo count from it). */
  now?: Date;
  /**
   * The import batch's id; a new one by default. The import job passes its own id, so that a run
   * repeated after a crash cannot store a second batch (the primary key refuses it).
   */
  batchId?: string;
  /** Runs in the import's transaction once the rows are stored: the job writes its result there. */
  onStored?: (tx: Tx, result: ActivityImportResultDto) => Promise<void>;
}

/** Which record field prepareActivity names, as a column of the file. */
const FIELD_COLUMNS: Record<string, ColumnKey> = {
  title: 'title',
  occurredOn: 'date',
  occurredTime: 'time',
  channelId: 'channel',
  durationSeconds: 'duration',
  url: 'url',
  language: 'language',
  genre: 'genre',
  source: 'source',
  author: 'author',
};

const POST_CHANNEL_KINDS: ReadonlyArray<ChannelRow['kind']> = ['website_column', 'social_page', 'e_board'];

/**
 * Imports a spreadsheet of posts or broadcasts, all or nothing. Every row is read, mapped from labels
 * to codes, resolved to a unit of the caller's scope and its channel, and checked like a form entry;
 * any error rejects the whole file with every bad row listed and nothing stored. Otherwise the rows
 * are stored in one transaction under a new import batch: a row identical to a live record is skipped
 * and reported as "đã có", suspected duplicates are stored flagged. A file imported before (same
 * SHA-256) is refused with a question unless confirmReimport says to go on.
 */
export async function importActivities(options: ImportActivitiesOptions): Promise<ActivityImportResultDto> {
  const { db, kind } = options;
  const now = options.now ?? new Date();
  const today = options.today ?? todayVn(now);
  const fileSha256 = createHash('sha256').update(options.content).digest('hex');
  const { scope, visible } = await checkImportStart({ ...options, fileSha256 });

  const columns = importColumns(kind);
  // The raw table is not kept: only the parsed rows live on through a 100,000-row import.
  const { file, fileErrors } = parseRows(
    await readTypedTable(options.fileName, options.content, (headers) =>
      mapHeaders(headers, columns).has('title'),
    ),
    kind,
  );
  if (fileErrors.length)
    throw validationError('Tệp không đúng mẫu; không có bản ghi nào được nhập.', fileErrors);

  const resolver = await loadUnitResolver(
    db,
    file.rows.map((row) => row.unitRef),
    scope,
  );
  const resolved = file.rows.map((row) => (row.unitRef ? resolver.resolve(row.unitRef, row.day) : null));
  const unitIds = [...new Set(resolved.flatMap((r) => (r && 'unit' in r ? [r.unit.id] : [])))];
  const channelsByUnit = groupChannels(await findChannelsOfUnits(db, unitIds));
  const vocabulary = await loadVocabulary(db);
  const batchId = options.batchId ?? randomUUID();

  const errors: ErrorDetail[] = [];
  const prepared: Array<{ row: NewActivity; rowNumber: number }> = [];
  for (const [i, parsed] of file.rows.entries()) {
    const rowErrors = [...parsed.errors];
    const fail = (key: ColumnKey, message: string) =>
      rowErrors.push({ row: parsed.rowNumber, column: file.headerOf(key), message });
    const resolution = resolved[i];
    if (resolution && 'error' in resolution) fail('unit', resolution.error);
    const unit = resolution && 'unit' in resolution ? resolution.unit : null;

    let channel: ChannelRow | null = null;
    if (unit && parsed.channelName) {
      channel = findChannel(channelsByUnit.get(unit.id) ?? [], parsed.channelName, kind);
      if (!channel)
        fail(
          'channel',
          `Đơn vị không có ${kind === 'post' ? 'kênh' : 'chương trình'} "${parsed.channelName}".`,
        );
    }

    const lists = unit ? await vocabulary.forUnit(unit.id, parsed) : vocabulary.national;
    const topics = lists.topics.matchMany(parsed.topicsText);
    if (topics.unknown.length)
      fail('topics', `Chủ đề không có trong danh mục: ${topics.unknown.map((t) => `"${t}"`).join(', ')}.`);
    const language = parsed.languageText ? lists.languages.match(parsed.languageText) : 'vi';
    if (!language) fail('language', `Ngôn ngữ "${parsed.languageText}" không có trong danh mục.`);

    if (unit && parsed.day) {
      const input: ActivityInput = {
        kind: kind as ActivityKind,
        unitId: unit.id,
        channelId: channel?.id ?? null,
        occurredOn: parsed.day,
        occurredTime: parsed.time,
        title: parsed.title,
        url: parsed.url,
        genre: parsed.genre,
        topics: topics.codes,
        language: language ?? 'vi',
        author: parsed.author,
        durationSeconds: parsed.durationSeconds,
        source: parsed.source,
      };
      const result = prepareActivity(input, {
        provenance: 'import',
        recordedBy: options.recordedBy,
        channel,
        topicCodes: lists.topics.codes,
        languageCodes: lists.languages.codes,
        today,
        unitValidFrom: unit.validFrom,
        unitValidTo: unit.validTo,
        importBatchId: batchId,
      });
      // A cell already reported (an empty title, say) is not reported twice.
      const reported = new Set(rowErrors.map((e) => e.column));
      for (const error of result.errors) {
        const column = file.headerOf(FIELD_COLUMNS[error.field?.split('.')[0] ?? ''] ?? 'title');
        if (!reported.has(column)) rowErrors.push({ row: parsed.rowNumber, column, message: error.message });
      }
      if (result.row && rowErrors.length === 0)
        prepared.push({ row: result.row, rowNumber: parsed.rowNumber });
    }
    errors.push(...rowErrors);
  }
  if (errors.length) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw validationError(
      `Tệp có ${badRows} dòng lỗi; không có bản ghi nào được nhập. Sửa các dòng dưới đây rồi nhập lại.`,
      errors,
    );
  }

  const batchUnitId = options.unitId ?? (await findBatchUnit(db, [...prepared.map((p) => p.row.unitId)]));

  return db.transaction(async (tx) => {
    // Two identical uploads at once both passed the check above: the second waits here for the
    // first to commit, then finds its batch (409) or, when confirmed, finds its rows ("đã có").
    await lockImportOfFile(tx, batchUnitId ?? 'none', fileSha256);
    if (!options.confirmReimport) await refuseFileImportedBefore(tx, fileSha256, visible);
    const { kept, skipped } = await skipIdenticalRows(tx, prepared, visible);
    const rows = kept.map((p) => p.row);
    const duplicates = await findDuplicates(tx, rows, [], { visible: visible ? new Set(visible) : null });
    const flagged = duplicates.filter(Boolean).length;
    await insertImportBatch(tx, {
      id: batchId,
      kind,
      unitId: batchUnitId,
      fileName: options.fileName,
      fileSha256,
      rowCount: file.rows.length,
      storedCount: rows.length,
      flaggedCount: flagged,
      skippedCount: skipped.length,
      createdBy: options.recordedBy,
      createdAt: now,
    });
    const skippedByUnit = new Map<string, number>();
    for (const entry of skipped) skippedByUnit.set(entry.unitId, (skippedByUnit.get(entry.unitId) ?? 0) + 1);
    const ids = await recordActivities(tx, options.actor, rows, duplicates, {
      auditBatch: {
        id: batchId,
        summary: `Nhập ${ACTIVITY_KIND_LABELS[kind].vi.toLowerCase()} từ tệp ${options.fileName}`,
        skippedByUnit,
      },
    });
    const rowNumbers = kept.map((p) => p.rowNumber);
    const result: ActivityImportResultDto = {
      batchId,
      rows: file.rows.length,
      created: ids.length,
      skipped: skipped.map((entry) => ({ row: entry.rowNumber, message: entry.message })),
      flaggedDuplicates: duplicates.flatMap((finding, i) =>
        finding ? [{ row: rowNumbers[i]!, message: duplicateMessage(finding, rowNumbers) }] : [],
      ),
    };
    await options.onStored?.(tx, result);
    return result;
  });
}

/**
 * What can be told before the file is read: may the caller record (for this unit), and was this file
 * (by its SHA-256) imported before. The import asks first thing; a large file's upload asks before
 * queueing its job, so a refusal comes at once and not after a wait for the job.
 */
export async function checkImportStart(options: {
  db: Db;
  principal: Principal;
  unitId?: string | undefined;
  fileSha256: string;
  confirmReimport?: boolean | undefined;
}): Promise<{ scope: Set<string> | null; visible: string[] | null }> {
  const { db, principal } = options;
  const scope = await recordScope(db, principal, options.unitId);
  // Earlier batches and stored records are looked at only within what the caller sees.
  const visible = await visibleUnitIds(db, principal).then((ids) => (ids ? [...ids] : null));
  // Asked before the file is read (a quick answer), and again under the lock inside the transaction.
  if (!options.confirmReimport) await refuseFileImportedBefore(db, options.fileSha256, visible);
  return { scope, visible };
}

/** The 409 question when a batch of this file is live among the batches the caller sees. */
async function refuseFileImportedBefore(
  q: Queryable,
  fileSha256: string,
  visible: string[] | null,
): Promise<void> {
  const earlier = await findBatchOfFile(q, fileSha256, visible);
  if (!earlier) return;
  const message = `Tệp này đã được nhập lúc ${describeBatchTime(earlier.createdAt)}${earlier.createdByName ? ` bởi ${earlier.createdByName}` : ''} (tệp ${earlier.fileName}, ${earlier.storedCount} bản ghi): nhập lại? Các dòng giống hệt bản ghi đã có sẽ được bỏ qua.`;
  throw new AppError('CONFLICT', message, [{ field: 'confirmReimport', message }]);
}

/** Units the caller may record for: the scope of activity.record, narrowed to a unit's subtree. */
async function recordScope(
  db: Db,
  principal: Principal,
  unitId: string | undefined,
): Promise<Set<string> | null> {
  const scope = await scopeIds(db, principal, 'activity.record');
  if (unitId) {
    await authorizeUnit(db, principal, unitId, 'activity.record');
    const subtree = await findRollupIds(db, [unitId]);
    return new Set(scope === null ? subtree : subtree.filter((id) => scope.includes(id)));
  }
  if (scope !== null && scope.length === 0)
    throw forbidden('Bạn không có quyền ghi nhận hoạt động của đơn vị nào.');
  return scope === null ? null : new Set(scope);
}

function groupChannels(channels: ChannelRow[]): Map<string, ChannelRow[]> {
  const byUnit = new Map<string, ChannelRow[]>();
  for (const channel of channels)
    byUnit.set(channel.unitId, [...(byUnit.get(channel.unitId) ?? []), channel]);
  return byUnit;
}

/** A channel of the unit by name (marks and case ignored), one that can carry the kind first. */
function findChannel(channels: ChannelRow[], name: string, kind: ActivityFileKind): ChannelRow | null {
  const folded = foldForSearch(name);
  const named = channels.filter((channel) => foldForSearch(channel.name) === folded);
  const fits = (channel: ChannelRow) =>
    kind === 'post' ? POST_CHANNEL_KINDS.includes(channel.kind) : channel.kind === 'radio_programme';
  return named.find(fits) ?? named[0] ?? null;
}

function duplicateMessage(finding: DuplicateFinding, rowNumbers: number[]): string {
  if (!finding.duplicateOfId.startsWith('batch:')) return describeDuplicate(finding);
  const why = finding.reason === 'url' ? 'cùng đường dẫn' : 'cùng tiêu đề, cùng ngày, cùng kênh';
  return `Trùng (${why}) với dòng ${rowNumbers[Number(finding.duplicateOfId.slice(6))]} của tệp: "${finding.title}".`;
}

interface Lists {
  topics: CodeList;
  languages: CodeList;
}

/**
 * Topic and language lists: the national ones, and a province's (which extend them) looked up only
 * for units whose rows name something outside the national lists, so a usual file costs two queries.
 */
async function loadVocabulary(db: Db) {
  const toList = (rows: Array<{ code: string; name: string }>, dropPrefix?: string) =>
    new CodeList(
      rows.map((row) => ({ code: row.code, name: row.name })),
      dropPrefix ? { dropPrefix } : {},
    );
  const national: Lists = {
    topics: toList(await findTopics(db, null)),
    languages: toList(await findLanguages(db, null), 'Tiếng'),
  };
  const byProvince = new Map<string, Lists>();
  const provinceOfUnit = new Map<string, string | null>();
  return {
    national,
    async forUnit(unitId: string, row: ParsedRow): Promise<Lists> {
      const isNational =
        national.topics.matchMany(row.topicsText).unknown.length === 0 &&
        (!row.languageText || national.languages.match(row.languageText));
      if (isNational) return national;
      if (!provinceOfUnit.has(unitId)) provinceOfUnit.set(unitId, await findCurrentProvinceId(db, unitId));
      const provinceId = provinceOfUnit.get(unitId);
      if (!provinceId) return national;
      let lists = byProvince.get(provinceId);
      if (!lists) {
        lists = {
          topics: toList(await findTopics(db, provinceId)),
          languages: toList(await findLanguages(db, provinceId), 'Tiếng'),
        };
        byProvince.set(provinceId, lists);
      }
      return lists;
    },
  };
}

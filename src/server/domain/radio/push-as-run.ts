import { AS_RUN_MAX_ITEMS, type AsRunPushResultDto } from '../../../shared/api/radio';
import { dayOf, formatVnDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { type RadioStationRow, touchRadioStationPush } from '../../db/repositories/radio-stations';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import type { AsRunEntry, AsRunProblem } from './as-run-entry';
import { prepareAsRunEntries } from './prepare-as-run';
import { readPushItem } from './read-push-item';
import { sortReceived, storeFresh } from './store-as-run';

/**
 * An as-run log pushed by a station's system. Items are independent: each is checked alone, the good
 * ones are stored as broadcasts of the station's unit and programme (provenance 'api', recorded by no
 * person), the others come back as errors naming their index, id and field. An item whose id the
 * station sent before is a duplicate (same content) or an error (other content); one whose record a
 * person deleted is reported in notRecreated and not stored: a machine does not undo a person's
 * deletion. See sortReceived.
 */
export async function pushAsRun(options: {
  db: Db;
  station: RadioStationRow;
  items: unknown[];
  actor: Actor;
  now?: Date;
}): Promise<AsRunPushResultDto> {
  const { db, station, items } = options;
  const now = options.now ?? new Date();
  if (items.length > AS_RUN_MAX_ITEMS)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Mỗi lần gửi tối đa ${AS_RUN_MAX_ITEMS.toLocaleString('vi-VN')} mục; lần này có ${items.length.toLocaleString('vi-VN')}. Hãy chia thành nhiều lần gửi.`,
      [{ field: 'items', message: `Tối đa ${AS_RUN_MAX_ITEMS} mục.` }],
    );
  const problems: AsRunProblem[] = [];
  const entries: AsRunEntry[] = [];
  items.forEach((raw, index) => {
    const read = readPushItem(raw, index, station);
    problems.push(...read.problems);
    if (read.entry) entries.push(read.entry);
  });
  const { prepared, problems: recordProblems } = await prepareAsRunEntries(db, station, entries, {
    provenance: 'api',
    recordedBy: null,
    now,
  });
  problems.push(...recordProblems);

  const stored = await db.transaction(async (tx) => {
    const sorted = await sortReceived(tx, station, prepared, 'report');
    // Only the unit's own roll-up is looked in for suspected duplicates: the machine sees nothing else.
    const { ids, findings } = await storeFresh(
      tx,
      options.actor,
      sorted.fresh.map((item) => item.row),
      { visible: undefined },
    );
    await touchRadioStationPush(tx, station.id, now);
    return { sorted, created: ids.length, flagged: findings.filter(Boolean).length };
  });
  problems.push(...stored.sorted.conflicts);
  problems.sort((a, b) => a.position - b.position);
  return {
    received: items.length,
    created: stored.created,
    duplicates: stored.sorted.repeats.length,
    flagged: stored.flagged,
    errors: problems.map((problem) => ({
      index: problem.position,
      externalId: problem.externalId,
      field: problem.field,
      message: problem.message,
    })),
    notRecreated: stored.sorted.deleted.map(({ entry, deletedAt }) => ({
      index: entry.position,
      externalId: entry.externalId,
      message: `Mã "${entry.externalId}" đã được nhận trước đó nhưng bản ghi đã bị người dùng xoá trong Loa Số ngày ${formatVnDate(dayOf(deletedAt))}; không tạo lại. Nếu cần ghi lại, đơn vị nhập lại tệp nhật ký trên Loa Số.`,
    })),
  };
}

import type { ScheduleCreateBody } from '../../../shared/api/schedules';
import { addDays, monthBounds } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findEntries,
  findScheduleOfChannelMonth,
  getLiveChannel,
  insertEntries,
  insertSchedule,
  type NewScheduleEntry,
  type ScheduleEntryRow,
} from '../../db/repositories/schedules';
import { getUnitRow } from '../../db/repositories/units';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { headerValues } from './header-values';

function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

function previousMonth(month: string): string {
  const { first } = monthBounds(month);
  return addDays(first, -1).slice(0, 7);
}

/**
 * Moves last month's entries into this month by whole weeks, so that each keeps its weekday and slot
 * (radio programmes air on fixed days of the week): four weeks on, or five when four stay in last month.
 */
export function copyEntriesForward(
  entries: ScheduleEntryRow[],
  month: string,
  scheduleId: string,
): NewScheduleEntry[] {
  const { first, last } = monthBounds(month);
  return entries
    .map((entry) => {
      let airDate = addDays(entry.airDate, 28);
      if (airDate < first) airDate = addDays(entry.airDate, 35);
      return { entry, airDate };
    })
    .filter(({ airDate }) => airDate >= first && airDate <= last)
    .map(({ entry, airDate }) => ({
      scheduleId,
      airDate,
      timeSlot: entry.timeSlot,
      title: entry.title,
      genre: entry.genre,
      topic: entry.topic,
      durationMinutes: entry.durationMinutes,
      language: entry.language,
      source: entry.source,
      libraryItemId: entry.libraryItemId,
    }));
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;
  return code === '23505';
}

/** A draft list for one radio programme and month; one per programme and month. */
export async function createSchedule(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: ScheduleCreateBody;
}): Promise<string> {
  const { db, principal, actor, unitId, input } = options;
  await authorizeUnit(db, principal, unitId, 'activity.record');
  const unit = await getUnitRow(db, unitId);
  if (!unit) throw notFound();
  const channel = await getLiveChannel(db, input.channelId);
  if (!channel || channel.unitId !== unitId) {
    throw validationError('Không tìm thấy chương trình phát thanh của đơn vị.', [
      { field: 'channelId', message: 'Không tìm thấy chương trình phát thanh của đơn vị.' },
    ]);
  }
  if (channel.kind !== 'radio_programme') {
    throw validationError('Danh mục phát sóng chỉ lập cho chương trình phát thanh.', [
      { field: 'channelId', message: 'Kênh này không phải chương trình phát thanh.' },
    ]);
  }
  const { first, last } = monthBounds(input.month);
  if (unit.validFrom > last || (unit.validTo && unit.validTo <= first)) {
    throw validationError('Đơn vị không tồn tại trong tháng này.', [
      { field: 'month', message: 'Đơn vị không tồn tại trong tháng này.' },
    ]);
  }
  if (channel.endedOn && channel.endedOn < first) {
    throw validationError('Chương trình đã kết thúc trước tháng này.', [
      { field: 'month', message: 'Chương trình đã kết thúc trước tháng này.' },
    ]);
  }
  const conflict = () =>
    new AppError(
      'CONFLICT',
      `Chương trình "${channel.name}" đã có danh mục phát sóng tháng ${monthLabel(input.month)}.`,
    );
  if (await findScheduleOfChannelMonth(db, channel.id, first)) throw conflict();
  const previous = input.copyFromPrevious
    ? await findScheduleOfChannelMonth(db, channel.id, `${previousMonth(input.month)}-01`)
    : undefined;
  if (input.copyFromPrevious && !previous) {
    throw validationError(`Chưa có danh mục tháng ${monthLabel(previousMonth(input.month))} để sao chép.`, [
      { field: 'copyFromPrevious', message: 'Chưa có danh mục tháng trước.' },
    ]);
  }

  try {
    return await db.transaction(async (tx) => {
      const header = headerValues(input);
      const scheduleId = await insertSchedule(tx, {
        ...header,
        // A new list starts from the previous month's header: same signer and recipients, new number.
        ...(previous
          ? {
              signerName: header.signerName ?? previous.signerName,
              signerTitle: header.signerTitle ?? previous.signerTitle,
              recipients: header.recipients ?? previous.recipients,
            }
          : {}),
        unitId,
        channelId: channel.id,
        month: first,
        status: 'draft',
        createdBy: actor.userId,
      });
      const copied = previous
        ? copyEntriesForward(await findEntries(tx, [previous.id]), input.month, scheduleId)
        : [];
      await insertEntries(tx, copied);
      await insertAuditEntries(tx, actor, [
        {
          action: 'schedule.create',
          entityType: 'broadcast_schedule',
          entityId: scheduleId,
          unitId,
          summary: `Lập danh mục phát sóng tháng ${monthLabel(input.month)} (${channel.name})${previous ? `, sao chép ${copied.length} mục từ tháng trước` : ''}`,
          after: { channelId: channel.id, month: first, ...header, copiedEntries: copied.length },
        },
      ]);
      return scheduleId;
    });
  } catch (error) {
    // Two officers creating the same month at once: the unique index decides, the loser is told why.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

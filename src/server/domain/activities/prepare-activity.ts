import { CHANNEL_KINDS_FOR_ACTIVITY, type Provenance } from '../../../shared/activities';
import type { ActivityInput } from '../../../shared/api/activities';
import { formatVnDate, vnInstant } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import { foldForSearch, normalizeText } from '../../../shared/text';
import { urlKey } from '../../../shared/url-key';
import type { NewActivity } from '../../db/repositories/activities';
import type { channels } from '../../db/schema-activities';

type ChannelRow = typeof channels.$inferSelect;

export interface PrepareContext {
  provenance: Provenance;
  recordedBy: string | null;
  /** The channel named by the input, already loaded (null when none was given). */
  channel: ChannelRow | null;
  topicCodes: ReadonlySet<string>;
  languageCodes: ReadonlySet<string>;
  /** Today in Vietnam: records cannot happen in the future. */
  today: string;
  /** The days the unit existed, [validFrom, validTo). */
  unitValidFrom: string;
  unitValidTo: string | null;
  importBatchId?: string | null;
}

/**
 * Checks one record against the rules that do not need other records, and builds its row. Every
 * problem is reported with the field it concerns, so a spreadsheet import can list them all.
 */
export function prepareActivity(
  input: ActivityInput,
  ctx: PrepareContext,
): { row: NewActivity | null; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const title = normalizeText(input.title);
  if (!title) fail('title', 'Thiếu tiêu đề.');
  if (input.occurredOn > ctx.today) fail('occurredOn', 'Ngày diễn ra không được sau hôm nay.');
  if (input.occurredOn < ctx.unitValidFrom || (ctx.unitValidTo && input.occurredOn >= ctx.unitValidTo)) {
    const until = ctx.unitValidTo ? ` đến trước ${formatVnDate(ctx.unitValidTo)}` : '';
    fail('occurredOn', `Đơn vị không tồn tại vào ngày này (từ ${formatVnDate(ctx.unitValidFrom)}${until}).`);
  }
  const channel = ctx.channel;
  if (input.channelId && !channel) fail('channelId', 'Không tìm thấy kênh của đơn vị.');
  if (channel) {
    if (channel.unitId !== input.unitId) fail('channelId', 'Kênh không thuộc đơn vị này.');
    else if (!(CHANNEL_KINDS_FOR_ACTIVITY[input.kind] as readonly string[]).includes(channel.kind))
      fail('channelId', 'Kênh không phù hợp với loại bản ghi.');
    // A programme's weeks are counted from its start to its end: a record outside them contradicts the channel.
    if (channel.startedOn && input.occurredOn < channel.startedOn) {
      fail('occurredOn', `Kênh "${channel.name}" bắt đầu từ ngày ${formatVnDate(channel.startedOn)}.`);
    }
    if (channel.endedOn && input.occurredOn > channel.endedOn) {
      fail('occurredOn', `Kênh "${channel.name}" đã kết thúc ngày ${formatVnDate(channel.endedOn)}.`);
    }
  }
  if ((input.kind === 'broadcast' || input.kind === 'press_issue') && !input.channelId) {
    fail(
      'channelId',
      input.kind === 'broadcast' ? 'Chọn chương trình phát thanh.' : 'Chọn chuyên mục báo chí.',
    );
  }
  if (input.kind === 'broadcast' && !input.durationSeconds)
    fail('durationSeconds', 'Nhập thời lượng phát sóng.');
  if (input.kind === 'post' && !input.url && input.channelId && channel?.kind === 'website_column') {
    fail('url', 'Nhập đường dẫn tin bài trên trang web.');
  }
  if (input.kind === 'banner' && !input.url) fail('url', 'Nhập địa chỉ trang đặt banner.');
  for (const [i, topic] of input.topics.entries()) {
    if (!ctx.topicCodes.has(topic)) fail(`topics.${i}`, `Chủ đề "${topic}" không có trong danh mục.`);
  }
  if (!ctx.languageCodes.has(input.language))
    fail('language', `Ngôn ngữ "${input.language}" không có trong danh mục.`);
  if (errors.length) return { row: null, errors };

  const time = input.occurredTime ?? '00:00';
  return {
    errors,
    row: {
      kind: input.kind,
      unitId: input.unitId,
      channelId: input.channelId ?? null,
      occurredAt: vnInstant(input.occurredOn, time),
      occurredOn: input.occurredOn,
      title,
      searchText: foldForSearch(title),
      url: input.url ?? null,
      urlKey: input.url ? urlKey(input.url) : null,
      genre: input.genre ?? null,
      topics: [...new Set(input.topics)],
      language: input.language,
      author: input.author ? normalizeText(input.author) : null,
      programme: input.programme
        ? normalizeText(input.programme)
        : channel?.kind === 'radio_programme'
          ? channel.name
          : null,
      durationSeconds: input.durationSeconds ?? null,
      source: input.source ?? (input.kind === 'broadcast' ? 'own' : null),
      issueNumber: input.issueNumber ? normalizeText(input.issueNumber) : null,
      targetUrl: input.targetUrl ?? null,
      isVerified: input.isVerified ?? null,
      translationOfId: input.translationOfId ?? null,
      libraryItemId: input.libraryItemId ?? null,
      provenance: ctx.provenance,
      recordedBy: ctx.recordedBy,
      importBatchId: ctx.importBatchId ?? null,
    },
  };
}

import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind } from '../../../shared/activities';
import { channelInput } from '../../../shared/api/activities';
import { PLATFORMS_BY_CHANNEL_KIND } from '../../../shared/api/channels';
import { formatVnDate } from '../../../shared/dates';
import { createChannel } from '../../domain/channels/create-channel';
import { findChannels } from '../../domain/channels/find-channels';
import { AppError, validationError } from '../../errors';
import { type Command, requiredOption, stringOption } from '../command';
import { type Output, UsageError, writeLine } from '../io';
import { resolveUnit } from '../resolve-unit';
import { cliIdentity } from './import-records';

const NAME = 'channel';
const ACTIONS = ['create', 'list'] as const;

/** The command-line option each field of a channel comes from, to name it in error messages. */
const OPTION_OF_FIELD: Record<string, string> = {
  kind: '--kind',
  platform: '--platform',
  name: '--name',
  stationName: '--station',
  url: '--url',
  feedUrl: '--feed-url',
  startedOn: '--started-on',
  endedOn: '--ended-on',
};

function describeChannel(output: Output, channel: Awaited<ReturnType<typeof createChannel>>) {
  const since = channel.startedOn ? `từ ${formatVnDate(channel.startedOn)}` : 'chưa khai báo ngày bắt đầu';
  const until = channel.endedOn ? ` đến ${formatVnDate(channel.endedOn)}` : '';
  writeLine(
    output,
    `${channel.id}  ${CHANNEL_KIND_LABELS[channel.kind].vi} (${channel.kind}, ${channel.platform}): ${channel.name}, ${since}${until}${channel.url ? `, ${channel.url}` : ''}`,
  );
}

/**
 * A unit's channels from the command line: the DX column, radio programme, press column… that
 * records are counted on and that `boolean` rules with `channel` look for. The UI and the API
 * (POST /api/units/{unitId}/channels) create them too; all three go through createChannel.
 */
export const channelCommand: Command = {
  name: NAME,
  summary: 'Thêm (create) hoặc liệt kê (list) kênh của một đơn vị: chuyên mục, chương trình phát thanh…',
  positionals: [{ name: 'create|list', description: 'create: thêm một kênh; list: liệt kê các kênh' }],
  options: {
    unit: { type: 'string', value: 'mã|id', description: 'Đơn vị (mã đơn vị hành chính hoặc id)' },
    kind: { type: 'string', value: 'loại', description: `Loại kênh: ${CHANNEL_KINDS.join(', ')}` },
    name: { type: 'string', value: 'tên', description: 'Tên kênh, ví dụ "Chuyên mục Chuyển đổi số"' },
    platform: {
      type: 'string',
      value: 'nền tảng',
      description: 'Nền tảng; mặc định theo loại (website_column: website, radio_programme: radio…)',
    },
    url: { type: 'string', value: 'địa chỉ', description: 'Địa chỉ http(s) (bắt buộc với website_column)' },
    station: { type: 'string', value: 'tên', description: 'Tên đài (chương trình phát thanh)' },
    'feed-url': { type: 'string', value: 'địa chỉ', description: 'Địa chỉ RSS/Atom để thu thập tự động' },
    'started-on': { type: 'string', value: 'yyyy-MM-dd', description: 'Ngày bắt đầu của kênh' },
    'ended-on': { type: 'string', value: 'yyyy-MM-dd', description: 'Ngày kết thúc (kênh đã ngừng)' },
    username: {
      type: 'string',
      value: 'tên',
      description: 'Thay mặt tài khoản này (theo phạm vi của tài khoản); bỏ trống: quyền quản trị hệ thống',
    },
  },
  notes: [
    'Ngày bắt đầu quyết định kênh có được tính trong kỳ không (docs/frameworks.md, mục 5.2).',
    'Ví dụ: npm run cli -- channel create --unit 23479 --kind website_column --name "Chuyên mục Chuyển đổi số" \\',
    '         --url https://dakrve.kontum.gov.vn/chuyen-doi-so --started-on 2025-07-01',
    '       npm run cli -- channel list --unit 23479',
  ],
  async prepare({ args, options }) {
    const action = args[0]!;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`Việc "${action}" không hợp lệ; dùng create hoặc list.`, NAME);
    requiredOption(options, 'unit', NAME);
    if (action === 'create') {
      const kind = requiredOption(options, 'kind', NAME);
      if (!(CHANNEL_KINDS as readonly string[]).includes(kind))
        throw new UsageError(`--kind "${kind}" không hợp lệ; dùng ${CHANNEL_KINDS.join(', ')}.`, NAME);
      requiredOption(options, 'name', NAME);
    }
    return {};
  },
  async run({ args, options, io, database }) {
    const db = database.db;
    const unit = await resolveUnit(db, requiredOption(options, 'unit', NAME));
    const { principal, actor } = await cliIdentity(db, stringOption(options, 'username'));
    if (args[0] === 'list') {
      const { items } = await findChannels({ db, principal, unitId: unit.id });
      writeLine(io.stdout, `${unit.name}: ${items.length} kênh`);
      for (const channel of items) describeChannel(io.stdout, channel);
      return;
    }
    const kind = requiredOption(options, 'kind', NAME) as ChannelKind;
    const parsed = channelInput.safeParse({
      kind,
      platform: stringOption(options, 'platform') ?? PLATFORMS_BY_CHANNEL_KIND[kind][0],
      name: requiredOption(options, 'name', NAME).normalize('NFC'),
      stationName: stringOption(options, 'station')?.normalize('NFC') ?? null,
      url: stringOption(options, 'url') ?? null,
      feedUrl: stringOption(options, 'feed-url') ?? null,
      startedOn: stringOption(options, 'started-on') ?? null,
      endedOn: stringOption(options, 'ended-on') ?? null,
    });
    if (!parsed.success)
      throw validationError(
        'Thông tin kênh chưa hợp lệ.',
        parsed.error.issues.map((issue) => {
          const field = String(issue.path[0] ?? '');
          return { field: OPTION_OF_FIELD[field] ?? field, message: issue.message };
        }),
      );
    const created = await createChannel({ db, principal, actor, unitId: unit.id, input: parsed.data }).catch(
      (error: unknown) => {
        // The domain names fields as the API does ("url"); here they are options ("--url").
        if (!(error instanceof AppError)) throw error;
        throw new AppError(
          error.code,
          error.message,
          error.details.map((detail) => ({
            ...detail,
            ...(detail.field ? { field: OPTION_OF_FIELD[detail.field] ?? detail.field } : {}),
          })),
        );
      },
    );
    writeLine(io.stdout, `Đã thêm kênh cho ${unit.name}:`);
    describeChannel(io.stdout, created);
  },
};

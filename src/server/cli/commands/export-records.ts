import { once } from 'node:events';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/activities';
import { isRealDay, parseVnDate } from '../../../shared/dates';
import { type ExportFormat, exportActivities } from '../../domain/activity-export/export-activities';
import { booleanOption, type Command, stringOption } from '../command';
import { formatCount, UsageError, writeLine } from '../io';
import { resolveUnit } from '../resolve-unit';
import { CLI_PRINCIPAL } from './import-records';

const NAME = 'export-records';

function dayOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const day = isRealDay(value) ? value : parseVnDate(value);
  if (!day) throw new UsageError(`--${name} "${value}" không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy).`, NAME);
  return day;
}

function formatOption(value: string | undefined, out: string | undefined): ExportFormat {
  const format = value ?? (out && /\.xlsx$/i.test(out) ? 'xlsx' : 'csv');
  if (format !== 'xlsx' && format !== 'csv')
    throw new UsageError(`--format "${format}" không hợp lệ; dùng xlsx hoặc csv.`, NAME);
  return format;
}

export const exportRecordsCommand: Command = {
  name: NAME,
  summary: 'Xuất bản ghi hoạt động (tin bài, phát sóng, …) ra XLSX hoặc CSV',
  positionals: [],
  options: {
    format: {
      type: 'string',
      value: 'xlsx|csv',
      description: 'Định dạng (mặc định: theo đuôi của --out, không có thì csv)',
    },
    out: {
      type: 'string',
      value: 'tệp',
      description: 'Ghi vào tệp này; bỏ trống: ghi ra đầu ra chuẩn (> tệp)',
    },
    unit: {
      type: 'string',
      value: 'mã|id',
      description: 'Chỉ bản ghi của đơn vị này và các đơn vị được cộng dồn vào nó',
    },
    from: { type: 'string', value: 'ngày', description: 'Từ ngày (yyyy-MM-dd hoặc dd/MM/yyyy)' },
    to: { type: 'string', value: 'ngày', description: 'Đến ngày (tính cả ngày này)' },
    kind: { type: 'string', value: 'loại', description: `Loại bản ghi: ${ACTIVITY_KINDS.join(', ')}` },
    'include-deleted': { type: 'boolean', description: 'Gồm cả bản ghi đã xóa' },
    force: { type: 'boolean', description: 'Ghi đè nếu tệp --out đã có' },
  },
  notes: [
    'Tệp xuất theo một loại (--kind post hoặc broadcast) có đúng các cột của mẫu nhập, nên nhập lại được bằng import-records.',
    'CSV là UTF-8 có BOM để Excel hiển thị đúng tiếng Việt.',
    'Ví dụ: npm run cli -- export-records --format xlsx --unit 23479 --from 2025-01-01 --kind broadcast > phat-song.xlsx',
  ],
  async prepare({ options, io }) {
    const out = stringOption(options, 'out');
    const format = formatOption(stringOption(options, 'format'), out);
    dayOption(stringOption(options, 'from'), 'from');
    dayOption(stringOption(options, 'to'), 'to');
    const kind = stringOption(options, 'kind');
    if (kind && !(ACTIVITY_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `--kind "${kind}" không hợp lệ; dùng một trong: ${ACTIVITY_KINDS.join(', ')}.`,
        NAME,
      );
    }
    if (out && fs.existsSync(out) && !booleanOption(options, 'force'))
      throw new UsageError(`Tệp ${out} đã có; thêm --force để ghi đè.`, NAME);
    const stdout = io.stdout as { isTTY?: boolean };
    if (!out && format === 'xlsx' && (stdout.isTTY || !(io.stdout instanceof Writable))) {
      throw new UsageError(
        'XLSX là tệp nhị phân: dùng --out <tệp> hoặc chuyển hướng đầu ra (> tệp.xlsx).',
        NAME,
      );
    }
    return {};
  },
  async run({ options, io, database }) {
    const out = stringOption(options, 'out');
    const reference = stringOption(options, 'unit');
    const unit = reference ? await resolveUnit(database.db, reference) : null;
    const file = await exportActivities({
      db: database.db,
      principal: CLI_PRINCIPAL,
      format: formatOption(stringOption(options, 'format'), out),
      query: {
        unitId: unit?.id,
        kind: stringOption(options, 'kind') as ActivityKind | undefined,
        from: dayOption(stringOption(options, 'from'), 'from'),
        to: dayOption(stringOption(options, 'to'), 'to'),
        includeDeleted: booleanOption(options, 'include-deleted'),
      },
    });
    if (out) {
      await pipeline(file.stream, fs.createWriteStream(out));
      const { rows } = await file.done;
      writeLine(io.stdout, `Đã xuất ${formatCount(rows)} bản ghi vào ${out}.`);
      return;
    }
    const stdout = io.stdout;
    for await (const chunk of file.stream) {
      if (stdout instanceof Writable) {
        if (!stdout.write(chunk)) await once(stdout, 'drain');
      } else stdout.write((chunk as Buffer).toString('utf8'));
    }
    const { rows } = await file.done;
    // The data went to standard output: the summary goes to the error stream.
    writeLine(io.stderr, `Đã xuất ${formatCount(rows)} bản ghi.`);
  },
};

import fs from 'node:fs';
import path from 'node:path';
import { formatVnDate } from '../../../shared/dates';
import { today } from '../../db/repositories/units';
import { CLI_ACTOR } from '../../domain/actor';
import { importUnits } from '../../domain/units/import-units';
import { type Command, stringOption } from '../command';
import { formatCount, UsageError, writeLine } from '../io';

/** A real calendar day written yyyy-MM-dd. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const importUnitsCommand: Command = {
  name: 'import-units',
  summary: 'Nhập danh mục đơn vị hành chính từ tệp JSON, CSV hoặc XLSX',
  positionals: [{ name: 'file', description: 'Tệp danh mục (.json, .csv, .xlsx)' }],
  options: {
    date: {
      type: 'string',
      value: 'yyyy-MM-dd',
      description: 'Ngày hiệu lực của các thay đổi, cũng là ngày bắt đầu của đơn vị mới (mặc định: hôm nay)',
    },
  },
  notes: [
    'JSON: cấu trúc của danh mục quốc gia (mảng tỉnh {Code, FullName, Wards: [...]}).',
    'CSV/XLSX: các cột code, name, type, parent_code (tên cột tiếng Việt cũng được: mã, tên, loại, mã cấp trên).',
    'Đơn vị được so khớp theo mã với các đơn vị hiện hành: mã mới thì tạo, đổi tên hoặc đổi cấp trên thì ghi',
    'thành sự kiện tại ngày hiệu lực; nhập lại cùng một tệp không thay đổi gì.',
    'Tệp có lỗi thì không ghi gì: mọi lỗi được liệt kê theo dòng và cột.',
    'Đơn vị mới bắt đầu từ --date và chỉ được chấm từ ngày đó: nhập --date 2025-07-01 thì năm 2025 chỉ tính',
    'từ tháng 7. Muốn chấm cả các kỳ trước cho đơn vị chưa có đơn vị cũ trong Loa Số, dùng ngày đầu kỳ sớm nhất',
    '(ví dụ --date 2024-01-01); nếu ghi các đơn vị cũ và sự kiện sáp nhập, bản ghi của chúng được cộng dồn.',
    'Ví dụ: npm run cli -- import-units ../shared/data/vn-admin-units-2026-07.json --date 2025-07-01',
  ],
  async run({ args, options, io, database }) {
    const file = args[0]!;
    const effectiveDate = stringOption(options, 'date');
    if (effectiveDate !== undefined && !isIsoDate(effectiveDate)) {
      throw new UsageError(`--date "${effectiveDate}" không phải ngày dạng yyyy-MM-dd.`, 'import-units');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`Không có tệp ${file}.`);
    const result = await importUnits({
      db: database.db,
      actor: CLI_ACTOR,
      fileName: path.basename(file),
      content: fs.readFileSync(file),
      ...(effectiveDate ? { effectiveDate } : {}),
    });
    writeLine(io.stdout, `Đã nhập danh mục ${path.basename(file)}: ${formatCount(result.total)} đơn vị.`);
    const lines: Array<[string, number]> = [
      ['Tạo mới', result.created],
      ['Đổi tên', result.renamed],
      ['Đổi cấp trên', result.reparented],
      ['Đổi loại', result.kindChanged],
      ['Không đổi', result.unchanged],
    ];
    for (const [label, count] of lines)
      writeLine(io.stdout, `  ${`${label}:`.padEnd(14)}${formatCount(count).padStart(8)}`);
    // A unit starts on the day it is created: scores of the periods before leave it out, and the
    // period holding that day judges it from there. Say so unless the day opens a year.
    const startDay = effectiveDate ?? today();
    if (result.created > 0 && !startDay.endsWith('-01-01'))
      writeLine(
        io.stderr,
        `Lưu ý: ${formatCount(result.created)} đơn vị mới bắt đầu từ ${formatVnDate(startDay)}; điểm năm ${startDay.slice(0, 4)} của chúng chỉ tính từ ngày đó, các kỳ trước không chấm. Muốn chấm cả các kỳ trước, nhập với --date là ngày đầu kỳ sớm nhất (ví dụ --date ${startDay.slice(0, 4)}-01-01), hoặc ghi các đơn vị cũ và sự kiện sáp nhập.`,
      );
  },
};

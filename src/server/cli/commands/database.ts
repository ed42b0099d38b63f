import path from 'node:path';
import { analyzeDatabase } from '../../db/maintenance';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../../demo/seed-demo';
import { CLI_ACTOR } from '../../domain/actor';
import { AppError } from '../../errors';
import { restoreBackup } from '../backup/restore-backup';
import { countNonEmptyTables, SKIPPED_TABLES, tablesInDependencyOrder } from '../backup/tables';
import { writeBackup } from '../backup/write-backup';
import { booleanOption, type Command } from '../command';
import { formatCount, writeLine } from '../io';

function describeCounts(rowCounts: Record<string, number>): string[] {
  const width = Math.max(...Object.keys(rowCounts).map((name) => name.length));
  return Object.entries(rowCounts).map(
    ([name, count]) => `  ${name.padEnd(width)}  ${formatCount(count).padStart(10)}`,
  );
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Sao lưu toàn bộ dữ liệu ra một tệp (JSON Lines nén gzip), dùng được cho cả PGlite và PostgreSQL',
  positionals: [{ name: 'file', description: 'Tệp sao lưu sẽ tạo, ví dụ loaso-2026-07-01.jsonl.gz' }],
  options: { force: { type: 'boolean', description: 'Ghi đè nếu tệp đã có' } },
  notes: [
    'Dữ liệu được đọc trong một giao dịch nên nhất quán kể cả khi máy chủ đang chạy (với PostgreSQL).',
    `Không sao lưu: ${[...SKIPPED_TABLES].join(', ')} (phiên đăng nhập; sau khi khôi phục mọi người đăng nhập lại).`,
    'Với PGlite hãy dừng máy chủ trước: thư mục dữ liệu chỉ mở được bởi một tiến trình.',
  ],
  async run({ args, options, io, database }) {
    const file = args[0]!;
    const { rowCounts } = await writeBackup({ database, file, overwrite: booleanOption(options, 'force') });
    const total = Object.values(rowCounts).reduce((sum, count) => sum + count, 0);
    writeLine(io.stdout, `Đã sao lưu ${formatCount(total)} dòng vào ${file}:`);
    for (const line of describeCounts(rowCounts)) writeLine(io.stdout, line);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục dữ liệu từ tệp sao lưu (tất cả hoặc không gì cả)',
  positionals: [{ name: 'file', description: 'Tệp do lệnh backup tạo' }],
  options: { force: { type: 'boolean', description: 'Xóa toàn bộ dữ liệu hiện có rồi khôi phục' } },
  notes: [
    'Cơ sở dữ liệu phải trống, trừ khi dùng --force. Bản sao lưu từ PGlite khôi phục được vào PostgreSQL và ngược lại.',
    'Sau khi nạp, mọi bảng được đọc lại và so với mã kiểm tra ghi trong bản sao lưu; sai khác thì không khôi phục gì.',
    'Với PGlite hãy dừng máy chủ trước: thư mục dữ liệu chỉ mở được bởi một tiến trình.',
  ],
  async run({ args, options, io, database }) {
    const file = args[0]!;
    const result = await restoreBackup({
      database,
      file,
      force: booleanOption(options, 'force'),
      actor: CLI_ACTOR,
    });
    await analyzeDatabase(database.db);
    if (Object.keys(result.truncated).length) writeLine(io.stdout, 'Đã xóa dữ liệu cũ (--force).');
    const total = Object.values(result.rowCounts).reduce((sum, count) => sum + count, 0);
    writeLine(
      io.stdout,
      `Đã khôi phục ${formatCount(total)} dòng từ ${path.basename(file)} (sao lưu lúc ${result.header.createdAt} từ ${result.header.database}):`,
    );
    for (const line of describeCounts(result.rowCounts)) writeLine(io.stdout, line);
    writeLine(
      io.stdout,
      result.verifiedTables > 0
        ? `Đã đọc lại ${formatCount(result.verifiedTables)} bảng sau khi nạp: nội dung khớp mã kiểm tra (SHA-256) của bản sao lưu.`
        : 'Bản sao lưu này (phiên bản cũ) không có mã kiểm tra nội dung: chỉ số dòng được đối chiếu.',
    );
  },
};

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'Nạp dữ liệu mẫu (Quảng Ngãi, Lâm Đồng, tài khoản mẫu) vào cơ sở dữ liệu trống',
  positionals: [],
  options: {},
  async run({ io, database }) {
    const existing = await countNonEmptyTables(database.db, tablesInDependencyOrder());
    if (existing.size > 0)
      throw new AppError(
        'CONFLICT',
        'Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.',
      );
    await seedDemo(database.db);
    await analyzeDatabase(database.db);
    writeLine(io.stdout, `Đã nạp dữ liệu mẫu. Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) writeLine(io.stdout, `  ${login.username.padEnd(20)} ${login.role}`);
  },
};

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Cập nhật cấu trúc cơ sở dữ liệu (máy chủ cũng tự làm khi khởi động)',
  positionals: [],
  options: {},
  async run({ io, database }) {
    // runCli has already migrated every database it hands to a command.
    writeLine(io.stdout, `Cơ sở dữ liệu (${database.kind}) đã ở phiên bản mới nhất.`);
  },
};

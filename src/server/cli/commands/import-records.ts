import fs from 'node:fs';
import path from 'node:path';
import { ACTIVITY_FILE_KINDS, type ActivityFileKind } from '../../../shared/api/activity-files';
import type { Queryable } from '../../db/client';
import { findGrantsOfUsers, getUserByUsername } from '../../db/repositories/users';
import { importActivities } from '../../domain/activity-import/import-activities';
import { type Actor, CLI_ACTOR } from '../../domain/actor';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { booleanOption, type Command, requiredOption, stringOption } from '../command';
import { formatCount, UsageError, writeLine } from '../io';

/**
 * Whoever runs the CLI on the server can reach the database anyway: by default it acts as a system
 * administrator over everything (audit entries name "cli"). The id matches no account.
 */
export const CLI_PRINCIPAL: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cli',
  grants: [{ id: 'cli', role: 'system_admin', unitId: null }],
};

/** --username: act with that account's grants, and record the rows as entered by it. */
export async function cliIdentity(
  q: Queryable,
  username: string | undefined,
): Promise<{ principal: Principal; actor: Actor; recordedBy: string | null }> {
  if (!username) return { principal: CLI_PRINCIPAL, actor: CLI_ACTOR, recordedBy: null };
  const user = await getUserByUsername(q, username.normalize('NFC').trim().toLowerCase());
  if (!user?.isActive) throw new AppError('NOT_FOUND', `Không có tài khoản đang hoạt động "${username}".`);
  const grants = (await findGrantsOfUsers(q, [user.id])).get(user.id) ?? [];
  return {
    principal: {
      userId: user.id,
      username: user.username,
      grants: grants.map((grant) => ({ id: grant.id, role: grant.role, unitId: grant.unitId })),
    },
    actor: { userId: user.id, label: `${user.username} (cli)` },
    recordedBy: user.id,
  };
}

export const importRecordsCommand: Command = {
  name: 'import-records',
  summary: 'Nhập tin bài hoặc lượt phát sóng từ tệp XLSX/CSV (tất cả hoặc không)',
  positionals: [{ name: 'file', description: 'Tệp theo mẫu (.xlsx, .csv)' }],
  options: {
    kind: {
      type: 'string',
      value: 'post|broadcast',
      description: 'Loại bản ghi trong tệp: post (tin bài) hoặc broadcast (phát sóng)',
    },
    username: {
      type: 'string',
      value: 'tên',
      description:
        'Nhập thay mặt tài khoản này (theo phạm vi của tài khoản); bỏ trống: quyền quản trị hệ thống',
    },
    reimport: {
      type: 'boolean',
      description:
        'Vẫn nhập một tệp đã nhập trước đó (cùng nội dung); dòng giống hệt bản ghi đã có vẫn bị bỏ qua',
    },
  },
  notes: [
    'Mẫu tệp: tải từ trang Nhập từ tệp, hoặc GET /api/activity-files/template.xlsx?kind=post|broadcast.',
    'Tệp có lỗi thì không ghi gì: mọi dòng lỗi được liệt kê theo dòng và cột. Dòng giống hệt bản ghi đã có',
    '(cùng đơn vị, kênh, loại, ngày và tiêu đề hoặc đường dẫn) được bỏ qua và liệt kê là "đã có". Bản ghi',
    'nghi trùng vẫn được lưu, có đánh dấu, và được liệt kê để kiểm tra. Tệp đã nhập rồi: cần --reimport.',
    'Ví dụ: npm run cli -- import-records phat-song-2025.xlsx --kind broadcast --username canbo.dakrve',
  ],
  async prepare({ args, options }) {
    const kind = requiredOption(options, 'kind', 'import-records');
    if (!(ACTIVITY_FILE_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind "${kind}" không hợp lệ; dùng post hoặc broadcast.`, 'import-records');
    }
    const file = args[0]!;
    if (!fs.existsSync(file) || !fs.statSync(file).isFile())
      throw new UsageError(`Không có tệp ${file}.`, 'import-records');
    return {};
  },
  async run({ args, options, io, database }) {
    const file = args[0]!;
    const identity = await cliIdentity(database.db, stringOption(options, 'username'));
    const result = await importActivities({
      db: database.db,
      ...identity,
      kind: requiredOption(options, 'kind', 'import-records') as ActivityFileKind,
      fileName: path.basename(file),
      content: fs.readFileSync(file),
      confirmReimport: booleanOption(options, 'reimport'),
    }).catch((error: unknown) => {
      // The web UI asks the question; here the answer is an option.
      if (error instanceof AppError && error.details.some((detail) => detail.field === 'confirmReimport'))
        throw new AppError('CONFLICT', `${error.message} Thêm --reimport để vẫn nhập.`);
      throw error;
    });
    writeLine(
      io.stdout,
      `Đã nhập ${formatCount(result.created)} bản ghi từ ${path.basename(file)} (${formatCount(result.rows)} dòng), lô ${result.batchId}.`,
    );
    if (result.skipped.length) {
      writeLine(io.stdout, `${formatCount(result.skipped.length)} dòng đã có (bỏ qua, không lưu lại):`);
      for (const skipped of result.skipped) writeLine(io.stdout, `  dòng ${skipped.row}: ${skipped.message}`);
    }
    if (result.flaggedDuplicates.length) {
      writeLine(
        io.stdout,
        `${formatCount(result.flaggedDuplicates.length)} bản ghi nghi trùng (đã lưu, có đánh dấu):`,
      );
      for (const duplicate of result.flaggedDuplicates)
        writeLine(io.stdout, `  dòng ${duplicate.row}: ${duplicate.message}`);
    }
  },
};

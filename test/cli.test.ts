import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import { type Database, openDatabase } from '../src/server/db/client';
import { auditLog, roleGrants, units, users } from '../src/server/db/schema';
import { verifyPassword } from '../src/server/domain/accounts/passwords';
import { createTestDatabase } from './support/database';
import { createUnit, createUser } from './support/factories';
import { TEST_DB } from './support/test-env';

const execFileAsync = promisify(execFile);
const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number;
  out: string;
  err: string;
}

function collector() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

async function cli(database: Database, argv: string[], stdinText?: string): Promise<Run> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(argv, {
    database,
    stdout,
    stderr,
    ...(stdinText !== undefined ? { stdin: Readable.from([stdinText]) } : {}),
  });
  return { code, out: stdout.text(), err: stderr.text() };
}

async function count(database: Database, table: typeof units | typeof auditLog | typeof users) {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-cli-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('CLI in-process', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  describe('help and usage errors', () => {
    it('lists every command with --help, and a command its options', async () => {
      const global = await cli(database, ['--help']);
      expect(global.code).toBe(0);
      for (const name of [
        'import-units',
        'create-user',
        'grant',
        'revoke',
        'backup',
        'restore',
        'seed-demo',
        'migrate',
        'channel <create|list>',
        'input <set>',
      ]) {
        expect(global.out).toContain(name);
      }
      expect(global.out).toContain('Các lệnh');

      const grant = await cli(database, ['grant', '--help']);
      expect(grant.code).toBe(0);
      expect(grant.out).toMatch(/--username <tên>/);
      expect(grant.out).toMatch(/--unit <mã\|id>/);
      expect(grant.out).toMatch(/unit_officer\s+Cán bộ đơn vị/);
      expect((await cli(database, ['help', 'backup'])).out).toContain('<file>');
    });

    it('exits 2 with a Vietnamese message on a bad command line', async () => {
      const none = await cli(database, []);
      expect(none.code).toBe(2);
      const unknown = await cli(database, ['explode']);
      expect(unknown).toMatchObject({ code: 2 });
      expect(unknown.err).toContain('Không có lệnh "explode"');
      const badOption = await cli(database, ['import-units', 'x.json', '--colour']);
      expect(badOption.code).toBe(2);
      expect(badOption.err).toContain('Tùy chọn không hợp lệ: --colour');
      expect(badOption.err).toContain('import-units --help');
      const missingFile = await cli(database, ['import-units']);
      expect(missingFile.code).toBe(2);
      expect(missingFile.err).toContain('Thiếu tham số <file>');
      const badDate = await cli(database, ['import-units', 'x.json', '--date', '2025-02-30']);
      expect(badDate.code).toBe(2);
      expect(badDate.err).toContain('yyyy-MM-dd');
      const badRole = await cli(database, ['grant', '--username', 'someone', '--role', 'king']);
      expect(badRole.code).toBe(2);
      expect(badRole.err).toContain('system_admin, dx_office');
    });
  });

  it('migrates on request (and before every command)', async () => {
    const result = await cli(database, ['migrate']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Cơ sở dữ liệu (${TEST_DB}) đã ở phiên bản mới nhất`);
  });

  describe('import-units', () => {
    it('imports a CSV, then records a changed name as a rename', async () => {
      const csv =
        'code,name,type,parent_code\nCLI01,Tỉnh Thử CLI,Tỉnh,\nCLI0101,Xã Một,Xã,CLI01\nCLI0102,Phường Hai,Phường,CLI01\n';
      const first = await cli(database, ['import-units', tempFile('units.csv', csv), '--date', '2025-07-01']);
      expect(first.code).toBe(0);
      // New units start on the day given: 2025 judges them from July, and the CLI says so.
      expect(first.err).toContain(
        'Lưu ý: 3 đơn vị mới bắt đầu từ 01/07/2025; điểm năm 2025 của chúng chỉ tính từ ngày đó',
      );
      expect(first.err).toContain('--date 2025-01-01');
      expect(first.out).toMatch(/Tạo mới:\s+3\n/);
      const [ward] = await database.db.select().from(units).where(eq(units.code, 'CLI0102'));
      expect(ward).toMatchObject({ kind: 'ward', name: 'Phường Hai', validFrom: '2025-07-01' });

      const renamed = csv.replace('Xã Một', 'Xã Một Mới');
      const second = await cli(database, [
        'import-units',
        tempFile('units.csv', renamed),
        '--date',
        '2026-01-01',
      ]);
      expect(second.code).toBe(0);
      expect(second.out).toMatch(/Đổi tên:\s+1\n/);
      expect(second.out).toMatch(/Không đổi:\s+2\n/);
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'unit.import'), eq(auditLog.entityId, 'units.csv')))
        .orderBy(sql`${auditLog.id} desc`)
        .limit(1);
      expect(entry?.actorLabel).toBe('cli');
    });

    it('imports an XLSX with Vietnamese headers', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Danh mục');
      sheet.addRow(['Mã', 'Tên', 'Loại', 'Mã cấp trên']);
      sheet.addRow(['CLX01', 'Tỉnh Bảng Tính', 'province', '']);
      sheet.addRow(['CLX0101', 'Đặc khu Bảng Tính', 'Đặc khu', 'CLX01']);
      const file = tempFile('units.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
      const result = await cli(database, ['import-units', file]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/Tạo mới:\s+2\n/);
      const [zone] = await database.db.select().from(units).where(eq(units.code, 'CLX0101'));
      expect(zone?.kind).toBe('special_zone');
    });

    it('lists every bad row of a CSV with its row and column, and writes nothing', async () => {
      const unitsBefore = await count(database, units);
      const auditBefore = await count(database, auditLog);
      const csv = [
        'code,name,type,parent_code',
        'BAD01,Tỉnh Tốt,Tỉnh,',
        'BAD0101,,Xã,BAD01',
        'BAD0102,Làng Lạ,Làng,BAD01',
        'BAD0103,Xã Mồ Côi,Xã,NOPE',
      ].join('\n');
      const result = await cli(database, ['import-units', tempFile('bad.csv', csv)]);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toContain('Tệp có 3 lỗi; không có đơn vị nào được nhập.');
      expect(result.err).toContain('dòng 3, cột name: Thiếu tên đơn vị.');
      expect(result.err).toContain('dòng 4, cột type: Loại đơn vị "Làng" không hợp lệ.');
      expect(result.err).toContain('dòng 5, cột parent_code: Không có đơn vị cấp trên mã NOPE.');
      expect(await count(database, units)).toBe(unitsBefore);
      expect(await count(database, auditLog)).toBe(auditBefore);
      expect(await database.db.select().from(units).where(eq(units.code, 'BAD01'))).toEqual([]);
    });

    it('fails with exit code 1 on a missing file', async () => {
      const result = await cli(database, ['import-units', '/nonexistent/units.json']);
      expect(result.code).toBe(1);
      expect(result.err).toContain('Không có tệp /nonexistent/units.json');
    });
  });

  describe('accounts', () => {
    let formerId: string;
    let currentId: string;
    beforeAll(async () => {
      // Code 99001 was held by a commune merged away on 01/07/2025 and reused by its successor.
      const provinceId = await createUnit(database.db, { kind: 'province', code: 'P99', name: 'Tỉnh Mã Cũ' });
      formerId = await createUnit(database.db, {
        code: '99001',
        name: 'Thị trấn Cũ',
        parentId: provinceId,
        validTo: '2025-07-01',
      });
      currentId = await createUnit(database.db, {
        code: '99001',
        name: 'Xã Mới',
        parentId: provinceId,
        validFrom: '2025-07-01',
      });
      await createUnit(database.db, {
        code: '99002',
        name: 'Xã Đã Giải Thể',
        parentId: provinceId,
        validTo: '2025-07-01',
      });
    });

    async function grantsOf(username: string) {
      return database.db
        .select({ role: roleGrants.role, unitId: roleGrants.unitId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(eq(users.username, username));
    }

    it('creates a user with a password and a first grant, audited as cli', async () => {
      const result = await cli(database, [
        'create-user',
        '--username',
        'Can.Bo.Moi',
        '--full-name',
        'Nguyễn  Văn Mới',
        '--email',
        'moi@example.vn',
        '--password',
        'mat-khau-rat-dai',
        '--role',
        'unit_officer',
        '--unit',
        '99001',
      ]);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain('Đã tạo tài khoản can.bo.moi');
      const [user] = await database.db.select().from(users).where(eq(users.username, 'can.bo.moi'));
      expect(user).toMatchObject({ fullName: 'Nguyễn Văn Mới', email: 'moi@example.vn' });
      expect(await verifyPassword(user!.passwordHash, 'mat-khau-rat-dai')).toBe(true);
      expect(await grantsOf('can.bo.moi')).toEqual([{ role: 'unit_officer', unitId: currentId }]);
      const entries = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user!.id));
      expect(entries.map((entry) => [entry.action, entry.actorLabel])).toEqual([['user.create', 'cli']]);
    });

    it('reads the password from the first line of stdin when none is given', async () => {
      const result = await cli(
        database,
        ['create-user', '--username', 'tu.stdin', '--full-name', 'Từ Stdin'],
        'mat-khau-tu-stdin\nrest\n',
      );
      expect(result.code).toBe(0);
      const [user] = await database.db.select().from(users).where(eq(users.username, 'tu.stdin'));
      expect(await verifyPassword(user!.passwordHash, 'mat-khau-tu-stdin')).toBe(true);
    });

    it('fails when no password is given and stdin is empty', async () => {
      const result = await cli(
        database,
        ['create-user', '--username', 'khong.mk', '--full-name', 'Không Mật Khẩu'],
        '',
      );
      expect(result.code).toBe(1);
      expect(result.err).toContain('đầu vào chuẩn trống');
    });

    it('refuses a taken username and a weak password with exit code 1', async () => {
      const taken = await cli(database, [
        'create-user',
        '--username',
        'tu.stdin',
        '--full-name',
        'X',
        '--password',
        'mat-khau-khac-1',
      ]);
      expect(taken.code).toBe(1);
      expect(taken.err).toContain('đã được dùng');
      const weak = await cli(database, [
        'create-user',
        '--username',
        'yeu.qua',
        '--full-name',
        'Y',
        '--password',
        'abc',
      ]);
      expect(weak.code).toBe(1);
      expect(await database.db.select().from(users).where(eq(users.username, 'yeu.qua'))).toEqual([]);
      const noUnit = await cli(database, [
        'create-user',
        '--username',
        'thieu.dv',
        '--full-name',
        'Z',
        '--password',
        'mat-khau-du-dai',
        '--role',
        'viewer',
      ]);
      expect(noUnit.code).toBe(2);
      expect(await database.db.select().from(users).where(eq(users.username, 'thieu.dv'))).toEqual([]);
    });

    it('grants on the current unit holding a reused code, and on a former unit only by id', async () => {
      const user = await createUser(database.db, []);
      const byCode = await cli(database, [
        'grant',
        '--username',
        user.username,
        '--role',
        'unit_head',
        '--unit',
        '99001',
      ]);
      expect(byCode.err).toBe('');
      expect(byCode.code).toBe(0);
      expect(byCode.out).toContain('Xã Mới (mã 99001)');
      expect(await grantsOf(user.username)).toEqual([{ role: 'unit_head', unitId: currentId }]);

      const onlyFormer = await cli(database, [
        'grant',
        '--username',
        user.username,
        '--role',
        'viewer',
        '--unit',
        '99002',
      ]);
      expect(onlyFormer.code).toBe(1);
      expect(onlyFormer.err).toContain('chỉ thuộc đơn vị cũ');

      const byId = await cli(database, [
        'grant',
        '--username',
        user.username,
        '--role',
        'viewer',
        '--unit',
        formerId,
      ]);
      expect(byId.code).toBe(0);
      expect(await grantsOf(user.username)).toContainEqual({ role: 'viewer', unitId: formerId });

      const twice = await cli(database, [
        'grant',
        '--username',
        user.username,
        '--role',
        'unit_head',
        '--unit',
        '99001',
      ]);
      expect(twice.code).toBe(1);
      expect(twice.err).toContain('đã có vai trò');

      const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'grant.create'));
      expect(
        entries.filter((entry) => entry.unitId === currentId && entry.actorLabel === 'cli').length,
      ).toBeGreaterThan(0);
    });

    it('grants system_admin globally without --unit, requires a unit for other roles, and revokes', async () => {
      const user = await createUser(database.db, []);
      const global = await cli(database, ['grant', '--username', user.username, '--role', 'system_admin']);
      expect(global.code).toBe(0);
      expect(global.out).toContain('toàn hệ thống');
      expect(await grantsOf(user.username)).toEqual([{ role: 'system_admin', unitId: null }]);

      const missingUnit = await cli(database, ['grant', '--username', user.username, '--role', 'reviewer']);
      expect(missingUnit.code).toBe(2);
      expect(missingUnit.err).toContain('--unit');

      const revoked = await cli(database, ['revoke', '--username', user.username, '--role', 'system_admin']);
      expect(revoked.code).toBe(0);
      expect(await grantsOf(user.username)).toEqual([]);
      const again = await cli(database, ['revoke', '--username', user.username, '--role', 'system_admin']);
      expect(again.code).toBe(1);

      const nobody = await cli(database, ['grant', '--username', 'khong.ai', '--role', 'system_admin']);
      expect(nobody.code).toBe(1);
      expect(nobody.err).toContain('Không có tài khoản "khong.ai"');
    });
  });

  describe('channels and inputs', () => {
    const frameworkCode = 'thu-cli-nhap-tay';
    beforeAll(async () => {
      await createUnit(database.db, { code: '88001', name: 'Xã Nhập Tay', validFrom: '2020-01-01' });
      // The framework written from the guide, valid from 2024 so that 2024-Q1 has begun on any day.
      const text = fs
        .readFileSync(
          path.join(PROJECT_ROOT, 'test', 'fixtures', 'frameworks', 'written-from-guide.yaml'),
          'utf8',
        )
        .replace('code: quangngai-tuyen-truyen-quy', `code: ${frameworkCode}`)
        .replace('validFrom: 2026-01-01', 'validFrom: 2024-01-01');
      const imported = await cli(database, ['framework', 'import', tempFile('nhap-tay.yaml', text)]);
      expect(imported.code, imported.err).toBe(0);
    });

    it("creates and lists a unit's channels, audited, naming the option of a missing value", async () => {
      const created = await cli(database, [
        'channel',
        'create',
        '--unit',
        '88001',
        '--kind',
        'website_column',
        '--name',
        'Chuyên mục Chuyển đổi số',
        '--url',
        'https://nhaptay.gov.vn/chuyen-doi-so',
        '--started-on',
        '2024-01-01',
      ]);
      expect(created.code, created.err).toBe(0);
      expect(created.out).toContain('Đã thêm kênh cho Xã Nhập Tay');
      expect(created.out).toContain('(website_column, website): Chuyên mục Chuyển đổi số, từ 01/01/2024');
      const [audited] = await database.db
        .select({ actor: auditLog.actorLabel })
        .from(auditLog)
        .where(eq(auditLog.action, 'channel.create'));
      expect(audited?.actor).toBe('cli');

      const listed = await cli(database, ['channel', 'list', '--unit', '88001']);
      expect(listed.code).toBe(0);
      expect(listed.out).toContain('Xã Nhập Tay: 1 kênh');
      expect(listed.out).toContain('Chuyên mục Chuyển đổi số');

      const noUrl = await cli(database, [
        'channel',
        'create',
        '--unit',
        '88001',
        '--kind',
        'website_column',
        '--name',
        'Khác',
      ]);
      expect(noUrl.code).toBe(1);
      expect(noUrl.err).toContain('--url: Nhập địa chỉ chuyên mục Chuyển đổi số');
      const badKind = await cli(database, [
        'channel',
        'create',
        '--unit',
        '88001',
        '--kind',
        'blog',
        '--name',
        'Khác',
      ]);
      expect(badKind.code).toBe(2);
      expect(badKind.err).toContain('--kind "blog" không hợp lệ');
    });

    it('enters input values for a criterion, starting the assessment, and shows the live score', async () => {
      // `input set` for criterion A1.2 of the unit 88001 in 2024-Q1, with the options that vary.
      const inputSet = (...options: string[]) =>
        cli(database, [
          'input',
          'set',
          '--unit',
          '88001',
          '--framework',
          frameworkCode,
          '--period',
          '2024-Q1',
          '--criterion',
          'A1.2',
          ...options,
        ]);
      const entered = await inputSet('--inputs', 'thon_co_loa=9,tong_so_thon=12');
      expect(entered.code, entered.err).toBe(0);
      expect(entered.out).toContain('Đã lập bản tự đánh giá 2024-Q1 của Xã Nhập Tay');
      // 9/12 = 75 % of 10.
      expect(entered.out).toContain(
        'Điểm trực tiếp: 7,5/10 — Số thôn có cụm loa hoạt động/Tổng số thôn, tổ dân phố: 9 trên 12 (75%)',
      );

      // The same assessment the second time; the API's JSON object is accepted too; a manual score.
      const again = await inputSet('--inputs', '{"thon_co_loa": 12}');
      expect(again.code, again.err).toBe(0);
      expect(again.out).not.toContain('Đã lập');
      expect(again.out).toContain('Điểm trực tiếp: 10/10');
      const manual = await cli(database, [
        'input',
        'set',
        '--unit',
        '88001',
        '--framework',
        frameworkCode,
        '--period',
        '2024-Q1',
        '--criterion',
        'A2.1',
        '--self-score',
        '4,5',
        '--explanation',
        'Đã tổ chức 3 hội nghị',
      ]);
      expect(manual.code, manual.err).toBe(0);
      expect(manual.out).toContain('Điểm trực tiếp: 4,5/5 — Điểm chấm thủ công');

      const unknownKey = await inputSet('--inputs', 'so_thon=3');
      expect(unknownKey.code).toBe(1);
      expect(unknownKey.err).toContain(
        'Tiêu chí A1.2 không có ô nhập "so_thon" (có: thon_co_loa, tong_so_thon)',
      );
      const nothing = await inputSet();
      expect(nothing.code).toBe(2);
    });
  });
});

describe('CLI as a process', () => {
  const env = { ...process.env, NO_COLOR: '1' };

  it('prints the help of npx tsx src/server/cli/main.ts --help', async () => {
    const { stdout } = await execFileAsync('npx', ['tsx', 'src/server/cli/main.ts', '--help'], {
      cwd: PROJECT_ROOT,
      env,
      timeout: 30_000,
    });
    expect(stdout).toContain('Cách dùng: npm run cli -- <lệnh> [tùy chọn]');
    expect(stdout).toContain('import-units <file>');
  });

  // The national list into an embedded database in DATA_DIR, as an operator would run it.
  it.runIf(TEST_DB === 'pglite')(
    'imports the national list into PGlite in DATA_DIR, and a re-import changes nothing',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-cli-data-'));
      // Start the folder from the migrated test database: creating a PGlite cluster on disk takes ~10 s.
      const seeded = await openDatabase({
        databaseUrl: null,
        dataDir,
        loadDataDir: new Blob([fs.readFileSync(inject('pgliteDumpPath'))]),
      });
      await seeded.close();
      try {
        const run = () =>
          // node --import tsx: the same as npx tsx without its wrapper process.
          execFileAsync(
            process.execPath,
            [
              '--import',
              'tsx',
              'src/server/cli/main.ts',
              'import-units',
              '../shared/data/vn-admin-units-2026-07.json',
            ],
            {
              cwd: PROJECT_ROOT,
              env: { ...env, DATA_DIR: dataDir, DATABASE_URL: '' },
              timeout: 60_000,
            },
          );
        const first = await run();
        expect(first.stdout).toContain('3.355 đơn vị');
        expect(first.stdout).toMatch(/Tạo mới:\s+3\.355\n/);
        const second = await run();
        expect(second.stdout).toMatch(/Tạo mới:\s+0\n/);
        expect(second.stdout).toMatch(/Không đổi:\s+3\.355\n/);
        expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

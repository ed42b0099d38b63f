import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import type { Database, Db } from '../src/server/db/client';
import { insertChannel } from '../src/server/db/repositories/channels';
import { units } from '../src/server/db/schema';
import { activities, channels } from '../src/server/db/schema-activities';
import type { ActivityImportResultDto } from '../src/shared/api/activity-files';
import { BROADCAST_HEADERS, POLICY, POST_HEADERS } from './support/activity-files';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createTestDatabase } from './support/database';
import { createUnit, createUser } from './support/factories';
import { createSignedInUser } from './support/scenarios';

function csvFile(headers: string[], rows: string[][]): Buffer {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from([headers, ...rows].map((row) => row.map(quote).join(',')).join('\n'));
}

/** The same units and channels in any database: codes and names are what files carry. */
async function createWorld(db: Db, suffix: string) {
  const provinceId = await createUnit(db, { kind: 'province', code: `P${suffix}`, name: 'Tỉnh Xuất Tệp' });
  const communeA = await createUnit(db, { code: `A${suffix}`, name: 'Xã Suối Trong', parentId: provinceId });
  const communeB = await createUnit(db, { code: `B${suffix}`, name: 'Xã Đồi Thông', parentId: provinceId });
  // A unit without a code is named by its name.
  const centre = await createUnit(db, {
    kind: 'culture_centre',
    code: null,
    name: 'Trung tâm Văn hóa Suối Trong',
    parentId: communeA,
  });
  await insertChannel(db, {
    unitId: communeA,
    kind: 'website_column',
    platform: 'website',
    name: 'Chuyên mục CĐS',
  });
  await insertChannel(db, {
    unitId: communeA,
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chương trình CĐS',
  });
  await insertChannel(db, {
    unitId: communeB,
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chương trình CĐS',
  });
  await insertChannel(db, {
    unitId: centre,
    kind: 'social_page',
    platform: 'facebook',
    name: 'Trang của trung tâm',
  });
  return { provinceId, communeA, communeB, centre };
}

const suffix = Date.now().toString(36);
const A = `A${suffix}`;
const B = `B${suffix}`;
const CENTRE = 'Trung tâm Văn hóa Suối Trong';

const POSTS = [
  [
    A,
    'Chuyên mục CĐS',
    '05/01/2025',
    '08:30',
    'Xã ra mắt sổ tay chuyển đổi số',
    'https://suoitrong.gov.vn/cds/so-tay',
    'Phóng sự',
    `${POLICY}; Thương mại điện tử`,
    'Tiếng Việt',
    'Lê Thị Hoa',
  ],
  [
    A,
    'Chuyên mục CĐS',
    '12/02/2025',
    '14:05',
    '=Bảng tính "không" phải công thức, thật',
    'https://suoitrong.gov.vn/cds/cong-thuc',
    'Tin',
    '',
    'Tiếng Xơ Đăng',
    '',
  ],
  [
    CENTRE,
    'Trang của trung tâm',
    '20/03/2025',
    '',
    'Trung tâm hướng dẫn thanh toán số',
    '',
    'Video',
    'Thương mại điện tử',
    '',
    '',
  ],
  [B, '', '01/04/2025', '07:00', 'Tin của xã Đồi Thông', 'https://doithong.gov.vn/tin', 'Bài', '', '', ''],
];
const BROADCASTS = [
  [
    A,
    'Chương trình CĐS',
    '06/01/2025',
    '05:00',
    'Bản tin CĐS tuần 2',
    '15',
    'Tin',
    'Ứng dụng công nghệ thông tin',
    'Tiếng Việt',
    'Tự sản xuất',
  ],
  [
    A,
    'Chương trình CĐS',
    '13/01/2025',
    '17:30',
    'Câu chuyện chợ không tiền mặt',
    '7,25',
    'Câu chuyện truyền thanh',
    '',
    'Tiếng Ba Na',
    'Hệ thống thông tin nguồn tỉnh',
  ],
  [B, 'Chương trình CĐS', '14/01/2025', '05:00', 'Tiếp sóng bản tin tỉnh', '30', '', '', '', 'Tiếp sóng'],
];

interface Comparable {
  unit: string;
  channel: string | null;
  occurredAt: string;
  title: string;
  url: string | null;
  genre: string | null;
  topics: string[];
  language: string;
  author: string | null;
  durationSeconds: number | null;
  source: string | null;
  programme: string | null;
  kind: string;
}

/** Records as files describe them: by unit code (or name) and channel name, not by ids. */
async function comparable(db: Db): Promise<Comparable[]> {
  const rows = await db
    .select({ a: activities, unitCode: units.code, unitName: units.name, channelName: channels.name })
    .from(activities)
    .innerJoin(units, eq(units.id, activities.unitId))
    .leftJoin(channels, eq(channels.id, activities.channelId))
    .orderBy(asc(activities.occurredAt), asc(activities.title));
  return rows.map(({ a, unitCode, unitName, channelName }) => ({
    kind: a.kind,
    unit: unitCode ?? unitName,
    channel: channelName,
    occurredAt: a.occurredAt.toISOString(),
    title: a.title,
    url: a.url,
    genre: a.genre,
    topics: a.topics,
    language: a.language,
    author: a.author,
    durationSeconds: a.durationSeconds,
    source: a.source,
    programme: a.programme,
  }));
}

function collector() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

async function cli(database: Database, argv: string[]) {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(argv, { database, stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-records-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe('export of records and the round trip through files', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let world: Awaited<ReturnType<typeof createWorld>>;

  async function upload(session: Session, kind: 'post' | 'broadcast', content: Buffer, fileName: string) {
    const response = await session.request({
      method: 'POST',
      url: `/api/activity-files/import?kind=${kind}&fileName=${fileName}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: content,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ActivityImportResultDto>();
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await createWorld(ctx.database.db, suffix);
    admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
      .session;
    officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: world.communeA }])
    ).session;
    await upload(admin, 'post', csvFile(POST_HEADERS, POSTS), 'tin-bai.csv');
    await upload(admin, 'broadcast', csvFile(BROADCAST_HEADERS, BROADCASTS), 'phat-song.csv');
  });
  afterAll(() => ctx.close());

  it('exports CSV in UTF-8 with a byte-order mark, Vietnamese headers, dd/MM/yyyy dates and labels, not codes', async () => {
    const response = await officer.get('/api/activity-files/export.csv?kind=post');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="tin-bai-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.startsWith(`${POST_HEADERS.join(',')},Tên đơn vị,`)).toBe(true);
    // The officer of commune A sees A and the centre below it, not B; oldest first.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(
      `${A},Chuyên mục CĐS,05/01/2025,08:30,Xã ra mắt sổ tay chuyển đổi số,https://suoitrong.gov.vn/cds/so-tay,Phóng sự,"${POLICY}; Thương mại điện tử",Tiếng Việt,Lê Thị Hoa,Xã Suối Trong,Nhập từ tệp`,
    );
    // A title that a spreadsheet would run as a formula is written with an apostrophe.
    expect(lines[2]).toContain(`,"'=Bảng tính ""không"" phải công thức, thật",`);
    expect(lines[3]).toContain(`${CENTRE},Trang của trung tâm,20/03/2025,00:00,`);
  });

  it('applies the list’s filters and scope', async () => {
    const csv = async (session: Session, query: string) => {
      const response = await session.get(`/api/activity-files/export.csv?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
        .slice(1);
    };
    expect(await csv(admin, 'kind=post')).toHaveLength(4);
    expect(await csv(admin, `kind=post&unitId=${world.communeB}`)).toHaveLength(1);
    expect(await csv(admin, 'kind=broadcast&from=2025-01-10&to=2025-01-13')).toHaveLength(1);
    expect(await csv(admin, 'q=cho khong tien mat')).toHaveLength(1);
    expect(await csv(admin, 'language=sed')).toHaveLength(1);
    expect(await csv(admin, 'topic=e_commerce')).toHaveLength(2);
    // Without a kind: every kind, with the kind written on each row.
    const all = await csv(admin, `unitId=${world.communeA}`);
    expect(all).toHaveLength(5);
    expect(all.filter((line) => line.startsWith('Lượt phát sóng,'))).toHaveLength(2);
    expect((await officer.get(`/api/activity-files/export.csv?unitId=${world.communeB}`)).statusCode).toBe(
      404,
    );
    expect((await officer.get(`/api/activity-files/export.xlsx?unitId=${world.communeB}`)).statusCode).toBe(
      404,
    );
  });

  it('exports XLSX with real date cells shown dd/mm/yyyy, durations in minutes and labels', async () => {
    const response = await admin.get('/api/activity-files/export.xlsx?kind=broadcast');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Lượt phát sóng');
    expect((sheet.getRow(1).values as string[]).slice(1, 11)).toEqual(BROADCAST_HEADERS);
    expect(sheet.rowCount).toBe(4);
    const second = sheet.getRow(3);
    expect(second.getCell(3).value).toEqual(new Date('2025-01-13T00:00:00Z'));
    expect(second.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(second.getCell(6).value).toBe(7.25);
    expect(second.getCell(7).value).toBe('Câu chuyện truyền thanh');
    expect(second.getCell(9).value).toBe('Tiếng Ba Na');
    expect(second.getCell(10).value).toBe('Hệ thống thông tin nguồn tỉnh');
  });

  it('recreates the same records when the exported files are imported into an empty database', async () => {
    const before = await comparable(ctx.database.db);
    expect(before).toHaveLength(7);
    const postsXlsx = (await admin.get('/api/activity-files/export.xlsx?kind=post')).rawPayload;
    const broadcastsCsv = (await admin.get('/api/activity-files/export.csv?kind=broadcast')).rawPayload;

    const other = await createTestApp();
    try {
      await createWorld(other.database.db, suffix);
      const otherAdmin = (
        await createSignedInUser(other.app, other.database.db, [{ role: 'system_admin', unitId: null }])
      ).session;
      const posts = await upload(otherAdmin, 'post', postsXlsx, 'tin-bai.xlsx');
      const broadcasts = await upload(otherAdmin, 'broadcast', broadcastsCsv, 'phat-song.csv');
      expect([posts.created, broadcasts.created]).toEqual([4, 3]);
      expect(await comparable(other.database.db)).toEqual(before);
    } finally {
      await other.close();
    }
  });

  it('CLI: export-records and import-records make the same round trip, XLSX to a file and CSV to standard output', async () => {
    const xlsxFile = path.join(tempDir, 'phat-song.xlsx');
    const exported = await cli(ctx.database, [
      'export-records',
      '--kind',
      'broadcast',
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
    ]);
    expect(exported, exported.err).toMatchObject({ code: 0 });
    expect(exported.out).toContain('Đã xuất 3 bản ghi');
    const toStdout = await cli(ctx.database, [
      'export-records',
      '--kind',
      'post',
      '--unit',
      B,
      '--from',
      '01/03/2025',
    ]);
    expect(toStdout.code, toStdout.err).toBe(0);
    expect(toStdout.out.startsWith('\uFEFFMã đơn vị,')).toBe(true);
    expect(toStdout.out).toContain('Tin của xã Đồi Thông');
    expect(toStdout.err).toContain('Đã xuất 1 bản ghi');
    const postsFile = path.join(tempDir, 'tin-bai.csv');
    fs.writeFileSync(postsFile, (await cli(ctx.database, ['export-records', '--kind', 'post'])).out);
    expect((await cli(ctx.database, ['export-records', '--format', 'xlsx'])).code).toBe(2);

    const empty = await createTestDatabase();
    try {
      await createWorld(empty.db, suffix);
      const posts = await cli(empty, ['import-records', postsFile, '--kind', 'post']);
      expect(posts, posts.err).toMatchObject({ code: 0 });
      expect(posts.out).toContain('Đã nhập 4 bản ghi');
      const broadcasts = await cli(empty, ['import-records', xlsxFile, '--kind', 'broadcast']);
      expect(broadcasts.code, broadcasts.err).toBe(0);
      expect(await comparable(empty.db)).toEqual(await comparable(ctx.database.db));

      // The same file again is recognised and refused without --reimport; with it, every row is
      // already there: nothing is stored and each row is listed as "đã có".
      const again = await cli(empty, ['import-records', xlsxFile, '--kind', 'broadcast']);
      expect(again.code).toBe(1);
      expect(again.err).toContain('Tệp này đã được nhập lúc');
      expect(again.err).toContain('--reimport');
      const reimported = await cli(empty, ['import-records', xlsxFile, '--kind', 'broadcast', '--reimport']);
      expect(reimported.code, reimported.err).toBe(0);
      expect(reimported.out).toContain('Đã nhập 0 bản ghi');
      expect(reimported.out).toContain('3 dòng đã có');
      expect(await comparable(empty.db)).toEqual(await comparable(ctx.database.db));
      // With --username the file is checked against that account's scope; errors name row and column.
      await createUser(
        empty.db,
        [{ role: 'unit_officer', unitId: await unitByCode(empty.db, A) }],
        'canbo.suoitrong',
      );
      const refused = await cli(empty, [
        'import-records',
        xlsxFile,
        '--kind',
        'broadcast',
        '--username',
        'canbo.suoitrong',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`dòng 4, cột Mã đơn vị: Không tìm thấy đơn vị "${B}"`);
      const wrongKind = await cli(empty, ['import-records', xlsxFile, '--kind', 'banner']);
      expect(wrongKind.code).toBe(2);
    } finally {
      await empty.close();
    }
  });
});

async function unitByCode(db: Db, code: string): Promise<string> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return unit!.id;
}

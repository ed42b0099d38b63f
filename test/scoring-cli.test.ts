import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import { vnDay } from '../src/server/scoring/day-numbers';
import type { UnitScoreDto } from '../src/shared/api/scoring';
import { addDays, todayVn } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords } from './support/scoring-records';

/**
 * `score`: one unit's live scores in a terminal, and as JSON with the numbers the API gives.
 *
 * Xã Ia Băng in 2025 on Kon Tum QĐ 780: a DX column since 15/03/2023 and 12 posts → 1.4 20/20; a
 * broadcast every Thursday but week 20's → 51 of 52 weeks → 1.5 0/20. Total 20/40 = 50 %.
 */

const TITLE_14 =
  'Trang thông tin điện tử của xã, thị trấn có chuyên mục về chuyển đổi số và số lượng tin bài về chuyển đổi số trong năm đạt 10 tin trở lên';
const TITLE_15 =
  'Tuyên truyền về chuyển đổi số trên Đài truyền thanh cấp xã (theo hướng dẫn của UBND cấp huyện), thực hiện đầy đủ';
const FRAMEWORK_NAME =
  'Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã tỉnh Kon Tum — các tiêu chí tuyên truyền về chuyển đổi số';

function collector() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

describe('score command', () => {
  let ctx: TestContext;
  let admin: Session;
  let iaBang: string;
  let iaMo: string;
  let iaLau: string;

  const db = () => ctx.database.db;

  async function cli(argv: string[]) {
    const stdout = collector();
    const stderr = collector();
    const code = await runCli(argv, { database: ctx.database, stdout, stderr });
    return { code, out: stdout.text(), err: stderr.text() };
  }

  const addChannel = (unitId: string, kind: 'website_column' | 'radio_programme', startedOn: string) =>
    addDxChannel(db(), unitId, kind, startedOn, 'Chuyển đổi số');
  const addRecords = (kind: 'post' | 'broadcast', unitId: string, channelId: string, days: string[]) =>
    addDxRecords(db(), kind, unitId, channelId, days);

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    const province = await createUnit(db(), { kind: 'province', code: '64', name: 'Tỉnh Gia Lai Thử' });
    iaBang = await createUnit(db(), { code: '24001', name: 'Xã Ia Băng', parentId: province });
    const column = await addChannel(iaBang, 'website_column', '2023-03-15');
    const radio = await addChannel(iaBang, 'radio_programme', '2023-01-01');
    await addRecords(
      'post',
      iaBang,
      column,
      Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-10`),
    );
    const weeks: string[] = [];
    // Thursdays of weeks 1–52 of 2025 (02/01–25/12) but week 20's, 15/05.
    for (let day = '2025-01-02'; day <= '2025-12-25'; day = addDays(day, 7))
      if (day !== '2025-05-15') weeks.push(day);
    await addRecords('broadcast', iaBang, radio, weeks);

    // Xã Ia Mơ, created on 01/07/2025 by merging Xã Ia Lâu and Xã Ia Rong (codes reused later).
    iaLau = await createUnit(db(), {
      code: '24008',
      name: 'Xã Ia Lâu',
      parentId: province,
      validTo: '2025-07-01',
    });
    const iaRong = await createUnit(db(), {
      code: '24009',
      name: 'Xã Ia Rong',
      parentId: province,
      validTo: '2025-07-01',
    });
    iaMo = await createUnit(db(), {
      code: '24010',
      name: 'Xã Ia Mơ',
      parentId: province,
      validFrom: '2025-07-01',
    });
    await recordUnitEvent(db(), TEST_ACTOR, {
      kind: 'merge',
      date: '2025-07-01',
      fromIds: [iaLau, iaRong],
      toId: iaMo,
    });

    admin = (await createSignedInUser(ctx.app, db(), [{ role: 'system_admin', unitId: null }])).session;
  });
  afterAll(() => ctx.close());

  it('prints every criterion with its explanation, then the total', async () => {
    const run = await cli(['score', '--framework', 'kontum-780', '--unit', '24001', '--period', '2025']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        `Xã Ia Băng — ${FRAMEWORK_NAME} (kontum-780 phiên bản 2023)`,
        'Kỳ: năm 2025',
        '',
        `1.4. ${TITLE_14}`,
        '   20/20 điểm [đạt] — Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023; 12 tin bài trong năm 2025 (cần 10) → 20/20 điểm',
        `1.5. ${TITLE_15}`,
        '   0/20 điểm [chưa đạt] — 51 trên 52 tuần có lượt phát → 0/20 điểm',
        '',
        'Tổng: 20/40 điểm (50%) [một phần]',
        '',
      ].join('\n'),
    );
  });

  it('names the merged units whose records count, and what is missing while the period runs', async () => {
    const merged = await cli(['score', '--framework', 'kontum-780', '--unit', '24010', '--period', '2025']);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Cộng dồn bản ghi của: Xã Ia Mơ, Xã Ia Lâu, Xã Ia Rong\n');
    expect(merged.out).toContain('Tổng: 0/40 điểm (0%) [chưa đạt]');

    // The year running today: counted up to today, with the projection and the gaps.
    const today = todayVn();
    const year = today.slice(0, 4);
    const running = await cli(['score', '--framework', 'kontum-780', '--unit', '24001', '--period', year]);
    expect(running.code).toBe(0);
    if (today < `${year}-12-31`) {
      expect(running.out).toContain(`Kỳ: năm ${year}, tính đến ${vnDay(today)}\n`);
      // No post this year: 10 are needed before the end.
      expect(running.out).toContain('   Còn thiếu: cần thêm 10 tin bài trước 31/12\n');
      expect(running.out).toContain('\nDự báo cuối kỳ: 0 điểm\n');
    }
  });

  it('gives as JSON exactly what the API gives', async () => {
    const run = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      '24001',
      '--period',
      '2025',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.out) as UnitScoreDto;
    const response = await admin.get(`/api/units/${iaBang}/scores?framework=kontum-780&period=2025`);
    expect(response.statusCode).toBe(200);
    expect(printed).toEqual(response.json<UnitScoreDto>());
    expect(printed).toMatchObject({ score: 20, max: 40, percent: 50, status: 'amber' });

    // Seen as it was, the merged commune has only its own records.
    const view = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      iaMo,
      '--period',
      '2025',
      '--view',
      'as_they_were',
      '--json',
    ]);
    expect(view.code).toBe(0);
    expect((JSON.parse(view.out) as UnitScoreDto).sourceUnits).toEqual([{ id: iaMo, name: 'Xã Ia Mơ' }]);
  });

  it('prints the JSON shape the guide shows, a pending criterion as null', async () => {
    const guide = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'frameworks.md'), 'utf8');
    const example = guide.match(/<!-- score-json[^>]*-->\n```json\n([\s\S]*?)\n```/)?.[1];
    expect(example, 'the score-json example of docs/frameworks.md').toBeDefined();
    const documented = JSON.parse(example!) as Record<string, unknown> & {
      criteria: Array<Record<string, unknown>>;
    };
    const run = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      '24001',
      '--period',
      '2025',
      '--json',
    ]);
    const printed = JSON.parse(run.out) as Record<string, unknown> & {
      criteria: Array<Record<string, unknown>>;
    };
    const keys = (value: unknown) => Object.keys(value as object).sort();
    expect(keys(documented)).toEqual(keys(printed));
    for (const key of ['framework', 'period', 'unit'] as const)
      expect(keys(documented[key])).toEqual(keys(printed[key]));
    expect(keys(documented.criteria[0])).toEqual(keys(printed.criteria[0]));
    // The documented pending criterion: null, grey, and 0 in the total (20 + 0 of 40 is printed here).
    expect(documented.criteria[0]).toMatchObject({ score: null, status: 'grey' });
  });

  it('answers usage mistakes with exit code 2 and failures with 1, in Vietnamese', async () => {
    const missing = await cli(['score', '--framework', 'kontum-780', '--unit', '24001']);
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: 'Lỗi: Thiếu --period.\nXem: npm run cli -- score --help\n',
    });
    expect((await cli(['score'])).err).toContain('Lỗi: Thiếu --framework.');
    const badView = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      '24001',
      '--period',
      '2025',
      '--view',
      'hien_tai',
    ]);
    expect(badView.code).toBe(2);
    expect(badView.err).toContain('--view "hien_tai" không hợp lệ; dùng successors hoặc as_they_were.');

    const unknown = await cli(['score', '--framework', 'khong-co', '--unit', '24001', '--period', '2025']);
    expect(unknown).toEqual({
      code: 1,
      out: '',
      err: 'Lỗi: Không có bộ chỉ số với mã này.\n  framework: Không có bộ chỉ số mã "khong-co".\n',
    });
    const quarter = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      '24001',
      '--period',
      '2025-Q1',
    ]);
    expect(quarter).toMatchObject({
      code: 1,
      err: 'Lỗi: Kỳ đánh giá không hợp lệ.\n  period: Kỳ của bộ chỉ số này có dạng 2024.\n',
    });
    const noUnit = await cli(['score', '--framework', 'kontum-780', '--unit', '99999', '--period', '2025']);
    expect(noUnit).toMatchObject({ code: 1, err: 'Lỗi: Không có đơn vị mã 99999.\n' });
    // A code held only by a unit that has ended is refused, naming it.
    const former = await cli(['score', '--framework', 'kontum-780', '--unit', '24008', '--period', '2024']);
    expect(former.code).toBe(1);
    expect(former.err).toContain('Mã 24008 chỉ thuộc đơn vị cũ đã kết thúc: Xã Ia Lâu');
    // By id it is scored as it was (it has no successors view of its own).
    const byId = await cli([
      'score',
      '--framework',
      'kontum-780',
      '--unit',
      iaLau,
      '--period',
      '2024',
      '--json',
    ]);
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.out)).toMatchObject({
      view: 'as_they_were',
      unit: { id: iaLau, name: 'Xã Ia Lâu' },
      score: 0,
      max: 40,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnits } from '../src/server/db/repositories/units';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { ScoreboardDto } from '../src/shared/api/scoring';
import type { ErrorBody } from '../src/shared/errors';
import { countStatuses, headlineOf, rowsOfStatus, summarizeBoard } from '../src/shared/scoring/headline';
import { compareVietnamese } from '../src/shared/text';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly, thursdays } from './support/scoring-records';

/**
 * The live scoreboard a page at a time (issue 12, item 1): a person reads 50 units, not a country's
 * 3,321. Every paged, sorted or filtered answer is checked against the whole board the same request
 * gives without paging, so the numbers need not be worked out by hand: the paging must only choose
 * and order rows, never change them.
 *
 * Kon Tum QĐ 780 for communes, 2024: 1.4 (20 points) needs a website DX column and at least 10 posts
 * in the year; 1.5 (20 points) a DX broadcast in every ISO week (week 1's Thursday is 04/01/2024).
 */

const FRAMEWORK = 'kontum-780';
const BOARD = `framework=${FRAMEWORK}&period=2024`;
/** A province board longer than two pages of 50. */
const COMMUNES = 120;

describe('scoreboard paging', () => {
  let ctx: TestContext;
  let office: Session;
  let admin: Session;
  let province: string;
  let whole: ScoreboardDto;

  async function board(session: Session, query: string): Promise<ScoreboardDto> {
    const response = await session.get(`/api/scoreboard?${BOARD}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScoreboardDto>();
  }

  const ids = (found: ScoreboardDto) => found.rows.map((row) => row.unitId);

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    const db = ctx.database.db;
    province = await createUnit(db, { kind: 'province', code: '74', name: 'Tỉnh Chia Trang' });
    const communes = await insertUnits(
      db,
      Array.from({ length: COMMUNES }, (_, i) => ({
        kind: 'commune' as const,
        code: `74${String(i + 1).padStart(3, '0')}`,
        // Names out of code order, with Vietnamese letters, so the name order is a real sort.
        name: `Xã ${['Ân', 'Bình', 'Đông', 'Ea', 'Ô Loan', 'Yên'][i % 6]} ${COMMUNES - i}`,
        parentId: province,
        validFrom: '2020-01-01',
        validTo: null,
        websiteUrl: null,
      })),
    );
    // Three kinds of commune: full marks (a column, 12 posts, a broadcast every week), half (the
    // column and posts only), and the rest nothing at all.
    for (const [i, { id }] of communes.slice(0, 30).entries()) {
      const column = await addDxChannel(db, id, 'website_column', '2020-01-01');
      await addDxRecords(db, 'post', id, column, monthly(2024, '10'));
      if (i < 12) {
        const radio = await addDxChannel(db, id, 'radio_programme', '2020-01-01');
        await addDxRecords(db, 'broadcast', id, radio, thursdays('2024-01-04', '2024-12-26'));
      }
    }
    office = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }])).session;
    admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
    whole = await board(office, `unitId=${province}`);
  });
  afterAll(() => ctx.close());

  it('answers every row without a page, as before, with the total and the summary of the whole board', () => {
    expect(whole.rows).toHaveLength(COMMUNES);
    expect(whole.total).toBe(COMMUNES);
    expect(whole.page).toBeUndefined();
    expect(whole.pageSize).toBeUndefined();
    // The server's order: by kind, then Vietnamese name.
    const names = whole.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort(compareVietnamese));
    expect(whole.summary).toEqual(summarizeBoard(whole.rows));
    expect(whole.summary.units).toBe(COMMUNES);
    // The board is not all one colour: full marks, half and nothing give different statuses.
    expect(countStatuses(whole.rows).size).toBeGreaterThan(1);
    expect(new Set(whole.usedCriteria)).toEqual(
      new Set(whole.rows.flatMap((row) => row.criteria.map((criterion) => criterion.key))),
    );
  });

  it('cuts the board into pages of the size asked, in the same order, the last one short', async () => {
    for (const pageSize of [1, 7, 50, 200]) {
      const pages: string[] = [];
      for (let page = 1; page <= Math.ceil(COMMUNES / pageSize) && page <= 3; page++) {
        const found = await board(office, `unitId=${province}&page=${page}&pageSize=${pageSize}`);
        expect(found.page).toBe(page);
        expect(found.pageSize).toBe(pageSize);
        expect(found.total).toBe(COMMUNES);
        expect(found.summary).toEqual(whole.summary);
        expect(found.usedCriteria).toEqual(whole.usedCriteria);
        expect(found.criteria).toEqual(whole.criteria);
        expect(found.rows).toEqual(whole.rows.slice((page - 1) * pageSize, page * pageSize));
        pages.push(...ids(found));
      }
      expect(pages).toEqual(ids(whole).slice(0, Math.min(3 * pageSize, COMMUNES)));
    }
    const last = await board(office, `unitId=${province}&page=3&pageSize=50`);
    expect(last.rows).toHaveLength(COMMUNES - 100);
    // A page alone asks for pages of 50.
    const second = await board(office, `unitId=${province}&page=2`);
    expect(second.pageSize).toBe(50);
    expect(ids(second)).toEqual(ids(whole).slice(50, 100));
  });

  it('sorts by the headline percentage, highest first, ties by name, across pages', async () => {
    const percent = (row: ScoreboardDto['rows'][number]) => headlineOf(row, row.official).percent;
    const expected = [...whole.rows].sort(
      (a, b) => percent(b) - percent(a) || compareVietnamese(a.name, b.name),
    );
    const all = await board(office, `unitId=${province}&sort=percent`);
    expect(ids(all)).toEqual(expected.map((row) => row.unitId));
    const first = await board(office, `unitId=${province}&sort=percent&page=1&pageSize=50`);
    const second = await board(office, `unitId=${province}&sort=percent&page=2&pageSize=50`);
    expect([...ids(first), ...ids(second)]).toEqual(expected.slice(0, 100).map((row) => row.unitId));
    // The full marks come first; sorted by name they would not.
    expect(percent(first.rows[0]!)).toBe(100);
    expect(percent(second.rows.at(-1)!)).toBeLessThanOrEqual(percent(first.rows.at(-1)!));
    // Sorting by name is the default order.
    expect(ids(await board(office, `unitId=${province}&sort=name`))).toEqual(ids(whole));
  });

  it('filters by the headline status, the total counting the filtered rows, the summary the whole board', async () => {
    for (const status of ['green', 'amber', 'red', 'grey'] as const) {
      const expected = rowsOfStatus(whole.rows, status);
      expect(expected).toHaveLength(whole.summary.counts[status]);
      const found = await board(office, `unitId=${province}&status=${status}&page=1&pageSize=50`);
      expect(found.total).toBe(expected.length);
      expect(found.summary).toEqual(whole.summary);
      expect(ids(found)).toEqual(expected.slice(0, 50).map((row) => row.unitId));
      expect(found.rows.every((row) => (row.official?.status ?? row.status) === status)).toBe(true);
    }
    const counts = whole.summary.counts;
    expect(counts.green + counts.amber + counts.red + counts.grey).toBe(COMMUNES);
  });

  it('answers a page past the end with no rows and the right total', async () => {
    const beyond = await board(office, `unitId=${province}&page=99&pageSize=50`);
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(COMMUNES);
    expect(beyond.page).toBe(99);
    expect(beyond.summary).toEqual(whole.summary);
  });

  it('refuses a page size of 0, 1000 or "abc", a page of 0 and an unknown order, in Vietnamese', async () => {
    for (const [query, field] of [
      ['pageSize=0', 'querystring.pageSize'],
      ['pageSize=1000', 'querystring.pageSize'],
      ['pageSize=abc', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
      ['page=1.5', 'querystring.page'],
      ['sort=score', 'querystring.sort'],
      ['status=blue', 'querystring.status'],
    ] as const) {
      const response = await office.get(`/api/scoreboard?${BOARD}&unitId=${province}&${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toMatch(/^Dữ liệu không hợp lệ/);
      expect(body.message).toContain(field);
      expect(body.details.map((detail) => detail.field)).toEqual([field]);
      // zod's Vietnamese locale words the detail: no English left in it.
      expect(body.details[0]!.message).not.toMatch(/\b(expected|Too|Invalid|must)\b/);
    }
  });

  it('sends a national-sized board a page at a time, a small part of the whole', async () => {
    // Enough communes elsewhere for the country's 3,321 units.
    const other = await createUnit(ctx.database.db, { kind: 'province', code: '75', name: 'Tỉnh Cả Nước' });
    const more = 3321 - COMMUNES - 2;
    await insertUnits(
      ctx.database.db,
      Array.from({ length: more }, (_, i) => ({
        kind: 'commune' as const,
        code: `75${String(i + 1).padStart(4, '0')}`,
        name: `Xã Toàn Quốc ${i + 1}`,
        parentId: other,
        validFrom: '2020-01-01',
        validTo: null,
        websiteUrl: null,
      })),
    );
    const full = await admin.get(`/api/scoreboard?${BOARD}`);
    expect(full.statusCode, full.body.slice(0, 500)).toBe(200);
    const paged = await admin.get(`/api/scoreboard?${BOARD}&page=1&pageSize=50`);
    expect(paged.statusCode).toBe(200);
    const wholeCountry = full.json<ScoreboardDto>();
    const firstPage = paged.json<ScoreboardDto>();
    expect(wholeCountry.rows.length).toBeGreaterThanOrEqual(COMMUNES + more);
    expect(firstPage.total).toBe(wholeCountry.rows.length);
    expect(firstPage.summary).toEqual(wholeCountry.summary);
    expect(firstPage.rows).toEqual(wholeCountry.rows.slice(0, 50));
    // Uncompressed (no accept-encoding): the page is a sixtieth of the whole, give or take the header.
    const fullBytes = full.rawPayload.length;
    const pageBytes = paged.rawPayload.length;
    expect(fullBytes).toBeGreaterThan(1_000_000);
    expect(pageBytes).toBeLessThan(fullBytes / 40);
    expect(pageBytes).toBeLessThan(60_000);
  }, 120_000);
});

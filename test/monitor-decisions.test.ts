import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import type { Db } from '../src/server/db/client';
import { channels } from '../src/server/db/schema-activities';
import { monitorItems } from '../src/server/db/schema-monitor';
import { checkColumn } from '../src/server/domain/monitor/check-column';
import { setMonitorDeps } from '../src/server/domain/monitor/deps';
import { classifyItem, HUMAN_REASON, withDecisions } from '../src/server/monitor/classify';
import { createActiveClassifier, retrainedModelPath } from '../src/server/monitor/classify/active';
import { parseLabelled } from '../src/server/monitor/classify/dataset';
import type { ClassifierModel } from '../src/server/monitor/classify/model';
import shipped from '../src/server/monitor/classify/model.json';
import { retrainClassifier } from '../src/server/monitor/classify/retrain';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import type { CheckDto, UnitMonitorDto } from '../src/shared/api/monitor';
import { dayOf, formatVnDate } from '../src/shared/dates';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createFakeWeb, type FakeWeb } from './support/monitor-fakes';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel } from './support/scoring-records';

/**
 * Issue 11 item 2: a person's decision overrides the classifier and is remembered — the same page or
 * the same distinctive title found again, on any channel, gets the decision with its day as the
 * reason — and `retrain-classifier` trains a model with the decisions into DATA_DIR, which the
 * monitor then uses instead of the shipped one (and says so on the unit's page).
 */

const NOW = new Date('2025-11-20T03:00:00Z');
const LABELLED = path.resolve(import.meta.dirname, '../data/classifier/labelled.jsonl');

let ctx: TestContext;
let db: Db;
let web: FakeWeb;
let dataDir: string;
let provinceId: string;
let office: Session;

const runColumn = (checkId: string) =>
  checkColumn({ db, fileStore: createLocalFileStore(dataDir), checkId, deps: web.deps });

async function communeWithColumn(host: string) {
  const unitId = await createUnit(db, { kind: 'commune', parentId: provinceId, validFrom: '2020-01-01' });
  const channelId = await addDxChannel(db, unitId, 'website_column', '2022-06-01');
  const url = `https://${host}/chuyen-doi-so`;
  await db.update(channels).set({ url }).where(eq(channels.id, channelId));
  return { unitId, channelId, url };
}

async function checkNow(unitId: string): Promise<string> {
  const response = await office.post(`/api/units/${unitId}/monitor/checks`, { kinds: ['column'] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ checks: CheckDto[] }>().checks[0]!.id;
}

const itemsOf = (channelId: string) =>
  db.select().from(monitorItems).where(eq(monitorItems.channelId, channelId));

beforeAll(async () => {
  ctx = await createTestApp();
  db = ctx.database.db;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-decisions-'));
  web = createFakeWeb(NOW);
  setMonitorDeps(web.deps);
  provinceId = await createUnit(db, { kind: 'province', name: 'Tỉnh Quyết Định' });
  office = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: provinceId }])).session;
});

afterAll(async () => {
  setMonitorDeps(null);
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('remembered decisions (pure)', () => {
  const decidedAt = new Date('2025-11-19T20:00:00Z'); // 20/11/2025 in Vietnam
  const decision = {
    title: 'Người nông dân livestream bán trái cây trên TikTok thu hàng triệu đồng',
    lead: null,
    isDx: true,
    topic: 'e_commerce',
    urlKey: 'bao.vn/tin/livestream',
    decidedAt,
  };
  const classify = withDecisions(classifyItem, [decision]);
  const remembered = {
    isDx: true,
    topic: 'e_commerce',
    confidence: 1,
    reasons: ['Đã được người duyệt quyết định ngày 20/11/2025'],
  };

  it('gives the decision to the same page, whatever its title now', () => {
    expect(
      classify({ title: 'Tiêu đề đã sửa', url: 'https://www.bao.vn/tin/livestream/?utm_source=x' }),
    ).toEqual(remembered);
  });

  it('gives it to the same distinctive title on another page, typed without accents', () => {
    expect(
      classify({
        title: 'Nguoi nong dan livestream ban trai cay tren TikTok thu hang trieu dong!',
        url: 'https://xa-khac.gov.vn/tin/1',
      }),
    ).toEqual(remembered);
  });

  it('leaves short, generic titles and other items to the model', () => {
    const generic = withDecisions(classifyItem, [{ ...decision, title: 'Thông báo', urlKey: null }]);
    expect(generic({ title: 'Thông báo', url: 'https://a.vn/1' })).toEqual(
      classifyItem({ title: 'Thông báo' }),
    );
    expect(classify({ title: 'Giá vàng thế giới giảm mạnh', url: 'https://a.vn/2' })).toEqual(
      classifyItem({ title: 'Giá vàng thế giới giảm mạnh' }),
    );
    // Without a day, the older wording.
    expect(
      withDecisions(classifyItem, [{ ...decision, decidedAt: null }])({ title: decision.title }).reasons,
    ).toEqual([HUMAN_REASON]);
  });
});

describe('a check remembers decisions made on other items', () => {
  it("gives a decided page and a decided title the decision on another commune's column", async () => {
    const first = await communeWithColumn('xa-mot.gov.vn');
    const second = await communeWithColumn('xa-hai.gov.vn');
    const shared = 'https://baotinh.vn/tin/co-the-ho-tro-nguoi-dan';
    const title = 'Người dân có thể được hỗ trợ làm thủ tục tại nhà văn hóa thôn';
    web.pages.set(first.url, {
      items: [{ url: shared, title, lead: 'Hỗ trợ người dân.', publishedAt: '2025-11-05T01:00:00Z' }],
    });
    await runColumn(await checkNow(first.unitId));
    const [unsure] = await itemsOf(first.channelId);
    expect(unsure).toMatchObject({ state: 'review', confidence: 0.55 });
    const decided = await office.post(`/api/monitor/items/${unsure!.id}/decision`, { isDx: false });
    expect(decided.statusCode, decided.body).toBe(200);

    web.pages.set(second.url, {
      items: [
        // The same page, linked from the second commune's column.
        { url: shared, title: 'Có thể hỗ trợ', lead: null, publishedAt: '2025-11-06T01:00:00Z' },
        // The same title on the commune's own page.
        {
          url: 'https://xa-hai.gov.vn/tin/ho-tro',
          title: `${title.toUpperCase()}.`,
          lead: 'Bài đăng lại.',
          publishedAt: '2025-11-07T01:00:00Z',
        },
        // Not decided: the model (the fake's "có thể" rule) and the queue.
        {
          url: 'https://xa-hai.gov.vn/tin/khac',
          title: 'Người dân có thể đăng ký tài khoản định danh điện tử mức hai',
          publishedAt: '2025-11-08T01:00:00Z',
        },
      ],
    });
    await runColumn(await checkNow(second.unitId));
    const items = await itemsOf(second.channelId);
    const byUrl = new Map(items.map((item) => [item.url, item]));
    // The route decides at the real clock's time.
    const decidedOn = dayOf(new Date(decided.json<{ decidedAt: string }>().decidedAt));
    const reason = `Đã được người duyệt quyết định ngày ${formatVnDate(decidedOn)}`;
    expect(byUrl.get(shared)).toMatchObject({
      state: 'ignored',
      isDx: false,
      confidence: 1,
      reasons: [reason],
    });
    expect(byUrl.get('https://xa-hai.gov.vn/tin/ho-tro')).toMatchObject({
      state: 'ignored',
      isDx: false,
      reasons: [reason],
    });
    expect(byUrl.get('https://xa-hai.gov.vn/tin/khac')).toMatchObject({ state: 'review', confidence: 0.55 });
  });
});

describe('retraining with the decisions', () => {
  const labelled = parseLabelled(fs.readFileSync(LABELLED, 'utf8'), 'labelled.jsonl');

  it('trains on the training part and the decisions, once each, and keeps evaluation items out', () => {
    const evalItem = labelled.find((item) => item.url && item.isDx)!;
    const decisions = [
      { title: 'Xã ra mắt ứng dụng bản đồ số du lịch cộng đồng', lead: null, isDx: true, topic: null },
      { title: 'Xa ra mat ung dung ban do so du lich cong dong', lead: null, isDx: true, topic: null },
      { title: 'Hội thi cắm hoa nghệ thuật chào mừng ngày phụ nữ', lead: null, isDx: false, topic: null },
    ];
    const outcome = retrainClassifier(labelled, decisions, NOW);
    expect(outcome.decisions).toBe(2);
    expect(outcome.model.trainedOn.extra).toBe(2);
    expect(outcome.model.trainedOn.items).toBe(outcome.labelled + 2);
    expect(outcome.model.trainedAt).toBe(NOW.toISOString());
    expect(outcome.metrics.f1).toBeGreaterThan(0.85);
    expect(outcome.model.evaluation!.f1).toBeCloseTo(outcome.metrics.f1, 2);
    // A decision about an item the model is measured on would flatter the measure.
    const withEval = retrainClassifier(labelled, [...decisions, { ...evalItem, url: undefined }], NOW);
    if (withEval.leftOut === 0) {
      // The item fell in the training part: it counts like any decision.
      expect(withEval.decisions).toBe(3);
    } else expect(withEval.decisions).toBe(2);
  });

  it('the monitor uses a retrained model in DATA_DIR once it appears, and the shipped one when it is broken or gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-model-'));
    try {
      let clock = 0;
      const active = createActiveClassifier(dir, { recheckMs: 1000, now: () => clock });
      const item = { title: 'Khai mạc giải bóng đá thanh niên xã' };
      expect(active.info()).toMatchObject({ source: 'shipped', trainedAt: null, problem: null });
      expect(active.classify(item).isDx).toBe(false);

      // A model that calls everything DX, written while the monitor runs.
      const everything: ClassifierModel = {
        ...(shipped as ClassifierModel),
        calibration: { a: 0, k: 0, b: 10 },
        trainedOn: { items: 500, dx: 200, notDx: 300, extra: 7 },
        trainedAt: '2025-11-20T03:00:00.000Z',
        evaluation: { items: 90, precision: 0.9, recall: 0.9, f1: 0.9 },
      };
      fs.mkdirSync(path.dirname(retrainedModelPath(dir)), { recursive: true });
      fs.writeFileSync(retrainedModelPath(dir), JSON.stringify(everything));
      // Looked at again only after recheckMs.
      expect(active.classify(item).isDx).toBe(false);
      clock = 2000;
      expect(active.classify(item).isDx).toBe(true);
      expect(active.info()).toEqual({
        source: 'retrained',
        trainedAt: new Date('2025-11-20T03:00:00.000Z'),
        items: 500,
        decisions: 7,
        f1: 0.9,
        problem: null,
      });

      fs.writeFileSync(retrainedModelPath(dir), '{"version": 1');
      const broken = active.info();
      expect(broken).toMatchObject({ source: 'shipped' });
      expect(broken.problem).toContain('không phải JSON hợp lệ');
      expect(broken.problem).not.toContain(dir);
      clock = 4000;
      expect(active.classify(item).isDx).toBe(false);

      fs.rmSync(retrainedModelPath(dir));
      expect(active.info()).toMatchObject({ source: 'shipped', problem: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`retrain-classifier` writes the model with the stored decisions into DATA_DIR; --reset removes it', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      database: ctx.database,
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      dataDir,
    };
    expect(await runCli(['retrain-classifier', '--dry-run'], io), err.join('')).toBe(0);
    expect(fs.existsSync(retrainedModelPath(dataDir))).toBe(false);
    expect(out.join('')).toContain('+ 1 quyết định của người duyệt');

    expect(await runCli(['retrain-classifier'], io), err.join('')).toBe(0);
    expect(out.join('')).toMatch(/F1 \d+\.\d%/);
    const model = JSON.parse(fs.readFileSync(retrainedModelPath(dataDir), 'utf8')) as ClassifierModel;
    expect(model.trainedOn.extra).toBe(1);
    expect(model.trainedAt).toBeTruthy();

    expect(await runCli(['retrain-classifier', '--reset'], io), err.join('')).toBe(0);
    expect(fs.existsSync(retrainedModelPath(dataDir))).toBe(false);
  });

  it('the unit page says which model classifies', async () => {
    const site = await communeWithColumn('xa-ba.gov.vn');
    const response = await office.get(`/api/units/${site.unitId}/monitor`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitMonitorDto>().classifier).toMatchObject({
      source: 'shipped',
      trainedAt: null,
      items: (shipped as ClassifierModel).trainedOn.items,
      decisions: 0,
    });
  });
});

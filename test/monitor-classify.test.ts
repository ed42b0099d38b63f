import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream } from '../src/server/cli/commands/classify';
import { runCli } from '../src/server/cli/run-cli';
import {
  classifyItem,
  HUMAN_REASON,
  loadClassifier,
  needsReview,
  REVIEW_BAND,
  withDecisions,
} from '../src/server/monitor/classify';
import { measure, parseLabelled, splitOf } from '../src/server/monitor/classify/dataset';
import shipped from '../src/server/monitor/classify/model.json';
import { foldAccents } from '../src/server/monitor/classify/normalize';
import { trainClassifier } from '../src/server/monitor/classify/train';

const ROOT = path.resolve(import.meta.dirname, '..');
const LABELLED = path.join(ROOT, 'data/classifier/labelled.jsonl');

function collector() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

describe('DX classifier', () => {
  it('folds accents, đ included', () => {
    expect(foldAccents('Chuyển Đổi Số ở Kon Rẫy')).toBe('chuyen doi so o kon ray');
  });

  it('gives the same verdict with or without diacritics', () => {
    const accented = {
      title: 'Ra mắt Tổ công nghệ số cộng đồng tại các thôn',
      lead: 'Tổ hướng dẫn người dân cài đặt VNeID và nộp hồ sơ dịch vụ công trực tuyến.',
    };
    const folded = { title: foldAccents(accented.title), lead: foldAccents(accented.lead) };
    const a = classifyItem(accented);
    const b = classifyItem(folded);
    expect(b.isDx).toBe(a.isDx);
    expect(b.topic).toBe(a.topic);
    expect(b.confidence).toBe(a.confidence);
  });

  it('recognises a clear DX title, picks its D11 topic and says why', () => {
    const verdict = classifyItem({ title: 'Ra mắt Tổ công nghệ số cộng đồng tại xã Tam Thanh' });
    expect(verdict.isDx).toBe(true);
    expect(verdict.topic).toBe('good_models');
    expect(verdict.confidence).toBeGreaterThan(0.75);
    expect(verdict.reasons.length).toBeGreaterThan(0);
    // The reasons quote the input's own words with the weight, written the Vietnamese way.
    expect(verdict.reasons.some((reason) => /công nghệ số cộng đồng \(\+\d+,\d\)/.test(reason))).toBe(true);
  });

  it('chooses the e-commerce and policy topics', () => {
    expect(
      classifyItem({ title: 'Đưa sản phẩm OCOP lên sàn thương mại điện tử, bà con livestream bán nông sản' })
        .topic,
    ).toBe('e_commerce');
    expect(
      classifyItem({
        title: 'UBND tỉnh ban hành Kế hoạch chuyển đổi số năm 2025, hưởng ứng Ngày Chuyển đổi số quốc gia',
      }).topic,
    ).toBe('policy');
  });

  it('turns down a clear non-DX title with reasons against', () => {
    const verdict = classifyItem({
      title: 'U.23 Việt Nam thua sít sao Qatar ở trận giao hữu',
      lead: 'Đội tuyển U.23 Việt Nam đã có trận giao hữu đầu tiên tại UAE.',
    });
    expect(verdict.isDx).toBe(false);
    expect(verdict.topic).toBeNull();
    expect(verdict.reasons.every((reason) => reason.includes('(−'))).toBe(true);
  });

  it('is not fooled by "số" and "chuyển đổi" in other senses', () => {
    expect(
      classifyItem({
        title: 'Nông dân chuyển đổi cơ cấu cây trồng, thu nhập tăng gấp đôi',
        lead: 'Chuyển đổi cơ cấu cây trồng từ lúa sang cây ăn quả giúp nhiều hộ thoát nghèo.',
      }).isDx,
    ).toBe(false);
    expect(classifyItem({ title: 'Vợ chồng công nhân trúng độc đắc 10 tỉ xổ số miền Nam' }).isDx).toBe(false);
  });

  it('sends unsure verdicts to review and lets a remembered human decision override', () => {
    expect(needsReview({ isDx: true, topic: 'policy', confidence: 0.6, reasons: [] })).toBe(true);
    expect(needsReview({ isDx: true, topic: 'policy', confidence: REVIEW_BAND.max, reasons: [] })).toBe(
      false,
    );
    const item = { title: 'Người nông dân kiếm hàng triệu USD từ việc livestream bán trái cây trên TikTok' };
    const classify = withDecisions(classifyItem, [{ ...item, lead: null, isDx: true, topic: 'e_commerce' }]);
    // Found again without accents and with other punctuation: still the person's decision.
    expect(classify({ title: `${foldAccents(item.title)}!` })).toEqual({
      isDx: true,
      topic: 'e_commerce',
      confidence: 1,
      reasons: [HUMAN_REASON],
    });
    expect(classify({ title: 'Giá vàng thế giới giảm mạnh' })).toEqual(
      classifyItem({ title: 'Giá vàng thế giới giảm mạnh' }),
    );
  });

  it('refuses a broken model', () => {
    expect(() => loadClassifier({ version: 2 })).toThrow(/không hợp lệ/);
    expect(() => loadClassifier(shipped)).not.toThrow();
  });
});

describe('labelled set and shipped model', () => {
  const items = parseLabelled(fs.readFileSync(LABELLED, 'utf8'), 'labelled.jsonl');
  const rows = fs
    .readFileSync(LABELLED, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { url: string; split: string });

  it('splits by a hash of the URL, and every item has its source page', () => {
    for (const row of rows) {
      expect(row.url).toMatch(/^https?:\/\//);
      expect(row.split).toBe(splitOf(row.url));
    }
    expect(new Set(rows.map((row) => row.url)).size).toBe(rows.length);
  });

  it('is what the training script makes from the training part (model.json cannot drift from the data)', () => {
    const train = items.filter((item) => splitOf(item.url!) === 'train');
    expect(JSON.parse(JSON.stringify(trainClassifier(train)))).toEqual(shipped);
  });

  it('reaches F1 ≥ 0.90 on the evaluation part it never saw', () => {
    const evaluation = items.filter((item) => splitOf(item.url!) === 'eval');
    const metrics = measure(evaluation, (item) => classifyItem(item));
    expect(evaluation.length).toBeGreaterThan(30);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('npm run cli -- classify', () => {
  it('reads JSON lines on stdin and writes one verdict or error per line, without opening a database', async () => {
    const stdout = collector();
    const stderr = collector();
    const input = [
      JSON.stringify({ title: 'Chính quyền số giúp người dân nộp hồ sơ trực tuyến' }),
      '',
      'không phải json',
      JSON.stringify({ lead: 'thiếu tiêu đề' }),
      JSON.stringify({ title: 'Thái Nguyên xơ xác sau cơn lũ lịch sử', lead: null }),
    ].join('\n');
    const code = await runCli(['classify'], {
      database: () => {
        throw new Error('classify must not open the database');
      },
      stdout,
      stderr,
      stdin: Readable.from([input]),
    });
    const lines = stdout
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ isDx: true });
    expect(lines[0]!.reasons).toBeInstanceOf(Array);
    expect(lines[1]).toEqual({ line: 3, error: 'Dòng 3: không phải JSON hợp lệ.' });
    expect(lines[2]!.error).toMatch(/^Dòng 4: thiếu trường "title"/);
    expect(lines[3]).toMatchObject({ isDx: false, topic: null });
    // Bad lines do not stop the others, but the exit code tells a script about them.
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/2 dòng không phân loại được/);
  });

  it('skips a line longer than the limit without holding it', async () => {
    const stdout = collector();
    const long = JSON.stringify({ title: 'x'.repeat(500) });
    const chunks = [
      long.slice(0, 200),
      `${long.slice(200)}\n`,
      `${JSON.stringify({ title: 'Kinh tế số' })}\n`,
    ];
    const result = await classifyStream(Readable.from(chunks), stdout, classifyItem, 100);
    expect(result).toEqual({ lines: 2, failed: 1 });
    const [first, second] = stdout.text().trim().split('\n');
    expect(JSON.parse(first!)).toEqual({ line: 1, error: 'Dòng 1: dài quá 100 byte, bỏ qua.' });
    expect(JSON.parse(second!)).toMatchObject({ isDx: true });
  });

  it('exits 0 when every line is classified', async () => {
    const stdout = collector();
    const code = await runCli(['classify'], {
      database: () => Promise.reject(new Error('no database')),
      stdout,
      stderr: collector(),
      stdin: Readable.from(['{"title":"Thương mại điện tử giúp tiêu thụ nông sản"}\n']),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text())).toMatchObject({ isDx: true, topic: 'e_commerce' });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../src/server/cli/run-cli';
import type { Database } from '../src/server/db/client';
import type { FrameworkHeader } from '../src/server/db/repositories/frameworks';
import { auditLog } from '../src/server/db/schema';
import { frameworks } from '../src/server/db/schema-scoring';
import { decideVersion, frameworkFileHash } from '../src/server/domain/frameworks/decide-version';
import {
  ensureBuiltinFrameworks,
  isBuiltinFrameworkFile,
} from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import {
  getFrameworkForPeriod,
  pickVersionForPeriod,
} from '../src/server/domain/frameworks/framework-for-period';
import { storeFrameworkFile } from '../src/server/domain/frameworks/import-framework';
import { AppError } from '../src/server/errors';
import { frameworkJsonSchema } from '../src/server/frameworks/json-schema';
import { type ParsedFrameworkFile, parseFrameworkFile } from '../src/server/frameworks/parse-framework-file';
import { summarizeKinds } from '../src/server/frameworks/summarize-framework';
import { toEpochDay } from '../src/server/scoring/day-numbers';
import { createDaySeries, EMPTY_SERIES } from '../src/server/scoring/day-series';
import { type CriterionEntry, evaluateUnit } from '../src/server/scoring/evaluate';
import { measureKey } from '../src/server/scoring/measure-key';
import { parsePeriod } from '../src/server/scoring/periods';
import type {
  FrameworkDetailDto,
  FrameworkImportResultDto,
  FrameworkListDto,
  FrameworkValidationDto,
} from '../src/shared/api/frameworks';
import type { ErrorBody } from '../src/shared/errors';
import type { MeasureSpec } from '../src/shared/frameworks/definition';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createSignedInUser } from './support/scenarios';

const ROOT = path.resolve(import.meta.dirname, '..');
const FRAMEWORKS_DIR = path.join(ROOT, 'frameworks');
const GUIDE_FIXTURE = path.join(import.meta.dirname, 'fixtures', 'frameworks', 'written-from-guide.yaml');

type Json = Record<string, unknown>;

/** A criterion counting posts; `extra` replaces any field. */
function criterion(code: string, extra: Json = {}): Json {
  return {
    code,
    title: `Tiêu chí ${code}`,
    max: 10,
    rule: { type: 'count', measure: { source: 'posts' }, threshold: 5 },
    ...extra,
  };
}

/** A small framework around the given criteria: one pillar, one index, communes only. */
function framework(criteria: Json[], extra: Json = {}): Json {
  return {
    code: 'thu-nghiem',
    version: '1',
    name: 'Bộ chỉ số thử nghiệm',
    legalBasis: 'Quyết định số 1/QĐ-UBND ngày 02/01/2024',
    issuingBody: 'UBND tỉnh Thử',
    validFrom: '2024-01-01',
    appliesTo: ['commune'],
    pillars: [{ code: 'I', title: 'Trụ cột', indices: [{ code: '1', title: 'Chỉ số', criteria }] }],
    ...extra,
  };
}

const parse = (value: Json): ParsedFrameworkFile =>
  parseFrameworkFile(stringify(value), { fileName: 'x.yaml' });
const C0 = 'pillars[0].indices[0].criteria[0]';
const C1 = 'pillars[0].indices[0].criteria[1]';

function errorAt(result: ParsedFrameworkFile, path: string) {
  const found = result.errors.find((issue) => issue.path === path);
  expect(found, `no error at ${path}; errors: ${JSON.stringify(result.errors, null, 1)}`).toBeDefined();
  return found!;
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

describe('reading framework files', () => {
  it('accepts a valid file and fills in the defaults', () => {
    const result = parse(framework([criterion('1.1')]));
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('yaml');
    expect(result.framework).toMatchObject({ period: 'year', rollUpPredecessors: true });
  });

  it('places schema errors at their path, line and column in YAML', () => {
    const text = stringify(
      framework([
        criterion('1.1'),
        criterion('1.2', { rule: { type: 'count', measure: { source: 'posts' }, threshold: -1 } }),
      ]),
    );
    const result = parseFrameworkFile(text, { fileName: 'bo.yaml' });
    expect(result.framework).toBeNull();
    const issue = errorAt(result, `${C1}.rule.threshold`);
    expect(issue).toMatchObject({ line: lineOf(text, 'threshold: -1'), message: 'Ít nhất là 1.' });
    expect(issue.column).toBe(text.split('\n')[issue.line! - 1]!.indexOf('threshold') + 1);
  });

  it('tells to quote codes and versions that YAML reads as numbers', () => {
    const text = 'code: thu-nghiem\nversion: 2024\n';
    const result = parseFrameworkFile(text);
    expect(errorAt(result, 'version')).toMatchObject({
      line: 2,
      column: 1,
      message: 'Phải là một chuỗi chữ: đặt trong dấu nháy, ví dụ "2024".',
    });
    // Missing fields point at the mapping they are missing from.
    expect(errorAt(result, 'name')).toMatchObject({ line: 1, message: 'Thiếu trường bắt buộc.' });
  });

  it('points at an unknown key and at an unknown rule type', () => {
    const text = stringify(framework([criterion('1.1', { colour: 'đỏ', rule: { type: 'counts' } })]));
    const result = parseFrameworkFile(text);
    expect(errorAt(result, `${C0}.colour`)).toMatchObject({
      line: lineOf(text, 'colour:'),
      message: expect.stringContaining('Trường "colour" không có trong định dạng'),
    });
    expect(errorAt(result, `${C0}.rule.type`)).toMatchObject({
      line: lineOf(text, 'type: counts'),
      message: expect.stringContaining('type là một trong: boolean, count, ladder'),
    });
  });

  it('explains a comma inside { } that split a value into a key', () => {
    const text = `${stringify(framework([criterion('1.1')]))}`.replace(
      'title: Tiêu chí 1.1',
      'title: Tiêu chí 1.1\n            inputs: [{ key: so_thon, label: Thôn, tổ dân phố, type: number }]',
    );
    const result = parseFrameworkFile(text);
    expect(result.errors.map((issue) => issue.message).join('\n')).toContain('đặt cả giá trị trong dấu nháy');
  });

  it('reports YAML syntax errors by line, once per line', () => {
    const text = 'code: thu-nghiem\nversion: "1"\n\tname: Bộ\n';
    const result = parseFrameworkFile(text, { fileName: 'bo.yml' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '', line: 3 });
    const duplicate = parseFrameworkFile('code: a\nversion: "1"\ncode: b\n');
    expect(duplicate.errors[0]).toMatchObject({
      line: 3,
      message: 'Khóa này đã có trong cùng nhóm: mỗi khóa chỉ ghi một lần.',
    });
  });

  it('reads JSON with the same positions: syntax and schema errors by line', () => {
    const text = JSON.stringify(
      framework([criterion('1.1', { rule: { type: 'count', measure: { source: 'posts' }, threshold: 0 } })]),
      null,
      2,
    );
    const result = parseFrameworkFile(text, { fileName: 'bo.json' });
    expect(result.format).toBe('json');
    expect(errorAt(result, `${C0}.rule.threshold`)).toMatchObject({ line: lineOf(text, '"threshold": 0') });

    const broken = text.replace('"name": "Bộ chỉ số thử nghiệm",', '"name": "Bộ chỉ số thử nghiệm"');
    const syntax = parseFrameworkFile(broken, { fileName: 'bo.json' });
    expect(syntax.framework).toBeNull();
    expect(syntax.errors[0]!.line).toBe(lineOf(broken, '"legalBasis"'));
    expect(syntax.errors[0]!.path).toBe('');

    // Without a file name, a leading brace says JSON.
    expect(parseFrameworkFile(text).format).toBe('json');
    expect(parseFrameworkFile(JSON.stringify(framework([criterion('1.1')]))).errors).toEqual([]);
  });

  it('refuses empty, binary and oversized files with a message about the whole file', () => {
    expect(parseFrameworkFile('  \n').errors).toEqual([
      { path: '', line: null, column: null, message: 'Tệp rỗng.' },
    ]);
    expect(parseFrameworkFile(Buffer.from([0xff, 0xfe, 0x00, 0xd8])).errors[0]!.message).toContain('UTF-8');
    expect(parseFrameworkFile('x'.repeat(1024 * 1024 + 1)).errors[0]!.message).toContain('MB');
    expect(parseFrameworkFile('- a\n- b\n').errors[0]!.message).toContain('Tệp phải là một bộ chỉ số');
  });
});

describe('checks beyond the schema', () => {
  it('refuses duplicate codes of pillars, indices, and criteria scoring the same kind', () => {
    const index = (code: string) => ({ code, title: 'Chỉ số', criteria: [criterion(`${code}.1`)] });
    const twice = parse(
      framework([], {
        pillars: [
          { code: 'I', title: 'A', indices: [index('1')] },
          { code: 'I', title: 'B', indices: [index('1')] },
        ],
      }),
    );
    expect(errorAt(twice, 'pillars[1].code').message).toContain('Mã trụ cột "I" trùng với pillars[0]');
    expect(errorAt(twice, 'pillars[1].indices[0].code').message).toContain('trùng với pillars[0].indices[0]');
    expect(errorAt(twice, 'pillars[1].indices[0].criteria[0].code').message).toContain(
      'Mã tiêu chí "1.1" trùng',
    );

    const sameKind = parse(framework([criterion('1.5'), criterion('1.5')]));
    expect(errorAt(sameKind, `${C1}.code`).message).toContain('cùng áp dụng cho Xã (commune)');
  });

  it('lets a code repeat between criteria of different unit kinds (district 1.5, commune 1.5)', () => {
    const result = parse(
      framework(
        [
          criterion('1.5', { appliesTo: ['former_district'] }),
          criterion('1.5', { appliesTo: ['commune'], max: 20 }),
        ],
        { appliesTo: ['former_district', 'commune'], totals: { former_district: 10, commune: 20 } },
      ),
    );
    expect(result.errors).toEqual([]);
    expect(summarizeKinds(result.framework!)).toEqual([
      { kind: 'former_district', criteria: 1, codes: ['1.5'], total: 10 },
      { kind: 'commune', criteria: 1, codes: ['1.5'], total: 20 },
    ]);
  });

  it('checks that the inputs a rule uses are declared, of the right type, with matching options', () => {
    const undeclared = parse(
      framework([criterion('1.1', { rule: { type: 'count', input: 'so_tin', threshold: 3 } })]),
    );
    expect(errorAt(undeclared, `${C0}.rule.input`).message).toBe(
      'Khóa "so_tin" chưa được khai báo trong inputs của tiêu chí 1.1.',
    );

    const wrongType = parse(
      framework([
        criterion('1.1', {
          rule: { type: 'boolean', input: 'so_tin' },
          inputs: [{ key: 'so_tin', label: 'Số tin', type: 'number' }],
        }),
      ]),
    );
    expect(errorAt(wrongType, `${C0}.rule.input`).message).toContain('cần có/không (boolean)');

    const choice = parse(
      framework([
        criterion('1.1', {
          rule: {
            type: 'choice',
            input: 'truong_ban',
            options: [
              { value: 'chu_tich', fraction: 1 },
              { value: 'giam_doc', fraction: 0.5 },
            ],
          },
          inputs: [
            {
              key: 'truong_ban',
              label: 'Trưởng ban',
              type: 'choice',
              options: [
                { value: 'chu_tich', label: 'Chủ tịch' },
                { value: 'pho_chu_tich', label: 'Phó Chủ tịch' },
              ],
            },
          ],
        }),
      ]),
    );
    expect(errorAt(choice, `${C0}.rule.options[1].value`).message).toContain(
      '"giam_doc" không có trong options',
    );
    expect(errorAt(choice, `${C0}.rule.options`).message).toContain(
      '"pho_chu_tich" của đầu vào "truong_ban"',
    );

    const unused = parse(
      framework([criterion('1.1', { inputs: [{ key: 'ghi_chu', label: 'Ghi chú', type: 'number' }] })]),
    );
    expect(unused.errors).toEqual([]);
    expect(unused.warnings.map((issue) => issue.path)).toEqual([`${C0}.inputs[0].key`]);
  });

  it('wants ladders ascending, never losing points, within the maximum', () => {
    const ladder = (steps: Array<[number, number]>) =>
      parse(
        framework([
          criterion('1.1', {
            rule: {
              type: 'ladder',
              measure: { source: 'posts' },
              steps: steps.map(([atLeast, points]) => ({ atLeast, points })),
            },
          }),
        ]),
      );
    expect(
      ladder([
        [5, 2],
        [10, 5],
        [20, 10],
      ]).errors,
    ).toEqual([]);
    const unordered = ladder([
      [10, 5],
      [5, 2],
    ]);
    expect(errorAt(unordered, `${C0}.rule.steps[1].atLeast`).message).toContain('tăng dần');
    expect(errorAt(unordered, `${C0}.rule.steps[1].points`).message).toContain('không được ít điểm hơn');
    expect(
      errorAt(
        ladder([
          [5, 5],
          [10, 12],
        ]),
        `${C0}.rule.steps[1].points`,
      ).message,
    ).toBe('Điểm của bậc (12) vượt điểm tối đa của tiêu chí (10).');
    expect(ladder([[5, 4]]).warnings[0]!.message).toContain('không bao giờ đạt trọn điểm');
  });

  it('keeps each part of a sum within the maximum; parts may add up to more', () => {
    const sum = (points: number[]) =>
      parse(
        framework([
          criterion('1.1', {
            rule: {
              type: 'sum',
              parts: points.map((value) => ({
                points: value,
                rule: { type: 'boolean', measure: { source: 'banners' } },
              })),
            },
          }),
        ]),
      );
    expect(sum([6, 6]).errors).toEqual([]);
    expect(errorAt(sum([12, 3]), `${C0}.rule.parts[0].points`).message).toContain('vượt điểm tối đa');
    expect(sum([3, 3]).warnings.map((issue) => issue.path)).toEqual([`${C0}.rule.parts`]);
    // A ladder inside a part answers to the part's points.
    const nested = parse(
      framework([
        criterion('1.1', {
          rule: {
            type: 'sum',
            parts: [
              {
                points: 4,
                rule: { type: 'ladder', measure: { source: 'posts' }, steps: [{ atLeast: 1, points: 6 }] },
              },
              { points: 6, rule: { type: 'boolean', measure: { source: 'banners' } } },
            ],
          },
        }),
      ]),
    );
    expect(errorAt(nested, `${C0}.rule.parts[0].rule.steps[0].points`).message).toContain(
      'điểm của phần này (4)',
    );
  });

  it('wants frequency tiers from the strictest down, fractions within 0..1', () => {
    const frequency = (tiers: Json[]) =>
      parse(
        framework([
          criterion('1.1', { rule: { type: 'frequency', measure: { source: 'broadcasts' }, tiers } }),
        ]),
      );
    const weekly = { label: 'hằng tuần', every: 'week', fraction: 1 };
    const monthly = { label: 'hằng tháng', every: 'month', fraction: 0.5 };
    expect(frequency([weekly, monthly]).errors).toEqual([]);
    const reversed = frequency([monthly, weekly]);
    expect(errorAt(reversed, `${C0}.rule.tiers[1].fraction`).message).toContain(
      'phải ít điểm hơn mức "hằng tháng"',
    );
    expect(errorAt(reversed, `${C0}.rule.tiers[1].every`).message).toContain('Mức theo tuần khắt khe hơn');
    const stricterLater = frequency([
      { label: 'đa số tuần', every: 'week', share: 0.5, fraction: 1 },
      { label: 'mọi tuần', every: 'week', share: 1, fraction: 0.5 },
    ]);
    expect(errorAt(stricterLater, `${C0}.rule.tiers[1]`).message).toContain('đòi hỏi nhiều hơn');
    expect(errorAt(frequency([{ ...weekly, fraction: 1.5 }]), `${C0}.rule.tiers[0].fraction`).message).toBe(
      'Tối đa là 1.',
    );
    expect(frequency([{ ...weekly, fraction: 0.8 }]).warnings[0]!.path).toBe(`${C0}.rule.tiers[0].fraction`);
  });

  it('checks totals per unit kind, naming the kind and both numbers', () => {
    const result = parse(
      framework([criterion('1.1'), criterion('1.2', { max: 5 })], {
        appliesTo: ['commune', 'ward'],
        totals: { commune: 20, ward: 15, department: 10 },
      }),
    );
    expect(errorAt(result, 'totals.commune').message).toBe(
      'Tổng điểm của Xã (commune) ghi 20 nhưng điểm tối đa của các tiêu chí áp dụng cho loại này cộng lại là 15.',
    );
    expect(result.errors.find((issue) => issue.path === 'totals.ward')).toBeUndefined();
    expect(errorAt(result, 'totals.department').message).toContain('không có trong appliesTo');
  });

  it('checks validity dates, unit kinds of criteria, kinds without criteria and nested manual rules', () => {
    expect(
      errorAt(parse(framework([criterion('1.1')], { validTo: '2023-12-31' })), 'validTo').message,
    ).toContain('trước ngày hiệu lực');
    const kinds = parse(
      framework([criterion('1.1', { appliesTo: ['department'] })], { appliesTo: ['commune', 'ward'] }),
    );
    expect(errorAt(kinds, `${C0}.appliesTo[0]`).message).toContain(
      'Sở, ban, ngành (department) không có trong',
    );
    expect(errorAt(kinds, 'appliesTo[0]').message).toBe('Không có tiêu chí nào áp dụng cho Xã (commune).');
    const nested = parse(
      framework([
        criterion('1.1', { rule: { type: 'any_of', rules: [{ type: 'manual' }] }, evidenceRequired: true }),
      ]),
    );
    expect(errorAt(nested, `${C0}.rule.rules[0].type`).message).toContain('không lồng trong sum');
  });

  it('only warns about unknown topics and languages, and about a validity starting mid-period', () => {
    const result = parse(
      framework(
        [
          criterion('1.1', {
            rule: {
              type: 'count',
              measure: { source: 'posts', topics: ['policy', 'du_lich'], languages: ['xyz'] },
              threshold: 2,
            },
          }),
        ],
        {
          validFrom: '2024-03-01',
        },
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.framework).not.toBeNull();
    expect(result.warnings.map((issue) => issue.path)).toEqual([
      'validFrom',
      `${C0}.rule.measure.topics[1]`,
      `${C0}.rule.measure.languages[0]`,
    ]);
    expect(result.warnings[1]!.message).toContain('Chủ đề "du_lich" không có trong danh mục chủ đề quốc gia');
  });
});

describe('measures over several sources', () => {
  const withMeasure = (measure: Json) =>
    parse(framework([criterion('1.1', { rule: { type: 'count', measure, threshold: 2 } })]));

  it('accepts a list of sources and eachVersion, and names a wrong one', () => {
    const listed = withMeasure({
      source: ['posts', 'press_issues'],
      ethnicLanguagesOnly: true,
      eachVersion: true,
    });
    expect(listed.errors).toEqual([]);
    expect(listed.warnings).toEqual([]);
    const rule = listed.framework!.pillars[0]!.indices[0]!.criteria[0]!.rule;
    expect(rule).toMatchObject({ measure: { source: ['posts', 'press_issues'], eachVersion: true } });

    expect(errorAt(withMeasure({ source: [] }), `${C0}.rule.measure.source`).message).toContain('source');
    expect(
      errorAt(withMeasure({ source: ['posts', 'blogs'] }), `${C0}.rule.measure.source`).message,
    ).toContain('posts, broadcasts, press_issues, banners');
    // A filter of one kind is fine when that kind is in the list.
    expect(withMeasure({ source: ['banners', 'posts'], verifiedOnly: true }).warnings).toEqual([]);
    expect(withMeasure({ source: ['posts', 'press_issues'], verifiedOnly: true }).warnings[0]!.message).toBe(
      'verifiedOnly chỉ có nghĩa với source: banners.',
    );
  });

  it('counts the same records under one key whatever the order, and one source as itself', () => {
    expect(measureKey({ source: ['press_issues', 'posts'] })).toBe(
      measureKey({ source: ['posts', 'press_issues'] }),
    );
    expect(measureKey({ source: ['posts'] })).toBe(measureKey({ source: 'posts' }));
    expect(measureKey({ source: 'posts', eachVersion: true })).not.toBe(measureKey({ source: 'posts' }));
  });
});

describe('built-in frameworks, the template and the guide', () => {
  const files = fs.readdirSync(FRAMEWORKS_DIR).filter((name) => /\.ya?ml$/.test(name));

  it('ships the Kon Tum and Đắk Nông frameworks and the template', () => {
    expect(files.sort()).toEqual(['daknong-2022-duties.yaml', 'kontum-780.yaml', 'template.yaml']);
    expect(files.filter(isBuiltinFrameworkFile).sort()).toEqual([
      'daknong-2022-duties.yaml',
      'kontum-780.yaml',
    ]);
  });

  for (const name of files) {
    it(`${name} validates without errors or warnings`, () => {
      const result = parseFrameworkFile(fs.readFileSync(path.join(FRAMEWORKS_DIR, name)), { fileName: name });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    });
  }

  it('scores QĐ 780 criteria 1.5–1.7 for districts and 1.4–1.5 for communes', () => {
    const kontum = parseFrameworkFile(fs.readFileSync(path.join(FRAMEWORKS_DIR, 'kontum-780.yaml')))
      .framework!;
    expect(kontum).toMatchObject({ code: 'kontum-780', validFrom: '2023-01-01', rollUpPredecessors: true });
    expect(kontum.legalBasis).toContain('780/QĐ-UBND ngày 02/12/2022');
    const kinds = Object.fromEntries(summarizeKinds(kontum).map((kind) => [kind.kind, kind]));
    expect(kinds.former_district).toMatchObject({ codes: ['1.5', '1.6', '1.7'], total: 30 });
    expect(kinds.commune).toMatchObject({ codes: ['1.4', '1.5'], total: 40 });
    expect(kinds.ward?.total).toBe(40);
    expect(kontum.pillars[0]!.indices[0]!.title).toBe('Nhận thức số');
  });

  it('turns the Đắk Nông letter into a checklist per unit kind, 10 points a duty', () => {
    const daknong = parseFrameworkFile(fs.readFileSync(path.join(FRAMEWORKS_DIR, 'daknong-2022-duties.yaml')))
      .framework!;
    expect(daknong.validFrom).toBe('2022-01-01');
    const totals = Object.fromEntries(summarizeKinds(daknong).map((kind) => [kind.kind, kind.total]));
    expect(totals).toEqual({
      press_agency: 40,
      department: 30,
      former_district: 40,
      culture_centre: 10,
      commune: 10,
      ward: 10,
    });
    const criteria = daknong.pillars.flatMap((pillar) => pillar.indices.flatMap((index) => index.criteria));
    expect(criteria.every((item) => item.max === 10)).toBe(true);
    expect(criteria.find((item) => item.code === '1.2')!.rule).toMatchObject({
      type: 'minimum_each',
      every: 'month',
      atLeast: 2,
    });
    expect(criteria.find((item) => item.code === '3.1')!.rule).toMatchObject({
      type: 'minimum_each',
      every: 'week',
    });
  });

  it('the template uses every rule type', () => {
    const template = parseFrameworkFile(fs.readFileSync(path.join(FRAMEWORKS_DIR, 'template.yaml')))
      .framework!;
    const types = new Set<string>();
    const visit = (rule: { type: string; parts?: Array<{ rule: never }>; rules?: never[] }) => {
      types.add(rule.type);
      for (const part of rule.parts ?? []) visit(part.rule);
      for (const inner of rule.rules ?? []) visit(inner);
    };
    for (const pillar of template.pillars)
      for (const index of pillar.indices) for (const item of index.criteria) visit(item.rule as never);
    expect([...types].sort()).toEqual([
      'all_of',
      'any_of',
      'boolean',
      'choice',
      'count',
      'frequency',
      'ladder',
      'manual',
      'minimum_each',
      'ratio',
      'sum',
    ]);
  });

  it('a framework written from the guide alone validates and scores', () => {
    const result = parseFrameworkFile(fs.readFileSync(GUIDE_FIXTURE), {
      fileName: 'written-from-guide.yaml',
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const spec = result.framework!;
    expect(spec.period).toBe('quarter');

    // A commune in the first quarter of 2026: 7 posts, a radio programme with a broadcast every
    // week, policy posts, ethnic-language broadcasts twice in two months of three.
    const period = parsePeriod('quarter', '2026-Q1')!;
    const days = (list: string[]) =>
      createDaySeries(
        list.map(toEpochDay),
        list.map(() => 1),
      );
    const weekly = Array.from({ length: 13 }, (_, week) => {
      const day = new Date(Date.UTC(2026, 0, 2 + week * 7));
      return day.toISOString().slice(0, 10);
    });
    const series = (measure: MeasureSpec) => {
      if (measure.ethnicLanguagesOnly) return days(['2026-01-05', '2026-01-20', '2026-02-03', '2026-02-17']);
      if (measure.source === 'posts')
        return measure.topics ? days(['2026-01-10', '2026-02-10', '2026-03-10']) : days(weekly.slice(0, 7));
      if (measure.source === 'broadcasts') return measure.topics ? EMPTY_SERIES : days(weekly);
      return EMPTY_SERIES;
    };
    const facts = {
      window: { period, activeFrom: period.from, through: period.to },
      series,
      channels: () => [
        { name: 'Chuyên mục CĐS', kind: 'radio_programme', startedOn: '2025-08-01', endedOn: null },
      ],
    };
    const entries = new Map<string, CriterionEntry>([
      ['A1.2', { inputs: { thon_co_loa: 9, tong_so_thon: 12 } }],
      ['A1.3', { inputs: { cam_nang: 'mot_phan' } }],
      ['A2.1', { inputs: {}, manualScore: 4 }],
    ]);
    const commune = evaluateUnit(spec, 'commune', facts, entries);
    const scores = Object.fromEntries(commune.criteria.map((item) => [item.code, item.score]));
    expect(scores).toEqual({
      'A1.1': 8, // 7 posts: the step "from 6"
      'A1.2': 7.5, // 9 of 12 villages
      'A1.3': 2.5, // half
      'A1.4': 15, // programme 5 + every week 10
      'A1.5': 5, // 3 policy posts
      'A1.6': 5, // 2 of 3 months with 2 ethnic-language broadcasts
      'A2.1': 4,
    });
    expect(commune).toMatchObject({ score: 47, max: 60 });
    expect(evaluateUnit(spec, 'ward', facts, entries).max).toBe(50);
  });

  it('keeps docs/framework.schema.json in step with the schema (npm run framework:schema)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'framework.schema.json'), 'utf8'));
    expect(committed).toEqual(frameworkJsonSchema());
    expect(committed).toMatchObject({ $id: expect.any(String), title: expect.any(String) });
  });
});

describe('versioning rules', () => {
  const stored = (version: string, validFrom: string, validTo: string | null, sha256 = version) =>
    ({ id: version, code: 'x', version, validFrom, validTo, sha256 }) as FrameworkHeader;
  const file = (version: string, validFrom: string, sha256 = version) => ({
    code: 'x',
    version,
    validFrom,
    sha256,
  });

  it('recognises the same file, refuses changed content and versions out of order', () => {
    const existing = [stored('2023', '2023-01-01', null), stored('2024', '2024-01-01', '2024-12-31')];
    expect(decideVersion(existing, file('2023', '2023-01-01'))).toMatchObject({ status: 'unchanged' });
    expect(decideVersion(existing, file('2023', '2023-01-01', 'other'))).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('tăng version'),
    });
    expect(decideVersion(existing, file('2023b', '2023-06-01'))).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('hiệu lực từ 01/01/2024'),
    });
    expect(decideVersion(existing, file('2024b', '2024-07-01'))).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('còn hiệu lực đến 31/12/2024'),
    });
    expect(decideVersion(existing, file('2025', '2025-01-01'))).toEqual({ status: 'new' });
    expect(frameworkFileHash('a')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('picks the version in force for a period: valid on one of its days, latest validFrom', () => {
    const versions = [stored('2023', '2023-01-01', null), stored('2025', '2025-01-01', null)];
    const year = (key: string) => parsePeriod('year', key)!;
    expect(pickVersionForPeriod(versions, year('2022'))).toBeNull();
    expect(pickVersionForPeriod(versions, year('2024'))?.version).toBe('2023');
    expect(pickVersionForPeriod(versions, year('2025'))?.version).toBe('2025');
    expect(pickVersionForPeriod([stored('a', '2023-01-01', '2023-06-30')], year('2024'))).toBeNull();
  });
});

describe('stored frameworks: import, built-ins, API and command line', () => {
  let ctx: TestContext;
  let officer: Session;
  let dxOffice: Session;
  let tempDir: string;
  const db = () => ctx.database.db;

  beforeAll(async () => {
    ctx = await createTestApp();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-frameworks-'));
    const province = await createUnit(db(), { kind: 'province', name: 'Tỉnh Thử' });
    const commune = await createUnit(db(), { parentId: province, name: 'Xã Thử' });
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: commune }])).session;
    dxOffice = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }])).session;
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  const versionFile = (code: string, version: string, validFrom: string, extra: Json = {}) =>
    stringify(framework([criterion('1.1')], { code, version, validFrom, ...extra }));
  const store = (text: string) =>
    storeFrameworkFile({ db: db(), actor: TEST_ACTOR, fileName: 'bo.yaml', content: text, isBuiltin: false });

  async function auditOf(frameworkId: string) {
    return db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'framework.import'), eq(auditLog.entityId, frameworkId)));
  }

  it('stores a version once, audited; the same file again changes nothing', async () => {
    const text = versionFile('ver-a', '2023', '2023-01-01');
    const first = await store(text);
    expect(first).toMatchObject({
      status: 'created',
      framework: { code: 'ver-a', version: '2023', isBuiltin: false },
    });
    const [row] = await db().select().from(frameworks).where(eq(frameworks.id, first.framework.id));
    expect(row).toMatchObject({ sourceText: text, sourceFormat: 'yaml', sha256: frameworkFileHash(text) });
    expect(row!.definition.pillars[0]!.indices[0]!.criteria[0]!.code).toBe('1.1');
    const entries = await auditOf(first.framework.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorLabel: 'test', entityType: 'framework' });
    expect(entries[0]!.summary).toContain('ver-a, phiên bản "2023"');

    const again = await store(text);
    expect(again).toMatchObject({ status: 'unchanged', framework: { id: first.framework.id } });
    expect(again.message).toContain('Đã có');
    expect(await auditOf(first.framework.id)).toHaveLength(1);
  });

  it('refuses changed content under the same version, and versions that overlap in validity', async () => {
    await store(versionFile('ver-b', '2023', '2023-01-01', { validTo: '2024-06-30' }));
    const conflict = async (text: string) => {
      const error = await store(text).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFLICT');
      return (error as AppError).message;
    };
    expect(await conflict(versionFile('ver-b', '2023', '2023-01-01', { name: 'Tên khác' }))).toContain(
      'tăng version',
    );
    expect(await conflict(versionFile('ver-b', '2022', '2022-01-01'))).toContain(
      'phải có validFrom sau ngày đó',
    );
    expect(await conflict(versionFile('ver-b', '2024', '2024-01-01'))).toContain(
      'còn hiệu lực đến 30/06/2024',
    );
    expect(await store(versionFile('ver-b', '2024.2', '2024-07-01'))).toMatchObject({ status: 'created' });
    expect(await db().select().from(frameworks).where(eq(frameworks.code, 'ver-b'))).toHaveLength(2);
  });

  it('finds the version in force for a period, so a new year leaves the old one to earlier years', async () => {
    await store(versionFile('ver-c', '2023', '2023-01-01'));
    await store(versionFile('ver-c', '2025', '2025-01-01'));
    const version = async (key: string) =>
      (await getFrameworkForPeriod({ db: db(), code: 'ver-c', period: parsePeriod('year', key)! })).version;
    expect(await version('2024')).toBe('2023');
    expect(await version('2025')).toBe('2025');
    await expect(
      getFrameworkForPeriod({ db: db(), code: 'ver-c', period: parsePeriod('year', '2022')! }),
    ).rejects.toThrow('không có phiên bản nào hiệu lực trong năm 2022');
    await expect(
      getFrameworkForPeriod({ db: db(), code: 'khong-co', period: parsePeriod('year', '2022')! }),
    ).rejects.toThrow('Không có bộ chỉ số mã khong-co');
  });

  it('imports the built-in files once, as built-ins audited by "system", and reports what it skipped', async () => {
    const first = await ensureBuiltinFrameworks(ctx.database);
    expect(first).toEqual({
      imported: ['daknong-2022-tuyen-truyen-cds 2022', 'kontum-780 2023'],
      unchanged: [],
      skipped: [],
    });
    const second = await ensureBuiltinFrameworks(db());
    expect(second.imported).toEqual([]);
    expect(second.unchanged).toHaveLength(2);
    const [kontum] = await db().select().from(frameworks).where(eq(frameworks.code, 'kontum-780'));
    expect(kontum).toMatchObject({ isBuiltin: true, importedBy: null, version: '2023' });
    expect((await auditOf(kontum!.id))[0]?.actorLabel).toBe('system');
    expect(await db().select().from(frameworks).where(eq(frameworks.code, 'mau-bo-chi-so'))).toEqual([]);

    // A changed built-in file under the same version is skipped with the reason, not fatal.
    const dir = path.join(tempDir, 'builtins');
    fs.mkdirSync(dir);
    const changed = fs
      .readFileSync(path.join(FRAMEWORKS_DIR, 'kontum-780.yaml'), 'utf8')
      .replace('issuingBody: Ủy ban nhân dân tỉnh Kon Tum', 'issuingBody: UBND tỉnh Kon Tum');
    fs.writeFileSync(path.join(dir, 'kontum-780.yaml'), changed);
    fs.writeFileSync(path.join(dir, 'hong.yaml'), 'code: hong\n');
    const skipped = await ensureBuiltinFrameworks(db(), { dir });
    expect(skipped.imported).toEqual([]);
    expect(skipped.skipped.map((entry) => entry.fileName)).toEqual(['hong.yaml', 'kontum-780.yaml']);
    expect(skipped.skipped[0]!.reason).toContain('dòng 1');
    expect(skipped.skipped[1]!.reason).toContain('tăng version');
  });

  describe('API', () => {
    const upload = (session: Session, url: string, text: string) =>
      session.request({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(text),
      });

    it('lists every version to anyone signed in, and says who may import', async () => {
      const asOfficer = await officer.get('/api/frameworks');
      expect(asOfficer.statusCode).toBe(200);
      const list = asOfficer.json<FrameworkListDto>();
      expect(list.canManage).toBe(false);
      const kontum = list.items.find((item) => item.code === 'kontum-780');
      expect(kontum).toMatchObject({
        version: '2023',
        periodKind: 'year',
        isBuiltin: true,
        importedBy: null,
        criteriaCount: 5,
      });
      expect(kontum!.kinds.find((kind) => kind.kind === 'commune')).toMatchObject({ total: 40 });
      const verC = list.items.filter((item) => item.code === 'ver-c').map((item) => item.version);
      expect(verC).toEqual(['2025', '2023']);
      expect((await dxOffice.get('/api/frameworks')).json<FrameworkListDto>().canManage).toBe(true);
      expect((await ctx.app.inject({ method: 'GET', url: '/api/frameworks' })).statusCode).toBe(401);
    });

    it('reads one version with its definition and source text; unknown ids are not found', async () => {
      const list = (await officer.get('/api/frameworks')).json<FrameworkListDto>();
      const id = list.items.find((item) => item.code === 'kontum-780')!.id;
      const response = await officer.get(`/api/frameworks/${id}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json<FrameworkDetailDto>();
      expect(detail.sourceText).toBe(fs.readFileSync(path.join(FRAMEWORKS_DIR, 'kontum-780.yaml'), 'utf8'));
      expect(detail.definition.totals).toEqual({
        former_district: 30,
        commune: 40,
        ward: 40,
        special_zone: 40,
      });
      for (const url of [
        '/api/frameworks/00000000-0000-4000-8000-000000000000',
        '/api/frameworks/khong-phai-id',
      ]) {
        const missing = await officer.get(url);
        expect(missing.statusCode).toBe(404);
        expect(missing.json<ErrorBody>().code).toBe('NOT_FOUND');
      }
    });

    it('validates an upload without storing it, with lines, totals and what importing would do', async () => {
      const text = versionFile('ver-api', '1', '2024-01-01');
      const valid = await upload(officer, '/api/frameworks/validate?fileName=bo.yaml', text);
      expect(valid.statusCode).toBe(200);
      expect(valid.json<FrameworkValidationDto>()).toMatchObject({
        valid: true,
        format: 'yaml',
        errors: [],
        framework: { code: 'ver-api', kinds: [{ kind: 'commune', total: 10 }] },
        importCheck: { status: 'new' },
      });
      const broken = text.replace('threshold: 5', 'threshold: 0');
      const invalid = (
        await upload(officer, '/api/frameworks/validate', broken)
      ).json<FrameworkValidationDto>();
      expect(invalid).toMatchObject({ valid: false, framework: null, importCheck: null });
      expect(invalid.errors).toEqual([
        {
          path: `${C0}.rule.threshold`,
          line: lineOf(broken, 'threshold: 0'),
          column: expect.any(Number),
          message: 'Ít nhất là 1.',
        },
      ]);
      expect(await db().select().from(frameworks).where(eq(frameworks.code, 'ver-api'))).toEqual([]);
    });

    it('imports for a DX office, refuses an officer, and answers errors by line and conflicts with 409', async () => {
      const text = versionFile('ver-api', '1', '2024-01-01');
      const refused = await upload(officer, '/api/frameworks?fileName=bo.yaml', text);
      expect(refused.statusCode).toBe(403);

      const created = await upload(dxOffice, '/api/frameworks?fileName=bo.yaml', text);
      expect(created.statusCode, created.body).toBe(200);
      const result = created.json<FrameworkImportResultDto>();
      expect(result).toMatchObject({ status: 'created', framework: { code: 'ver-api', isBuiltin: false } });
      expect(result.framework.importedBy).toMatch(/^u/);
      const [entry] = await auditOf(result.framework.id);
      expect(entry?.actorLabel).toBe(result.framework.importedBy);

      const again = await upload(dxOffice, '/api/frameworks?fileName=bo.yaml', text);
      expect(again.json<FrameworkImportResultDto>().status).toBe('unchanged');

      const changed = await upload(
        dxOffice,
        '/api/frameworks',
        text.replace('Bộ chỉ số thử nghiệm', 'Tên mới'),
      );
      expect(changed.statusCode).toBe(409);
      expect(changed.json<ErrorBody>().code).toBe('CONFLICT');

      const broken = text.replace('threshold: 5', 'threshold: 0').replace('code: ver-api', 'code: ver-api-2');
      const invalid = await upload(dxOffice, '/api/frameworks', broken);
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json<ErrorBody>()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: `${C0}.rule.threshold`, row: lineOf(broken, 'threshold: 0'), message: 'Ít nhất là 1.' },
        ],
      });

      const empty = await dxOffice.request({ method: 'POST', url: '/api/frameworks', payload: {} });
      expect(empty.statusCode).toBe(400);
    });
  });

  describe('command line', () => {
    function collector() {
      let text = '';
      return { write: (chunk: string) => (text += chunk), text: () => text };
    }
    async function cli(argv: string[]) {
      const stdout = collector();
      const stderr = collector();
      const code = await runCli(argv, { database: ctx.database as Database, stdout, stderr });
      return { code, out: stdout.text(), err: stderr.text() };
    }
    function tempFile(name: string, content: string): string {
      const file = path.join(tempDir, name);
      fs.writeFileSync(file, content);
      return file;
    }

    it('validates a file: the summary per unit kind, or every error with its line and column', async () => {
      const valid = await cli(['framework', 'validate', path.join(FRAMEWORKS_DIR, 'template.yaml')]);
      expect(valid).toMatchObject({ code: 0, err: '' });
      expect(valid.out).toContain('Tệp template.yaml hợp lệ (YAML).');
      expect(valid.out).toMatch(/Xã \(commune\)\s+12 tiêu chí\s+100 điểm/);
      expect(valid.out).toContain('Nhập vào cơ sở dữ liệu: Có thể nhập: bộ chỉ số mới mau-bo-chi-so');

      const broken = tempFile(
        'hong.yaml',
        versionFile('cli-a', '1', '2024-01-01').replace('threshold: 5', 'threshold: 0'),
      );
      const invalid = await cli(['framework', 'validate', broken]);
      expect(invalid.code).toBe(1);
      expect(invalid.err).toContain('Lỗi: Tệp hong.yaml có 1 lỗi: chưa hợp lệ, chưa nhập gì.');
      const line = lineOf(fs.readFileSync(broken, 'utf8'), 'threshold: 0');
      expect(invalid.err).toMatch(
        new RegExp(
          `dòng ${line}, cột \\d+: ${C0.replace(/[[\]]/g, '\\$&')}\\.rule\\.threshold: Ít nhất là 1\\.`,
        ),
      );
    });

    it('imports a file as the CLI, once; usage mistakes exit 2', async () => {
      const file = tempFile('cli-b.yaml', versionFile('cli-b', '1', '2024-01-01'));
      const first = await cli(['framework', 'import', file]);
      expect(first.err).toBe('');
      expect(first).toMatchObject({ code: 0 });
      expect(first.out).toContain('Đã nhập bộ chỉ số cli-b, phiên bản "1"');
      expect(first.out).toMatch(/Xã \(commune\)\s+1 tiêu chí\s+10 điểm/);
      const [row] = await db().select().from(frameworks).where(eq(frameworks.code, 'cli-b'));
      expect((await auditOf(row!.id))[0]?.actorLabel).toBe('cli');
      expect((await cli(['framework', 'import', file])).out).toContain('Đã có bộ chỉ số cli-b');

      const badAction = await cli(['framework', 'delete', file]);
      expect(badAction.code).toBe(2);
      expect(badAction.err).toContain('dùng validate hoặc import');
      expect((await cli(['framework', 'validate', path.join(tempDir, 'khong-co.yaml')])).code).toBe(2);
      expect((await cli(['--help'])).out).toContain('framework <validate|import> <file>');
    });
  });
});

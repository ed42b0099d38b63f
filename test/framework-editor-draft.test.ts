import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrameworkFile } from '../src/server/frameworks/parse-framework-file';
import type { FrameworkSpec } from '../src/shared/frameworks/definition';
import { describeIssuePath } from '../src/web/pages/frameworks/editor/describe-path';
import {
  changeRuleType,
  definitionToDraft,
  draftToDefinition,
  emptyCriterion,
  findCriterionPlace,
  measureSourceList,
  moveCriterionToIndex,
  nextCode,
  sourceValueOf,
} from '../src/web/pages/frameworks/editor/draft';
import { definitionToYaml } from '../src/web/pages/frameworks/editor/framework-yaml';
import { nextPeriodStart, proposeNewVersion } from '../src/web/pages/frameworks/editor/new-version';

const FRAMEWORKS_DIR = path.resolve(import.meta.dirname, '..', 'frameworks');
const FILES = fs.readdirSync(FRAMEWORKS_DIR).filter((name) => /\.ya?ml$/.test(name));

function builtin(fileName: string): FrameworkSpec {
  const parsed = parseFrameworkFile(fs.readFileSync(path.join(FRAMEWORKS_DIR, fileName)), { fileName });
  expect(parsed.errors).toEqual([]);
  return parsed.framework!;
}

describe('framework editor: definition ↔ form', () => {
  it.each(FILES)('%s goes through the form and back to the same definition', (fileName) => {
    const definition = builtin(fileName);
    const back = draftToDefinition(definitionToDraft(definition));
    // The file the editor writes parses, passes every check, and holds the same definition.
    const reparsed = parseFrameworkFile(definitionToYaml(back), { fileName: 'editor.yaml' });
    expect(reparsed.errors).toEqual([]);
    expect(reparsed.framework).toEqual(definition);
  });

  it('writes codes and versions that look like numbers in quotes, and short lists on one line', () => {
    const text = definitionToYaml(draftToDefinition(definitionToDraft(builtin('kontum-780.yaml'))));
    expect(text).toContain('version: "2023"');
    expect(text).toContain('code: "1.5"');
    expect(text).toContain('appliesTo: [ former_district, commune, ward, special_zone ]');
    expect(text).toContain('measure: { source: posts }');
  });

  it('leaves out what is empty and keeps what is wrong, for the server to name', () => {
    const draft = definitionToDraft(builtin('kontum-780.yaml'));
    const criteria = draft.pillars[0]!.indices[0]!.criteria;
    criteria[0]!.max = null;
    criteria[0]!.hint = '  ';
    criteria.push(emptyCriterion('1.8'));
    const parsed = parseFrameworkFile(definitionToYaml(draftToDefinition(draft)), { fileName: 'x.yaml' });
    const paths = parsed.errors.map((issue) => issue.path);
    expect(paths).toContain('pillars[0].indices[0].criteria[0].max');
    expect(paths).toContain('pillars[0].indices[0].criteria[5].title');
    expect(paths).toContain('pillars[0].indices[0].criteria[5].max');
  });

  it('writes any text the officer types so that it reads back the same, composed (NFC)', () => {
    const draft = definitionToDraft(builtin('kontum-780.yaml'));
    const criterion = draft.pillars[0]!.indices[0]!.criteria[0]!;
    const tricky = [
      'null',
      'yes',
      '- gạch đầu dòng',
      '# không phải ghi chú',
      'Ghi chú: "thực hiện đầy đủ" là…',
      'Tổng số thôn, tổ dân phố { a: b } [c]',
      'Dòng một\nDòng hai',
      '  khoảng trắng hai đầu  ',
    ];
    criterion.code = '1.10';
    criterion.hint = tricky.join(' | ');
    criterion.evidence = 'Đường dẫn chuyên mục'.normalize('NFD');
    criterion.title = tricky[6]!;
    const parsed = parseFrameworkFile(definitionToYaml(draftToDefinition(draft)), { fileName: 'x.yaml' });
    expect(parsed.errors).toEqual([]);
    const back = parsed.framework!.pillars[0]!.indices[0]!.criteria[0]!;
    expect(back.code).toBe('1.10');
    expect(back.hint).toBe(tricky.join(' | ').trim());
    expect(back.title).toBe(tricky[6]);
    expect(back.evidence).toBe('Đường dẫn chuyên mục'.normalize('NFC'));
  });

  it('keeps the fields of each rule type when the type changes back and forth', () => {
    const draft = definitionToDraft(builtin('kontum-780.yaml'));
    const rule = draft.pillars[0]!.indices[0]!.criteria[1]!.rule;
    expect(rule.source).toBe('channel');
    const asCount = changeRuleType(rule, 'count');
    expect(asCount.source).toBe('measure');
    expect(changeRuleType(asCount, 'boolean').channel).toEqual({ channelKinds: ['radio_programme'] });
  });

  it('proposes the next code after the last one', () => {
    expect(nextCode(['1.4', '1.5'])).toBe('1.6');
    expect(nextCode(['1.9', '1.10'])).toBe('1.11');
    expect(nextCode(['I'])).toBe('');
    expect(nextCode([])).toBe('');
    expect(nextCode(['2', '3', '4'])).toBe('5');
  });
});

describe('framework editor: the proposed new version', () => {
  const versions = [{ version: '2023', validFrom: '2023-01-01', validTo: null }];

  it('starts the next scoring period after today and after every stored version', () => {
    expect(proposeNewVersion({ period: 'year', versions, today: '2026-12-31' })).toEqual({
      version: '2027',
      validFrom: '2027-01-01',
    });
    expect(proposeNewVersion({ period: 'year', versions, today: '2027-01-01' })).toEqual({
      version: '2028',
      validFrom: '2028-01-01',
    });
    // ISO week 53 of 2026 ends on 03/01/2027: still next year's start from 28/12/2026.
    expect(proposeNewVersion({ period: 'year', versions, today: '2026-12-28' }).validFrom).toBe('2027-01-01');
    const later = [...versions, { version: '2030', validFrom: '2030-01-01', validTo: '2030-12-31' }];
    expect(proposeNewVersion({ period: 'year', versions: later, today: '2026-06-15' })).toEqual({
      version: '2031',
      validFrom: '2031-01-01',
    });
  });

  it('follows the scoring period and never reuses a stored version code', () => {
    expect(nextPeriodStart('2026-12-06', 'quarter')).toBe('2027-01-01');
    expect(nextPeriodStart('2026-05-31', 'half_year')).toBe('2026-07-01');
    expect(nextPeriodStart('2026-02-28', 'month')).toBe('2026-03-01');
    const taken = [{ version: '2027', validFrom: '2026-01-01', validTo: null }];
    expect(proposeNewVersion({ period: 'year', versions: taken, today: '2026-03-01' }).version).toBe(
      '2027-2',
    );
    expect(proposeNewVersion({ period: 'quarter', versions: [], today: '2026-03-01' }).version).toBe(
      '2026.04',
    );
  });
});

describe('framework editor: where a problem is, in words', () => {
  const names = {
    criterion: (code: string) => `tiêu chí ${code}`,
    index: (code: string) => `Chỉ số ${code}`,
    pillar: (code: string) => `Trụ cột ${code}`,
    field: (key: string) => ({ totals: 'Tổng điểm theo loại đơn vị' })[key] ?? null,
    kind: (kind: string) => ({ former_district: 'Huyện (cũ)' })[kind] ?? kind,
  };

  it('names the criterion, index or field instead of positions in the tree', () => {
    const draft = definitionToDraft(builtin('kontum-780.yaml'));
    expect(describeIssuePath(draft, 'pillars[0].indices[0].criteria[2].rule.tiers[1].fraction', names)).toBe(
      'tiêu chí 1.7 › rule.tiers[1].fraction',
    );
    expect(describeIssuePath(draft, 'pillars[0].indices[0].code', names)).toBe('Chỉ số 1 › code');
    expect(describeIssuePath(draft, 'pillars[0]', names)).toBe('Trụ cột CDS');
    expect(describeIssuePath(draft, 'totals.former_district', names)).toBe(
      'Tổng điểm theo loại đơn vị › Huyện (cũ)',
    );
    expect(describeIssuePath(draft, 'rollUpPredecessors', names)).toBe('rollUpPredecessors');
  });
});

describe('framework editor: measures over several kinds, each version apart, moving a criterion', () => {
  const reparse = (draft: ReturnType<typeof definitionToDraft>) => {
    const parsed = parseFrameworkFile(definitionToYaml(draftToDefinition(draft)), {
      fileName: 'editor.yaml',
    });
    expect(parsed.errors).toEqual([]);
    return parsed.framework!;
  };
  const criteriaOf = (spec: FrameworkSpec) =>
    spec.pillars.flatMap((pillar) =>
      pillar.indices.map((index) => [index.code, index.criteria.map((criterion) => criterion.code)] as const),
    );

  it('writes one kind as a word and several as a list counted together, with eachVersion', () => {
    expect(sourceValueOf(['posts'])).toBe('posts');
    expect(sourceValueOf(['posts', 'press_issues'])).toEqual(['posts', 'press_issues']);
    expect(measureSourceList({ source: 'posts' })).toEqual(['posts']);
    expect(measureSourceList({ source: ['posts', 'press_issues'] })).toEqual(['posts', 'press_issues']);
    expect(measureSourceList({})).toEqual([]);

    const draft = definitionToDraft(builtin('kontum-780.yaml'));
    const criterion = draft.pillars
      .flatMap((pillar) => pillar.indices.flatMap((index) => index.criteria))
      .find((item) => item.rule.type === 'count' || item.rule.type === 'frequency')!;
    // What the form does when the officer picks two kinds and ticks "each language version".
    criterion.rule.measure = {
      ...criterion.rule.measure,
      source: sourceValueOf(['posts', 'press_issues']),
      eachVersion: true,
    };
    criterion.rule.source = 'measure';
    const text = definitionToYaml(draftToDefinition(draft));
    expect(text).toContain('source: [ posts, press_issues ]');
    expect(text).toContain('eachVersion: true');
    const spec = reparse(draft);
    const written = spec.pillars
      .flatMap((pillar) => pillar.indices.flatMap((index) => index.criteria))
      .find((item) => item.code === criterion.code)!;
    expect(written.rule).toMatchObject({ measure: { source: ['posts', 'press_issues'], eachVersion: true } });
    // And back into the form, the two kinds are two choices again.
    const again = definitionToDraft(spec)
      .pillars.flatMap((pillar) => pillar.indices.flatMap((index) => index.criteria))
      .find((item) => item.code === criterion.code)!;
    expect(measureSourceList(again.rule.measure)).toEqual(['posts', 'press_issues']);
  });

  it('moves a criterion to another index, of another pillar too, keeping its rule', () => {
    // The built-in framework with the most indices.
    const [richest] = FILES.map((fileName) => builtin(fileName)).sort(
      (a, b) =>
        b.pillars.flatMap((pillar) => pillar.indices).length -
        a.pillars.flatMap((pillar) => pillar.indices).length,
    );
    const draft = definitionToDraft(richest!);
    const indices = draft.pillars.flatMap((pillar) => pillar.indices);
    expect(indices.length).toBeGreaterThan(1);
    const from = indices[0]!;
    const to = indices.at(-1)!;
    const moving = from.criteria[0]!;
    const before = criteriaOf(reparse(draft));

    const moved = moveCriterionToIndex(draft, moving.uid, to.uid);
    expect(findCriterionPlace(moved, moving.uid)).toMatchObject({ pillar: draft.pillars.length - 1 });
    const after = criteriaOf(reparse(moved));
    const codesAt = (list: typeof after, code: string) => list.find(([index]) => index === code)![1];
    expect(codesAt(after, from.code)).toEqual(codesAt(before, from.code).filter((c) => c !== moving.code));
    expect(codesAt(after, to.code)).toEqual([...codesAt(before, to.code), moving.code]);
    expect(draftToDefinition(moved)).not.toEqual(draftToDefinition(draft));
    // Unknown targets and the criterion's own index change nothing.
    expect(moveCriterionToIndex(draft, moving.uid, 'nowhere')).toBe(draft);
    expect(moveCriterionToIndex(draft, moving.uid, from.uid)).toBe(draft);
  });
});

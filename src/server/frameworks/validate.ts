import { DEFAULT_LANGUAGES, DEFAULT_TOPICS } from '../../shared/activities';
import { formatVnDate } from '../../shared/dates';
import {
  type CriterionSpec,
  type FrameworkSpec,
  type FrequencyTier,
  type InputSpec,
  type MeasureSpec,
  measureSources,
  type RuleSpec,
} from '../../shared/frameworks/definition';
import { UNIT_KIND_LABELS, type UnitKind } from '../../shared/units';
import { periodContaining } from '../scoring/periods';
import { formatPath, type TreeIssue } from './issues';

/**
 * The checks a schema cannot make: they look across the tree (codes, totals, inputs a rule refers
 * to) or at the sense of numbers (ladders that go down, tiers out of order). Errors stop an import;
 * warnings are shown but let the file in (a topic a province added to its own list, say).
 */

type Path = ReadonlyArray<string | number>;

export interface FrameworkCheck {
  errors: TreeIssue[];
  warnings: TreeIssue[];
}

/** The unit kinds a criterion scores: its own list, or the framework's. */
export function criterionKinds(framework: FrameworkSpec, criterion: CriterionSpec): readonly UnitKind[] {
  return criterion.appliesTo ?? framework.appliesTo;
}

/** Every criterion with its path in the tree, in file order. */
export function criteriaWithPaths(
  framework: FrameworkSpec,
): Array<{ criterion: CriterionSpec; path: Path; pillarCode: string; indexCode: string }> {
  return framework.pillars.flatMap((pillar, p) =>
    pillar.indices.flatMap((index, i) =>
      index.criteria.map((criterion, c) => ({
        criterion,
        path: ['pillars', p, 'indices', i, 'criteria', c] as Path,
        pillarCode: pillar.code,
        indexCode: index.code,
      })),
    ),
  );
}

/** The sum of the maxima of the criteria that apply to a unit kind. */
export function maxTotalFor(framework: FrameworkSpec, kind: UnitKind): number {
  return round(
    criteriaWithPaths(framework)
      .filter(({ criterion }) => criterionKinds(framework, criterion).includes(kind))
      .reduce((sum, { criterion }) => sum + criterion.max, 0),
  );
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const kindName = (kind: UnitKind) => `${UNIT_KIND_LABELS[kind].vi} (${kind})`;
const KNOWN_TOPICS = new Set(DEFAULT_TOPICS.map((topic) => topic.code));
const KNOWN_LANGUAGES = new Set(DEFAULT_LANGUAGES.map((language) => language.code));
const INPUT_TYPE_NAMES: Record<InputSpec['type'], string> = {
  number: 'số (number)',
  boolean: 'có/không (boolean)',
  choice: 'lựa chọn (choice)',
};

export function validateFramework(framework: FrameworkSpec): FrameworkCheck {
  const check: FrameworkCheck = { errors: [], warnings: [] };
  const error = (path: Path, message: string) => check.errors.push({ path, message });
  const warn = (path: Path, message: string) => check.warnings.push({ path, message });

  checkValidity(framework, error, warn);
  checkCodes(framework, error);
  checkKinds(framework, error);
  for (const { criterion, path } of criteriaWithPaths(framework)) {
    checkCriterion(framework, criterion, path, error, warn);
  }
  return check;
}

type Report = (path: Path, message: string) => void;

function checkValidity(framework: FrameworkSpec, error: Report, warn: Report) {
  if (framework.validTo !== undefined && framework.validTo < framework.validFrom)
    error(
      ['validTo'],
      `Ngày hết hiệu lực (${formatVnDate(framework.validTo)}) trước ngày hiệu lực (${formatVnDate(framework.validFrom)}).`,
    );
  const period = periodContaining(framework.period, framework.validFrom);
  if (period.from !== framework.validFrom)
    warn(
      ['validFrom'],
      `Ngày hiệu lực không phải ngày đầu kỳ chấm (${period.label} bắt đầu ${formatVnDate(period.from)}): phiên bản này được dùng cho cả kỳ đó.`,
    );
}

function checkCodes(framework: FrameworkSpec, error: Report) {
  const pillars = new Map<string, number>();
  const indices = new Map<string, Path>();
  framework.pillars.forEach((pillar, p) => {
    const first = pillars.get(pillar.code);
    if (first !== undefined)
      error(['pillars', p, 'code'], `Mã trụ cột "${pillar.code}" trùng với pillars[${first}].`);
    else pillars.set(pillar.code, p);
    pillar.indices.forEach((index, i) => {
      const path: Path = ['pillars', p, 'indices', i];
      const firstIndex = indices.get(index.code);
      if (firstIndex)
        error([...path, 'code'], `Mã chỉ số "${index.code}" trùng với ${formatPath(firstIndex)}.`);
      else indices.set(index.code, path);
    });
  });

  // Provinces number criteria per level (district 1.5 is not commune 1.5): a code may repeat only
  // between criteria that score different kinds of unit, so within one unit's assessment it is unique.
  const seen = new Map<string, Path>();
  for (const { criterion, path } of criteriaWithPaths(framework)) {
    for (const kind of new Set(criterionKinds(framework, criterion))) {
      const key = `${kind} ${criterion.code}`;
      const first = seen.get(key);
      if (first) {
        error(
          [...path, 'code'],
          `Mã tiêu chí "${criterion.code}" trùng với ${formatPath(first)}, cùng áp dụng cho ${kindName(kind)}. Hai tiêu chí chỉ được trùng mã khi áp dụng cho các loại đơn vị khác nhau.`,
        );
        break;
      }
      seen.set(key, path);
    }
  }
}

function checkKinds(framework: FrameworkSpec, error: Report) {
  const listed = new Set<UnitKind>();
  framework.appliesTo.forEach((kind, k) => {
    if (listed.has(kind)) error(['appliesTo', k], `Loại đơn vị ${kindName(kind)} ghi hai lần.`);
    listed.add(kind);
    if (maxTotalFor(framework, kind) === 0)
      error(['appliesTo', k], `Không có tiêu chí nào áp dụng cho ${kindName(kind)}.`);
  });
  for (const [kind, total] of Object.entries(framework.totals ?? {}) as Array<[UnitKind, number]>) {
    if (!listed.has(kind)) {
      error(['totals', kind], `${kindName(kind)} không có trong appliesTo của bộ chỉ số.`);
      continue;
    }
    const sum = maxTotalFor(framework, kind);
    if (Math.abs(sum - total) > 1e-6)
      error(
        ['totals', kind],
        `Tổng điểm của ${kindName(kind)} ghi ${total} nhưng điểm tối đa của các tiêu chí áp dụng cho loại này cộng lại là ${sum}.`,
      );
  }
}

function checkCriterion(
  framework: FrameworkSpec,
  criterion: CriterionSpec,
  path: Path,
  error: Report,
  warn: Report,
) {
  criterion.appliesTo?.forEach((kind, k) => {
    if (!framework.appliesTo.includes(kind))
      error(
        [...path, 'appliesTo', k],
        `${kindName(kind)} không có trong appliesTo của bộ chỉ số: thêm vào đó trước, hoặc bỏ khỏi tiêu chí.`,
      );
  });
  if (criterion.evidenceRequired && !criterion.evidence)
    warn(
      [...path, 'evidenceRequired'],
      'Tiêu chí bắt buộc minh chứng: nên mô tả minh chứng cần nộp trong evidence.',
    );
  if (criterion.rule.type === 'manual' && !criterion.evidenceRequired)
    warn([...path, 'rule'], 'Tiêu chí chấm tay nên bắt buộc minh chứng (evidenceRequired: true).');

  const inputs = checkInputs(criterion, path, error);
  const used = new Set<string>();
  checkRule(criterion.rule, {
    path: [...path, 'rule'],
    max: criterion.max,
    maxLabel: `điểm tối đa của tiêu chí (${criterion.max})`,
    nested: false,
    inputs,
    criterionCode: criterion.code,
    used,
    error,
    warn,
  });
  criterion.inputs?.forEach((input, i) => {
    if (!used.has(input.key))
      warn([...path, 'inputs', i, 'key'], `Khóa "${input.key}" được khai báo nhưng quy tắc không dùng đến.`);
  });
}

function checkInputs(criterion: CriterionSpec, path: Path, error: Report): Map<string, InputSpec> {
  const inputs = new Map<string, InputSpec>();
  criterion.inputs?.forEach((input, i) => {
    const at: Path = [...path, 'inputs', i];
    if (inputs.has(input.key)) error([...at, 'key'], `Khóa "${input.key}" khai báo hai lần.`);
    else inputs.set(input.key, input);
    if (input.type === 'choice' && !input.options)
      error(at, 'Đầu vào loại choice cần danh sách options (ít nhất hai lựa chọn).');
    if (input.type !== 'choice' && input.options)
      error([...at, 'options'], 'Chỉ đầu vào loại choice mới có options.');
    const values = new Set<string>();
    input.options?.forEach((option, o) => {
      if (values.has(option.value))
        error([...at, 'options', o, 'value'], `Lựa chọn "${option.value}" ghi hai lần.`);
      values.add(option.value);
    });
  });
  return inputs;
}

interface RuleContext {
  path: Path;
  /** The points this rule is scored against: the criterion's maximum, or a part's points in a sum. */
  max: number;
  maxLabel: string;
  /** Inside sum, all_of or any_of. */
  nested: boolean;
  inputs: Map<string, InputSpec>;
  criterionCode: string;
  used: Set<string>;
  error: Report;
  warn: Report;
}

function checkRule(rule: RuleSpec, ctx: RuleContext) {
  const at = (...rest: Array<string | number>): Path => [...ctx.path, ...rest];
  switch (rule.type) {
    case 'boolean':
      if (rule.input !== undefined) requireInput(rule.input, 'boolean', rule.type, at('input'), ctx);
      if (rule.measure) checkMeasure(rule.measure, at('measure'), ctx);
      return;
    case 'count':
      if (rule.input !== undefined) requireInput(rule.input, 'number', rule.type, at('input'), ctx);
      if (rule.measure) checkMeasure(rule.measure, at('measure'), ctx);
      return;
    case 'ladder':
      if (rule.input !== undefined) requireInput(rule.input, 'number', rule.type, at('input'), ctx);
      if (rule.measure) checkMeasure(rule.measure, at('measure'), ctx);
      checkLadder(rule.steps, ctx);
      return;
    case 'frequency':
      checkMeasure(rule.measure, at('measure'), ctx);
      checkTiers(rule.tiers, ctx);
      return;
    case 'minimum_each':
      checkMeasure(rule.measure, at('measure'), ctx);
      return;
    case 'ratio':
      for (const side of ['numerator', 'denominator'] as const) {
        const quantity = rule[side];
        if (quantity.input !== undefined)
          requireInput(quantity.input, 'number', rule.type, at(side, 'input'), ctx);
        if (quantity.measure) checkMeasure(quantity.measure, at(side, 'measure'), ctx);
      }
      return;
    case 'choice':
      checkChoice(rule, ctx);
      return;
    case 'sum': {
      let total = 0;
      rule.parts.forEach((part, i) => {
        total += part.points;
        if (part.points > ctx.max)
          ctx.error(at('parts', i, 'points'), `Điểm của một phần (${part.points}) vượt ${ctx.maxLabel}.`);
        checkRule(part.rule, {
          ...ctx,
          path: at('parts', i, 'rule'),
          max: part.points,
          maxLabel: `điểm của phần này (${part.points})`,
          nested: true,
        });
      });
      if (round(total) < ctx.max)
        ctx.warn(
          at('parts'),
          `Các phần cộng lại ${round(total)} điểm, ít hơn ${ctx.maxLabel}: không bao giờ đạt trọn điểm.`,
        );
      return;
    }
    case 'all_of':
    case 'any_of':
      rule.rules.forEach((inner, i) => {
        checkRule(inner, { ...ctx, path: at('rules', i), nested: true });
      });
      return;
    case 'manual':
      if (ctx.nested)
        ctx.error(
          at('type'),
          'manual (chấm tay) dùng cho cả tiêu chí, không lồng trong sum, all_of hoặc any_of: một tiêu chí chỉ có một điểm chấm tay.',
        );
      return;
  }
}

function requireInput(key: string, type: InputSpec['type'], ruleType: string, path: Path, ctx: RuleContext) {
  ctx.used.add(key);
  const declared = ctx.inputs.get(key);
  if (!declared) {
    ctx.error(path, `Khóa "${key}" chưa được khai báo trong inputs của tiêu chí ${ctx.criterionCode}.`);
    return undefined;
  }
  if (declared.type !== type) {
    ctx.error(
      path,
      `Khóa "${key}" được khai báo là ${INPUT_TYPE_NAMES[declared.type]}, nhưng quy tắc ${ruleType} cần ${INPUT_TYPE_NAMES[type]}.`,
    );
    return undefined;
  }
  return declared;
}

function checkMeasure(measure: MeasureSpec, path: Path, ctx: RuleContext) {
  measure.topics?.forEach((topic, t) => {
    if (!KNOWN_TOPICS.has(topic))
      ctx.warn(
        [...path, 'topics', t],
        `Chủ đề "${topic}" không có trong danh mục chủ đề quốc gia (${[...KNOWN_TOPICS].join(', ')}): chỉ đếm được nếu tỉnh đã thêm chủ đề này vào danh mục của mình.`,
      );
  });
  measure.languages?.forEach((language, l) => {
    if (!KNOWN_LANGUAGES.has(language))
      ctx.warn(
        [...path, 'languages', l],
        `Mã ngôn ngữ "${language}" không có trong danh mục mặc định: chỉ đếm được nếu tỉnh đã thêm ngôn ngữ này.`,
      );
  });
  const sources = measureSources(measure);
  if (measure.verifiedOnly !== undefined && !sources.includes('banners'))
    ctx.warn([...path, 'verifiedOnly'], 'verifiedOnly chỉ có nghĩa với source: banners.');
  if (measure.broadcastSources && !sources.includes('broadcasts'))
    ctx.warn([...path, 'broadcastSources'], 'broadcastSources chỉ có nghĩa với source: broadcasts.');
}

function checkLadder(steps: Array<{ atLeast: number; points: number }>, ctx: RuleContext) {
  steps.forEach((step, i) => {
    const at: Path = [...ctx.path, 'steps', i];
    const previous = steps[i - 1];
    if (previous && step.atLeast <= previous.atLeast)
      ctx.error(
        [...at, 'atLeast'],
        `Các bậc phải xếp theo atLeast tăng dần: ${step.atLeast} không lớn hơn bậc trước (${previous.atLeast}).`,
      );
    if (previous && step.points < previous.points)
      ctx.error(
        [...at, 'points'],
        `Bậc cao hơn không được ít điểm hơn bậc trước (${step.points} < ${previous.points}).`,
      );
    if (step.points > ctx.max)
      ctx.error([...at, 'points'], `Điểm của bậc (${step.points}) vượt ${ctx.maxLabel}.`);
  });
  const top = steps[steps.length - 1];
  if (top && top.points < ctx.max)
    ctx.warn(
      [...ctx.path, 'steps'],
      `Bậc cao nhất cho ${top.points} điểm, ít hơn ${ctx.maxLabel}: không bao giờ đạt trọn điểm.`,
    );
}

function checkTiers(tiers: FrequencyTier[], ctx: RuleContext) {
  tiers.forEach((tier, i) => {
    const at: Path = [...ctx.path, 'tiers', i];
    const previous = tiers[i - 1];
    if (!previous) {
      if (tier.fraction < 1)
        ctx.warn(
          [...at, 'fraction'],
          `Mức cao nhất ("${tier.label}") chỉ cho ${tier.fraction} điểm tối đa: tiêu chí không bao giờ đạt trọn điểm.`,
        );
      return;
    }
    if (tier.fraction >= previous.fraction)
      ctx.error(
        [...at, 'fraction'],
        `Các mức xếp từ khắt khe nhất (nhiều điểm nhất) xuống: mức "${tier.label}" (fraction ${tier.fraction}) phải ít điểm hơn mức "${previous.label}" đứng trước (fraction ${previous.fraction}).`,
      );
    if (previous.every === 'month' && tier.every === 'week')
      ctx.error(
        [...at, 'every'],
        `Mức theo tuần khắt khe hơn mức theo tháng: đặt mức "${tier.label}" trước mức "${previous.label}".`,
      );
    if (previous.every === tier.every && (tier.atLeast > previous.atLeast || tier.share > previous.share))
      ctx.error(
        at,
        `Mức "${tier.label}" đòi hỏi nhiều hơn mức "${previous.label}" đứng trước nhưng cho ít điểm hơn: xếp các mức từ khắt khe nhất xuống.`,
      );
  });
}

function checkChoice(rule: Extract<RuleSpec, { type: 'choice' }>, ctx: RuleContext) {
  const declared = requireInput(rule.input, 'choice', rule.type, [...ctx.path, 'input'], ctx);
  const values = new Set<string>();
  rule.options.forEach((option, o) => {
    if (values.has(option.value))
      ctx.error([...ctx.path, 'options', o, 'value'], `Lựa chọn "${option.value}" ghi hai lần.`);
    values.add(option.value);
  });
  if (!rule.options.some((option) => option.fraction === 1))
    ctx.warn([...ctx.path, 'options'], 'Không lựa chọn nào cho trọn điểm (fraction: 1).');
  if (!declared?.options) return;
  const declaredValues = new Set(declared.options.map((option) => option.value));
  rule.options.forEach((option, o) => {
    if (!declaredValues.has(option.value))
      ctx.error(
        [...ctx.path, 'options', o, 'value'],
        `Lựa chọn "${option.value}" không có trong options của đầu vào "${rule.input}".`,
      );
  });
  for (const value of declaredValues) {
    if (!values.has(value))
      ctx.error(
        [...ctx.path, 'options'],
        `Lựa chọn "${value}" của đầu vào "${rule.input}" chưa có fraction trong options của quy tắc.`,
      );
  }
}

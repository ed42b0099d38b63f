import type {
  FrameworkSpec,
  MeasureSpec,
  PeriodKind,
  RuleSpec,
  RuleType,
} from '../../../../shared/frameworks/definition';
import type { UnitKind } from '../../../../shared/units';

/**
 * The framework editor's working copy of a definition, and its conversion to and from the definition
 * of a framework file. The draft keeps what a form needs and a file does not: every rule keeps the
 * fields of every rule type (switching the type back and forth loses nothing), where a number comes
 * from (`source`), empty strings and nulls for fields being typed, and stable ids for list items.
 * `draftToDefinition` writes what the file will say, mistakes included: the server checks it with the
 * same validation as any imported file and answers with paths that are the draft's paths too.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Where a count, a ladder or a side of a ratio takes its number from (channel: boolean only). */
export type SourceKind = 'measure' | 'input' | 'channel';

/**
 * A measure or a channel as written: every key of the schema passes through untouched, so a filter
 * added to the schema needs only its field in the form (measure-fields.ts), not a change here.
 */
export type FilterDraft = Record<string, unknown>;

export interface QuantityDraft {
  source: 'measure' | 'input';
  measure: FilterDraft;
  input: string;
}

export interface TierDraft {
  label: string;
  every: 'week' | 'month';
  atLeast: number | null;
  share: number | null;
  fraction: number | null;
}

export interface RuleDraft {
  type: RuleType;
  source: SourceKind;
  measure: FilterDraft;
  channel: FilterDraft;
  input: string;
  threshold: number | null;
  /** '' = not written (0 points below the threshold, the default). */
  partial: '' | 'none' | 'proportional';
  steps: Array<{ atLeast: number | null; points: number | null }>;
  tiers: TierDraft[];
  every: 'week' | 'month';
  atLeast: number | null;
  numerator: QuantityDraft;
  denominator: QuantityDraft;
  options: Array<{ value: string; fraction: number | null }>;
  parts: Array<{ uid: string; label: string; points: number | null; rule: RuleDraft }>;
  rules: Array<RuleDraft & { uid: string }>;
}

export interface InputDraft {
  uid: string;
  key: string;
  label: string;
  type: 'number' | 'boolean' | 'choice';
  options: Array<{ value: string; label: string }>;
  unit: string;
}

export interface CriterionDraft {
  uid: string;
  code: string;
  title: string;
  max: number | null;
  /** Empty: the framework's unit kinds. */
  appliesTo: UnitKind[];
  rule: RuleDraft;
  inputs: InputDraft[];
  evidence: string;
  evidenceRequired: boolean;
  dataSource: string;
  hint: string;
}

export interface IndexDraft {
  uid: string;
  code: string;
  title: string;
  criteria: CriterionDraft[];
}

export interface PillarDraft {
  uid: string;
  code: string;
  title: string;
  indices: IndexDraft[];
}

export interface FrameworkDraft {
  $schema: string;
  code: string;
  version: string;
  name: string;
  legalBasis: string;
  issuingBody: string;
  validFrom: string;
  /** '' = open-ended. */
  validTo: string;
  period: PeriodKind;
  appliesTo: UnitKind[];
  totals: Partial<Record<UnitKind, number | null>>;
  rollUpPredecessors: boolean;
  description: string;
  pillars: PillarDraft[];
}

let lastUid = 0;
/** An id for a list item, so React keeps each card's state with it when items move. */
export function newUid(): string {
  lastUid += 1;
  return `d${lastUid}`;
}

// ---------------------------------------------------------------- defaults

export function emptyMeasure(): FilterDraft {
  return { source: 'posts' };
}

function emptyQuantity(): QuantityDraft {
  return { source: 'measure', measure: emptyMeasure(), input: '' };
}

export function defaultTier(): TierDraft {
  return { label: '', every: 'week', atLeast: 1, share: 1, fraction: 1 };
}

/** A count of posts with a threshold of 1: the commonest rule, and a fair start for any other type. */
export function emptyRule(type: RuleType = 'count'): RuleDraft {
  return {
    type,
    source: 'measure',
    measure: emptyMeasure(),
    channel: { channelKinds: ['website_column'] },
    input: '',
    threshold: 1,
    partial: '',
    steps: [{ atLeast: 1, points: null }],
    tiers: [defaultTier()],
    every: 'week',
    atLeast: 1,
    numerator: emptyQuantity(),
    denominator: emptyQuantity(),
    options: [
      { value: '', fraction: 1 },
      { value: '', fraction: 0 },
    ],
    parts: [],
    rules: [],
  };
}

/** The rule as another type: the fields of both types carry over; a channel only counts for boolean. */
export function changeRuleType(rule: RuleDraft, type: RuleType): RuleDraft {
  const source = type !== 'boolean' && rule.source === 'channel' ? 'measure' : rule.source;
  return { ...rule, type, source };
}

export function emptyCriterion(code = ''): CriterionDraft {
  return {
    uid: newUid(),
    code,
    title: '',
    max: null,
    appliesTo: [],
    rule: emptyRule(),
    inputs: [],
    evidence: '',
    evidenceRequired: false,
    dataSource: '',
    hint: '',
  };
}

export function emptyInput(): InputDraft {
  return { uid: newUid(), key: '', label: '', type: 'number', options: [], unit: '' };
}

export function emptyIndex(code = ''): IndexDraft {
  return { uid: newUid(), code, title: '', criteria: [emptyCriterion(code ? `${code}.1` : '')] };
}

export function emptyPillar(code = ''): PillarDraft {
  return { uid: newUid(), code, title: '', indices: [emptyIndex()] };
}

/** "1.5" → "1.6", "II" → "" (no guess): the code of an item added after the last one. */
export function nextCode(codes: readonly string[]): string {
  const last = codes.at(-1);
  const match = last?.match(/^(.*?)(\d+)$/);
  if (!match) return '';
  const [, head = '', digits = '0'] = match;
  let candidate = `${head}${Number(digits) + 1}`;
  while (codes.includes(candidate)) candidate = `${head}${Number(candidate.slice(head.length)) + 1}`;
  return candidate;
}

// ---------------------------------------------------------------- definition → draft

const text = (value: string | undefined) => value ?? '';

function quantityToDraft(side: { measure?: MeasureSpec; input?: string }): QuantityDraft {
  return {
    source: side.input !== undefined && side.measure === undefined ? 'input' : 'measure',
    measure: side.measure ? { ...side.measure } : emptyMeasure(),
    input: text(side.input),
  };
}

export function ruleToDraft(rule: RuleSpec): RuleDraft {
  const draft = emptyRule(rule.type);
  switch (rule.type) {
    case 'boolean':
    case 'count':
    case 'ladder':
      if (rule.type === 'boolean' && rule.channel) {
        draft.source = 'channel';
        draft.channel = { ...rule.channel };
      } else if (rule.input !== undefined && rule.measure === undefined) draft.source = 'input';
      if (rule.measure) draft.measure = { ...rule.measure };
      draft.input = text(rule.input);
      if (rule.type === 'count') {
        draft.threshold = rule.threshold;
        draft.partial = rule.partial ?? '';
      }
      if (rule.type === 'ladder') draft.steps = rule.steps.map((step) => ({ ...step }));
      return draft;
    case 'frequency':
      draft.measure = { ...rule.measure };
      draft.tiers = rule.tiers.map((tier) => ({ ...tier }));
      return draft;
    case 'minimum_each':
      draft.measure = { ...rule.measure };
      draft.every = rule.every;
      draft.atLeast = rule.atLeast;
      draft.partial = rule.partial ?? '';
      return draft;
    case 'ratio':
      draft.numerator = quantityToDraft(rule.numerator);
      draft.denominator = quantityToDraft(rule.denominator);
      return draft;
    case 'choice':
      draft.source = 'input';
      draft.input = rule.input;
      draft.options = rule.options.map((option) => ({ ...option }));
      return draft;
    case 'sum':
      draft.parts = rule.parts.map((part) => ({
        uid: newUid(),
        label: text(part.label),
        points: part.points,
        rule: ruleToDraft(part.rule),
      }));
      return draft;
    case 'all_of':
    case 'any_of':
      draft.rules = rule.rules.map((inner) => ({ ...ruleToDraft(inner), uid: newUid() }));
      return draft;
    case 'manual':
      return draft;
  }
}

type CriterionSpec = FrameworkSpec['pillars'][number]['indices'][number]['criteria'][number];

function criterionToDraft(criterion: CriterionSpec): CriterionDraft {
  return {
    uid: newUid(),
    code: criterion.code,
    title: criterion.title,
    max: criterion.max,
    appliesTo: [...(criterion.appliesTo ?? [])],
    rule: ruleToDraft(criterion.rule),
    inputs: (criterion.inputs ?? []).map((input) => ({
      uid: newUid(),
      key: input.key,
      label: input.label,
      type: input.type,
      options: (input.options ?? []).map((option) => ({ ...option })),
      unit: text(input.unit),
    })),
    evidence: text(criterion.evidence),
    evidenceRequired: criterion.evidenceRequired,
    dataSource: text(criterion.dataSource),
    hint: text(criterion.hint),
  };
}

export function definitionToDraft(definition: FrameworkSpec): FrameworkDraft {
  return {
    $schema: text(definition.$schema),
    code: definition.code,
    version: definition.version,
    name: definition.name,
    legalBasis: definition.legalBasis,
    issuingBody: definition.issuingBody,
    validFrom: definition.validFrom,
    validTo: text(definition.validTo),
    period: definition.period,
    appliesTo: [...definition.appliesTo],
    totals: { ...(definition.totals ?? {}) },
    rollUpPredecessors: definition.rollUpPredecessors,
    description: text(definition.description),
    pillars: definition.pillars.map((pillar) => ({
      uid: newUid(),
      code: pillar.code,
      title: pillar.title,
      indices: pillar.indices.map((index) => ({
        uid: newUid(),
        code: index.code,
        title: index.title,
        criteria: index.criteria.map(criterionToDraft),
      })),
    })),
  };
}

// ---------------------------------------------------------------- draft → definition

/** Leaves out what the officer left empty, so an optional field is absent rather than blank. */
function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function toJson(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') return compact(value);
  // Text typed on some systems arrives decomposed (NFD); the file holds the composed form, like any input.
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The entries that are filled in, in their order. */
function compact(entries: object): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) if (!isEmpty(value)) result[key] = toJson(value);
  return result;
}

function quantityToDefinition(side: QuantityDraft): JsonObject {
  return side.source === 'input' ? compact({ input: side.input }) : { measure: compact(side.measure) };
}

/** The number's source for boolean, count and ladder: exactly one of measure, input, channel. */
function sourceOf(rule: RuleDraft): JsonObject {
  if (rule.source === 'channel' && rule.type === 'boolean') return { channel: compact(rule.channel) };
  if (rule.source === 'input') return compact({ input: rule.input });
  return { measure: compact(rule.measure) };
}

export function ruleToDefinition(rule: RuleDraft): JsonObject {
  switch (rule.type) {
    case 'boolean':
      return { type: rule.type, ...sourceOf(rule) };
    case 'count':
      return compact({
        type: rule.type,
        ...sourceOf(rule),
        threshold: rule.threshold,
        partial: rule.partial,
      });
    case 'ladder':
      return { type: rule.type, ...sourceOf(rule), steps: rule.steps.map((step) => compact(step)) };
    case 'frequency':
      return {
        type: rule.type,
        measure: compact(rule.measure),
        tiers: rule.tiers.map((tier) => compact(tier)),
      };
    case 'minimum_each':
      return compact({
        type: rule.type,
        measure: compact(rule.measure),
        every: rule.every,
        atLeast: rule.atLeast,
        partial: rule.partial,
      });
    case 'ratio':
      return {
        type: rule.type,
        numerator: quantityToDefinition(rule.numerator),
        denominator: quantityToDefinition(rule.denominator),
      };
    case 'choice':
      return compact({
        type: rule.type,
        input: rule.input,
        options: rule.options.map((option) => compact(option)),
      });
    case 'sum':
      return {
        type: rule.type,
        parts: rule.parts.map((part) =>
          compact({ label: part.label, points: part.points, rule: ruleToDefinition(part.rule) }),
        ),
      };
    case 'all_of':
    case 'any_of':
      return { type: rule.type, rules: rule.rules.map(ruleToDefinition) };
    case 'manual':
      return { type: rule.type };
  }
}

function criterionToDefinition(criterion: CriterionDraft): JsonObject {
  return compact({
    code: criterion.code,
    title: criterion.title,
    max: criterion.max,
    appliesTo: criterion.appliesTo,
    rule: ruleToDefinition(criterion.rule),
    inputs: criterion.inputs.map((input) =>
      compact({
        key: input.key,
        label: input.label,
        type: input.type,
        // Options belong to choice inputs only; others keep theirs in the draft in case the type comes back.
        options: input.type === 'choice' ? input.options.map((option) => compact(option)) : [],
        unit: input.unit,
      }),
    ),
    evidence: criterion.evidence,
    // false is the default: the file says it only when evidence is required.
    evidenceRequired: criterion.evidenceRequired || undefined,
    dataSource: criterion.dataSource,
    hint: criterion.hint,
  });
}

/** The definition the file will hold: the guide's key order, empty optional fields left out. */
export function draftToDefinition(draft: FrameworkDraft): JsonObject {
  const totals = compact(Object.fromEntries(draft.appliesTo.map((kind) => [kind, draft.totals[kind]])));
  return compact({
    $schema: draft.$schema,
    code: draft.code,
    version: draft.version,
    name: draft.name,
    legalBasis: draft.legalBasis,
    issuingBody: draft.issuingBody,
    validFrom: draft.validFrom,
    validTo: draft.validTo,
    period: draft.period,
    appliesTo: draft.appliesTo,
    totals: Object.keys(totals).length ? totals : undefined,
    rollUpPredecessors: draft.rollUpPredecessors,
    description: draft.description,
    pillars: draft.pillars.map((pillar) =>
      compact({
        code: pillar.code,
        title: pillar.title,
        indices: pillar.indices.map((index) =>
          compact({
            code: index.code,
            title: index.title,
            criteria: index.criteria.map(criterionToDefinition),
          }),
        ),
      }),
    ),
  });
}

// ---------------------------------------------------------------- measure sources, moves

/** The kinds of record a measure counts, as a list ("source: posts" and "source: [posts]" alike). */
export function measureSourceList(measure: FilterDraft): string[] {
  const source = measure.source;
  if (Array.isArray(source)) return source.filter((item): item is string => typeof item === 'string');
  return typeof source === 'string' && source ? [source] : [];
}

/**
 * The `source` a measure writes for the kinds chosen: one kind as a word (`source: posts`), several as
 * a list counted together as one figure (`source: [posts, press_issues]`, guide §5), none as an empty
 * list, which the server's check names.
 */
export function sourceValueOf(kinds: readonly string[]): string | string[] {
  return kinds.length === 1 ? kinds[0]! : [...kinds];
}

/** Where a criterion sits: its pillar's and index's positions and its own. */
export function findCriterionPlace(
  draft: FrameworkDraft,
  criterionUid: string,
): { pillar: number; index: number; criterion: number } | null {
  for (const [p, pillar] of draft.pillars.entries())
    for (const [i, index] of pillar.indices.entries()) {
      const c = index.criteria.findIndex((criterion) => criterion.uid === criterionUid);
      if (c >= 0) return { pillar: p, index: i, criterion: c };
    }
  return null;
}

/**
 * Moves a criterion to the end of another index (of any pillar), keeping everything it holds; the
 * draft is not changed when either is unknown or the criterion is already there.
 */
export function moveCriterionToIndex(
  draft: FrameworkDraft,
  criterionUid: string,
  indexUid: string,
): FrameworkDraft {
  const from = findCriterionPlace(draft, criterionUid);
  const targetExists = draft.pillars.some((pillar) => pillar.indices.some((index) => index.uid === indexUid));
  if (!from || !targetExists) return draft;
  const criterion = draft.pillars[from.pillar]!.indices[from.index]!.criteria[from.criterion]!;
  if (draft.pillars[from.pillar]!.indices[from.index]!.uid === indexUid) return draft;
  return {
    ...draft,
    pillars: draft.pillars.map((pillar) => ({
      ...pillar,
      indices: pillar.indices.map((index) => {
        if (index.uid === indexUid) return { ...index, criteria: [...index.criteria, criterion] };
        if (index.criteria.some((item) => item.uid === criterionUid))
          return { ...index, criteria: index.criteria.filter((item) => item.uid !== criterionUid) };
        return index;
      }),
    })),
  };
}

import {
  BROADCAST_SOURCE_LABELS,
  CHANNEL_KIND_LABELS,
  CHANNEL_PLATFORM_LABELS,
  type ChannelKind,
  DEFAULT_LANGUAGES,
  DEFAULT_TOPICS,
  GENRE_LABELS,
  PROVENANCE_LABELS,
} from '../../../shared/activities';
import {
  type ChannelMeasureSpec,
  type FrequencyTier,
  type MeasureSource,
  type MeasureSpec,
  measureSources,
  type PeriodKind,
} from '../../../shared/frameworks/definition';
import type { CriterionInput, Rule } from '../../api/frameworks';
import type { I18n } from '../../i18n/I18nProvider';

/**
 * A criterion's rule in words, the way docs/frameworks.md explains it: one sentence, and for rules
 * made of parts (levels, steps, options, sub-rules) a list under it. Inside all_of / any_of a rule
 * only has to be fully met, so it reads as a condition without points.
 */
export interface RuleText {
  text: string;
  items?: RuleText[];
}

export interface RuleWords {
  t: I18n['t'];
  label: I18n['label'];
  language: I18n['language'];
  periodKind: PeriodKind;
  /** The criterion's inputs, to name a rule's `input` by its label. */
  inputs: readonly CriterionInput[];
}

/** Without channelKinds a measure counts the DX channel of its kind (see measureSchema). */
const DEFAULT_CHANNEL: Record<MeasureSource, ChannelKind | null> = {
  posts: 'website_column',
  broadcasts: 'radio_programme',
  press_issues: 'press_column',
  banners: null,
};

/** 7,5 in Vietnamese, 7.5 in English; at most two decimals. */
export function formatPoints(value: number, language: RuleWords['language']): string {
  const rounded = Math.round(value * 100) / 100;
  return language === 'vi' ? String(rounded).replace('.', ',') : String(rounded);
}

function percentOf(fraction: number, words: RuleWords): string {
  return `${formatPoints(fraction * 100, words.language)}%`;
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Lowers a label's first letter mid-sentence, but leaves abbreviations ("CĐS", "UBND") alone. */
function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second && second !== second.toLocaleLowerCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function quoted(items: readonly string[], words: RuleWords): string {
  return joinWith(
    items.map((item) => `“${item}”`),
    words.t('frameworks.or'),
  );
}

/** The narrowing of a measure beyond its channel: "chủ đề “…”; chỉ bản ghi đã được duyệt". */
function measureFilters(measure: MeasureSpec, words: RuleWords): string[] {
  const { t, label } = words;
  const or = t('frameworks.or');
  const named = <Code extends string>(
    codes: readonly Code[],
    labels: Record<Code, { vi: string; en: string }>,
  ) =>
    joinWith(
      codes.map((code) => label(labels[code], code)),
      or,
    );
  const fromList = (
    codes: readonly string[],
    known: ReadonlyArray<{ code: string; vi: string; en: string }>,
  ) =>
    quoted(
      codes.map((code) =>
        label(
          known.find((entry) => entry.code === code),
          code,
        ),
      ),
      words,
    );
  const filters: string[] = [];
  if (measure.platforms)
    filters.push(
      t('frameworks.filter.platforms', { list: named(measure.platforms, CHANNEL_PLATFORM_LABELS) }),
    );
  if (measure.topics)
    filters.push(t('frameworks.filter.topics', { list: fromList(measure.topics, DEFAULT_TOPICS) }));
  if (measure.genres)
    filters.push(t('frameworks.filter.genres', { list: lowerFirst(named(measure.genres, GENRE_LABELS)) }));
  if (measure.languages)
    filters.push(t('frameworks.filter.languages', { list: fromList(measure.languages, DEFAULT_LANGUAGES) }));
  if (measure.ethnicLanguagesOnly) filters.push(t('frameworks.filter.ethnicLanguagesOnly'));
  if (measure.translationsOnly) filters.push(t('frameworks.filter.translationsOnly'));
  if (measure.provenances)
    filters.push(
      t('frameworks.filter.provenances', { list: lowerFirst(named(measure.provenances, PROVENANCE_LABELS)) }),
    );
  if (measure.broadcastSources)
    filters.push(
      t('frameworks.filter.broadcastSources', {
        list: lowerFirst(named(measure.broadcastSources, BROADCAST_SOURCE_LABELS)),
      }),
    );
  if (measure.verifiedOnly) filters.push(t('frameworks.filter.verifiedOnly'));
  if (measure.acceptedOnly) filters.push(t('frameworks.filter.acceptedOnly'));
  return filters;
}

function measureNoun(measure: MeasureSpec, words: RuleWords): string {
  if (measure.noun) return measure.noun;
  return joinWith(
    measureSources(measure).map((source) => words.t(`frameworks.noun.${source}`)),
    words.t('frameworks.or'),
  );
}

/** "tin bài trong chuyên mục CĐS trên trang thông tin điện tử (chủ đề “…”)". */
function measurePhrase(measure: MeasureSpec, words: RuleWords): string {
  const { t } = words;
  const kinds =
    measure.channelKinds ??
    [...new Set(measureSources(measure).map((source) => DEFAULT_CHANNEL[source]))].filter(
      (kind) => kind !== null,
    );
  const where = kinds.length
    ? joinWith(
        kinds.map((kind) => t(`frameworks.where.${kind}`)),
        t('frameworks.or'),
      )
    : t('frameworks.where.anyChannel');
  const filters = measureFilters(measure, words);
  const narrowed = filters.length ? ` (${filters.join('; ')})` : '';
  return `${measureNoun(measure, words)} ${where}${narrowed}`;
}

/** "chuyên mục CĐS trên trang thông tin điện tử", in the file's words when it names the channel. */
function channelPhrase(spec: ChannelMeasureSpec, words: RuleWords): string {
  const { t, label } = words;
  const noun =
    spec.noun !== undefined
      ? lowerFirst(spec.noun)
      : joinWith(
          spec.channelKinds.map((kind) => lowerFirst(label(CHANNEL_KIND_LABELS[kind]))),
          t('frameworks.or'),
        );
  if (!spec.platforms) return noun;
  const platforms = joinWith(
    spec.platforms.map((platform) => label(CHANNEL_PLATFORM_LABELS[platform])),
    t('frameworks.or'),
  );
  return `${noun} (${t('frameworks.filter.platforms', { list: platforms })})`;
}

function inputLabel(key: string, words: RuleWords): string {
  return words.inputs.find((input) => input.key === key)?.label ?? key;
}

function period(words: RuleWords): string {
  return words.t(`frameworks.inPeriod.${words.periodKind}`);
}

type Quantity = { measure?: MeasureSpec; input?: string };

/** "Đếm tin bài … trong năm" or "Số liệu nhập tay “…”": the number a rule compares. */
function quantityPhrase(source: Quantity, words: RuleWords): string {
  if (source.measure)
    return words.t('frameworks.quantity.measure', {
      what: measurePhrase(source.measure, words),
      period: period(words),
    });
  return words.t('frameworks.quantity.input', { input: inputLabel(source.input ?? '', words) });
}

/** "số tin bài … trong năm" or "“Tổng văn bản đi”": one side of a ratio. */
function amountPhrase(source: Quantity, words: RuleWords): string {
  if (source.measure)
    return words.t('frameworks.amount.measure', {
      what: measurePhrase(source.measure, words),
      period: period(words),
    });
  return words.t('frameworks.amount.input', { input: inputLabel(source.input ?? '', words) });
}

/** "mọi tuần", or "75% số tuần" when a level asks for a share of them. */
function bucketsPhrase(every: 'week' | 'month', share: number, words: RuleWords): string {
  if (share >= 1) return words.t(`frameworks.every.${every}`);
  return words.t(`frameworks.share.${every}`, { percent: percentOf(share, words) });
}

function tierText(tier: FrequencyTier, noun: string, max: number, words: RuleWords): RuleText {
  return {
    text: words.t('frameworks.rule.tier', {
      label: upperFirst(tier.label),
      buckets: bucketsPhrase(tier.every, tier.share, words),
      atLeast: tier.atLeast,
      noun,
      percent: percentOf(tier.fraction, words),
      points: formatPoints(tier.fraction * max, words.language),
    }),
  };
}

/** The rule scored on `max` points: what earns what. */
export function describeRule(rule: Rule, max: number, words: RuleWords): RuleText {
  const { t, language } = words;
  const points = (value: number) => formatPoints(value, language);
  const full = points(max);
  switch (rule.type) {
    case 'boolean':
      if (rule.channel)
        return {
          text: t('frameworks.rule.booleanChannel', {
            channel: channelPhrase(rule.channel, words),
            since: t(`frameworks.since.${rule.channel.startedBy ?? 'period_end'}`),
            max: full,
          }),
        };
      if (rule.measure)
        return {
          text: t('frameworks.rule.booleanMeasure', {
            what: measurePhrase(rule.measure, words),
            period: period(words),
            max: full,
          }),
        };
      return {
        text: t('frameworks.rule.booleanInput', { input: inputLabel(rule.input ?? '', words), max: full }),
      };
    case 'count':
      return {
        text: t('frameworks.rule.count', {
          quantity: quantityPhrase(rule, words),
          threshold: rule.threshold,
          max: full,
          below:
            rule.partial === 'proportional'
              ? t('frameworks.rule.proportional', { max: full, threshold: rule.threshold })
              : t('frameworks.zero'),
        }),
      };
    case 'ladder': {
      const lowest = rule.steps[0]?.atLeast ?? 0;
      return {
        text: t('frameworks.rule.ladder', { quantity: quantityPhrase(rule, words) }),
        items: [
          ...[...rule.steps].reverse().map((step) => ({
            text: t('frameworks.rule.ladderStep', { atLeast: step.atLeast, points: points(step.points) }),
          })),
          ...(lowest > 0 ? [{ text: t('frameworks.rule.ladderBelow', { atLeast: lowest }) }] : []),
        ],
      };
    }
    case 'frequency':
      return {
        text: t('frameworks.rule.frequency', { what: measurePhrase(rule.measure, words) }),
        items: [
          ...rule.tiers.map((tier) => tierText(tier, measureNoun(rule.measure, words), max, words)),
          { text: t('frameworks.rule.noTier') },
        ],
      };
    case 'minimum_each':
      return {
        text: t(`frameworks.rule.minimumEach.${rule.every}`, {
          atLeast: rule.atLeast,
          what: measurePhrase(rule.measure, words),
          max: full,
          below:
            rule.partial === 'proportional'
              ? t(`frameworks.rule.proportionalBuckets.${rule.every}`)
              : t('frameworks.zero'),
        }),
      };
    case 'ratio':
      return {
        text: t('frameworks.rule.ratio', {
          numerator: amountPhrase(rule.numerator, words),
          denominator: amountPhrase(rule.denominator, words),
          max: full,
        }),
      };
    case 'choice': {
      const input = words.inputs.find((candidate) => candidate.key === rule.input);
      return {
        text: t('frameworks.rule.choice', { input: inputLabel(rule.input, words) }),
        items: rule.options.map((option) => ({
          text: t('frameworks.rule.choiceOption', {
            option: input?.options?.find((choice) => choice.value === option.value)?.label ?? option.value,
            percent: percentOf(option.fraction, words),
            points: points(option.fraction * max),
          }),
        })),
      };
    }
    case 'sum':
      return {
        text: t('frameworks.rule.sum', { max: full }),
        items: rule.parts.map((part, index) => {
          const inner = describeRule(part.rule, part.points, words);
          const name = t('frameworks.rule.sumPart', {
            label: part.label ?? t('frameworks.rule.part', { number: index + 1 }),
            points: points(part.points),
          });
          return { text: `${name}: ${inner.text}`, items: inner.items };
        }),
      };
    case 'all_of':
      return {
        text: t('frameworks.rule.allOf', { max: full }),
        items: rule.rules.map((inner) => describeCondition(inner, words)),
      };
    case 'any_of':
      return {
        text: t('frameworks.rule.anyOf', { max: full }),
        items: rule.rules.map((inner) => describeCondition(inner, words)),
      };
    case 'manual':
      return { text: t('frameworks.rule.manual', { max: full }) };
  }
}

/** The rule as a condition of all_of / any_of: what it takes to be fully met. */
export function describeCondition(rule: Rule, words: RuleWords): RuleText {
  const { t } = words;
  switch (rule.type) {
    case 'boolean':
      if (rule.channel)
        return {
          text: t('frameworks.cond.booleanChannel', {
            channel: channelPhrase(rule.channel, words),
            since: t(`frameworks.since.${rule.channel.startedBy ?? 'period_end'}`),
          }),
        };
      if (rule.measure)
        return {
          text: t('frameworks.cond.booleanMeasure', {
            what: measurePhrase(rule.measure, words),
            period: period(words),
          }),
        };
      return { text: t('frameworks.cond.booleanInput', { input: inputLabel(rule.input ?? '', words) }) };
    case 'count':
    case 'ladder': {
      // A ladder is fully met at its top step.
      const threshold = rule.type === 'count' ? rule.threshold : (rule.steps.at(-1)?.atLeast ?? 0);
      if (rule.measure)
        return {
          text: t('frameworks.cond.count', {
            threshold,
            what: measurePhrase(rule.measure, words),
            period: period(words),
          }),
        };
      return {
        text: t('frameworks.cond.countInput', { input: inputLabel(rule.input ?? '', words), threshold }),
      };
    }
    case 'frequency':
    case 'minimum_each': {
      const every = rule.type === 'frequency' ? (rule.tiers[0]?.every ?? 'week') : rule.every;
      const share = rule.type === 'frequency' ? (rule.tiers[0]?.share ?? 1) : 1;
      const atLeast = rule.type === 'frequency' ? (rule.tiers[0]?.atLeast ?? 1) : rule.atLeast;
      return {
        text: t('frameworks.cond.buckets', {
          buckets: upperFirst(bucketsPhrase(every, share, words)),
          atLeast,
          what: measurePhrase(rule.measure, words),
        }),
      };
    }
    case 'ratio':
      return {
        text: t('frameworks.cond.ratio', {
          numerator: amountPhrase(rule.numerator, words),
          denominator: amountPhrase(rule.denominator, words),
        }),
      };
    case 'choice': {
      const input = words.inputs.find((candidate) => candidate.key === rule.input);
      const best = rule.options
        .filter((option) => option.fraction >= 1)
        .map(
          (option) => input?.options?.find((choice) => choice.value === option.value)?.label ?? option.value,
        );
      return {
        text: t('frameworks.cond.choice', {
          input: inputLabel(rule.input, words),
          options: quoted(best, words),
        }),
      };
    }
    case 'sum':
      return {
        text: t('frameworks.cond.sum'),
        items: describeRule(
          rule,
          rule.parts.reduce((total, part) => total + part.points, 0),
          words,
        ).items,
      };
    case 'all_of':
      return {
        text: t('frameworks.cond.allOf'),
        items: rule.rules.map((inner) => describeCondition(inner, words)),
      };
    case 'any_of':
      return {
        text: t('frameworks.cond.anyOf'),
        items: rule.rules.map((inner) => describeCondition(inner, words)),
      };
    case 'manual':
      return { text: t('frameworks.cond.manual') };
  }
}

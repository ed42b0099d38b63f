import type { ChannelMeasureSpec, RuleSpec } from '../../../shared/frameworks/definition';
import { lastJudgedDay } from '../buckets';
import { fromEpochDay, toEpochDay, vnDay } from '../day-numbers';
import { asOf, beforeEnd, channelNoun, inPeriod, measureNoun, upperFirst } from '../explain';
import type { ChannelFact } from '../types';
import {
  inputFlag,
  inputLabel,
  isRunning,
  type RuleContext,
  type RuleOutcome,
  waitingForInputs,
} from './context';

type BooleanRule = Extract<RuleSpec, { type: 'boolean' }>;

/** Yes/no: any record of a measure, a channel that existed in time, or a person's "yes". */
export function evaluateBoolean(rule: BooleanRule, context: RuleContext, max: number): RuleOutcome {
  if (rule.channel) return evaluateChannel(rule.channel, context, max);
  if (rule.measure) {
    const measure = rule.measure;
    const window = context.facts.window;
    const w = context.words;
    const count = context.facts.series(measure).total;
    const noun = measureNoun(measure, w);
    const score = count > 0 ? max : 0;
    const within = `${inPeriod(window, w)}${asOf(window, w)}`;
    return {
      score,
      projectedScore: score,
      finding:
        count > 0 ? `${w.hasRecords(String(count), noun)} ${within}` : `${w.noRecords(noun)} ${within}`,
      gaps: count === 0 && isRunning(context) ? [w.needOne(noun, beforeEnd(window, w))] : [],
      missingInputs: [],
      measures: [measure],
      facts: { count },
    };
  }
  const key = rule.input ?? '';
  const flag = inputFlag(context.facts.input(key));
  if (flag === null) return waitingForInputs(context, [key]);
  const score = flag ? max : 0;
  return {
    score,
    projectedScore: score,
    finding: `${inputLabel(context, key)}: ${context.words.yesNo(flag)}`,
    gaps: [],
    missingInputs: [],
    measures: [],
    facts: { [key]: flag },
  };
}

/**
 * A channel (a DX column, a radio programme) counts when it started in time: by the period's end
 * (the default), or by its first day (`startedBy: period_start`) — for a unit created during the
 * period, by the first day the unit existed. While the period runs, "in time" also means "by today".
 * A channel without a start date passes the default check (it exists) but cannot prove it existed
 * at the period's start.
 */
function evaluateChannel(spec: ChannelMeasureSpec, context: RuleContext, max: number): RuleOutcome {
  const window = context.facts.window;
  const w = context.words;
  const noun = channelNoun(spec, w);
  const fromStart = spec.startedBy === 'period_start';
  const firstDay = fromEpochDay(Math.max(toEpochDay(window.period.from), toEpochDay(window.activeFrom)));
  const deadline = fromStart ? firstDay : lastJudgedDay(window);
  const latest = deadline < window.through ? deadline : window.through;
  const channels = context.facts.channels(spec);
  const inTime = (channel: ChannelFact) =>
    channel.startedOn === null ? !fromStart : channel.startedOn <= latest;
  const found = channels.find(inTime);
  const facts = {
    channel: found?.name ?? channels[0]?.name ?? null,
    startedOn: found?.startedOn ?? channels[0]?.startedOn ?? null,
    deadline,
  };
  if (found) {
    const finding = found.startedOn
      ? w.hasChannelSince(noun, vnDay(found.startedOn))
      : w.hasChannelUndated(noun);
    return outcome(max, finding, [], facts);
  }
  const dated = channels
    .filter((channel): channel is ChannelFact & { startedOn: string } => channel.startedOn !== null)
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const late = dated[0];
  if (!late) {
    const unknown = channels[0];
    if (!unknown)
      return outcome(0, w.noChannel(noun), isRunning(context) ? [w.declareChannel(noun)] : [], facts);
    return outcome(
      0,
      w.channelUndated(noun, vnDay(deadline)),
      isRunning(context) ? [w.declareStart(unknown.name)] : [],
      facts,
    );
  }
  // Started after today but before the deadline: not yet, though it will count by the period's end.
  const projectedScore = late.startedOn <= deadline ? max : 0;
  const when = fromStart ? w.afterPeriodStart(vnDay(deadline)) : w.after(vnDay(latest));
  const finding = upperFirst(w.channelOnlySince(noun, vnDay(late.startedOn), when));
  return { ...outcome(0, finding, [], facts), projectedScore };
}

function outcome(score: number, finding: string, gaps: string[], facts: RuleOutcome['facts']): RuleOutcome {
  return { score, projectedScore: score, finding, gaps, missingInputs: [], measures: [], facts };
}

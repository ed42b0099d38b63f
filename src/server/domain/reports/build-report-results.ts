import { sql } from 'drizzle-orm';
import { GENRE_LABELS, type Genre } from '../../../shared/activities';
import type { CountRow, ReportResults } from '../../../shared/api/report-contract';
import { channelLabel } from '../../../shared/channel-labels';
import { addDays, isoWeekOf, todayVn } from '../../../shared/dates';
import { compareVietnamese } from '../../../shared/text';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { findReportResultRows } from '../../db/repositories/report-results';
import { findAllLanguages, findAllTopics } from '../../db/repositories/vocabulary';
import { queryRows } from '../../db/sql';
import { AppError, notFound } from '../../errors';
import { countedBucketsOf, type ScoringWindow } from '../../scoring/buckets';
import { type Period, periodContaining } from '../../scoring/periods';
import { wordsFor } from '../../scoring/words';
import { evaluateScoredUnit, resolveUnitTarget, type ScoredUnitContext } from '../scoring/score-unit';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { UnitGraph } from '../units/unit-graph';

/** At most this many DX posts are listed; `dxPostsTotal` says how many there are. */
export const DX_POST_LIMIT = 500;

export interface BuildReportResultsInput {
  unitId: string;
  period: { key: string; label: string; from: string; to: string };
  lang: 'vi' | 'en';
  now: Date;
  /** The framework code to score on; by default the one the unit (else its province) is assessed on. */
  frameworkCode?: string;
}

const NO_GENRE = { vi: 'Không ghi thể loại', en: 'No genre' };
const NO_CHANNEL = { vi: 'Không gắn kênh', en: 'No channel' };

/**
 * Part I of a report ("I. Kết quả") for a unit and a period, from its records and scores: the unit
 * and the units merged into it (the source units its scores count), records dated in [from, to],
 * counted as the scores count them (see db/repositories/report-results.ts), and the score of the
 * framework that applies, official where an appraisal is published (official-score.ts). The caller
 * decides whether the unit may be read.
 */
export async function buildReportResults(
  q: Queryable,
  input: BuildReportResultsInput,
): Promise<ReportResults> {
  const { unitId, period, lang } = input;
  const today = todayVn(input.now);
  const graph = await loadUnitGraph(q);
  const unit = graph.unit(unitId);
  if (!unit) throw notFound();
  const scoring = await scoreForReport(q, graph, input, today);
  const sources = scoring?.context.sourceIds ?? sourceUnitsIn(graph, unitId, period);
  const provinceId = findProvinceOnGraph(graph, unitId);
  // One after the other: q may be a transaction's client (one statement at a time).
  const rows = await findReportResultRows(q, {
    sourceIds: sources,
    from: period.from,
    to: period.to,
    dxPostLimit: DX_POST_LIMIT,
  });
  const topicRows = await findAllTopics(q, provinceId);
  const languageRows = await findAllLanguages(q, provinceId);
  const topicNames = new Map(
    topicRows.map((row) => [row.code, lang === 'en' ? (row.nameEn ?? row.name) : row.name]),
  );
  const languageNames = new Map(
    languageRows.map((row) => [row.code, lang === 'en' ? (row.nameEn ?? row.name) : row.name]),
  );
  const kindCount = (kind: string) => rows.kinds.find((row) => row.kind === kind);
  const minutes = (seconds: number) => Math.round(seconds / 60);

  const byChannel = rows.channels.map((row) => ({
    key: row.id ?? 'none',
    label: row.id ? channelLabel({ name: row.name, kind: row.kind }, lang) : NO_CHANNEL[lang],
    kind: row.kind ?? '',
    count: row.count,
    minutes: minutes(row.seconds),
  }));
  const byGenre = sortRows(
    rows.genres.map((row) => ({
      key: row.key ?? 'none',
      label: row.key === null ? NO_GENRE[lang] : (GENRE_LABELS[row.key as Genre]?.[lang] ?? row.key),
      count: row.count,
    })),
  );
  const byTopic = sortRows(
    rows.topics.map((row) => ({
      key: row.key ?? '',
      label: topicNames.get(row.key ?? '') ?? row.key ?? '',
      count: row.count,
    })),
  );
  const byLanguage = sortRows(
    rows.languages.map((row) => ({
      key: row.key ?? '',
      label: languageNames.get(row.key ?? '') ?? row.key ?? '',
      count: row.count,
    })),
  ).sort((a, b) => Number(b.key === 'vi') - Number(a.key === 'vi'));

  const totals: ReportResults['totals'] = {
    posts: kindCount('post')?.count ?? 0,
    dxPosts: rows.dxPostsTotal,
    broadcasts: kindCount('broadcast')?.count ?? 0,
    broadcastMinutes: minutes(kindCount('broadcast')?.seconds ?? 0),
    pressIssues: kindCount('press_issue')?.count ?? 0,
    ethnicLanguageItems: rows.ethnicItems,
    schedulesIssued: rows.schedules.filter((row) => row.status === 'issued').length,
  };

  return {
    computedAt: input.now.toISOString(),
    unit: { id: unitId, name: graph.latestName(unitId) ?? '', kind: unit.kind },
    period: { key: period.key, label: period.label, from: period.from, to: period.to },
    totals,
    byChannel,
    byGenre,
    byTopic,
    byLanguage,
    dxPosts: rows.dxPosts.map((row) => ({
      date: row.date,
      title: row.title,
      url: row.url,
      channel: row.channelName ? channelLabel({ name: row.channelName, kind: row.channelKind }, lang) : '',
    })),
    dxPostsTotal: rows.dxPostsTotal,
    broadcastsPerWeek: broadcastsPerWeek(graph, unitId, sources, period, today, rows.broadcastDays),
    schedules: rows.schedules,
    banner: rows.banner
      ? {
          status:
            rows.banner.isVerified === true
              ? 'present'
              : rows.banner.isVerified === false
                ? 'absent'
                : 'unknown',
          checkedOn: rows.banner.checkedOn,
          targetUrl: rows.banner.targetUrl,
        }
      : { status: 'unknown', checkedOn: null, targetUrl: null },
    scores: scoring?.scores ?? null,
  };
}

/** Largest first, then by label. */
function sortRows(rows: CountRow[]): CountRow[] {
  return rows.sort((a, b) => b.count - a.count || compareVietnamese(a.label, b.label));
}

/** The unit and the units merged into it that lived on some day of the period (as resolveTargets picks). */
function sourceUnitsIn(graph: UnitGraph, unitId: string, period: { from: string; to: string }): string[] {
  const ids = graph
    .mergeSources([unitId])
    .filter(
      (source) => source.validFrom <= period.to && (source.validTo === null || source.validTo > period.from),
    )
    .map((source) => source.sourceId);
  return ids.length > 0 ? ids : [unitId];
}

/**
 * The ISO weeks of the period as the scores count them (a week belongs to the period when its
 * Thursday does, and only its days inside the period count: buckets.ts), up to the last day counted.
 */
function broadcastsPerWeek(
  graph: UnitGraph,
  unitId: string,
  sources: readonly string[],
  period: BuildReportResultsInput['period'],
  today: string,
  days: ReadonlyArray<{ day: string; count: number; seconds: number }>,
): ReportResults['broadcastsPerWeek'] {
  const unit = graph.unit(unitId)!;
  const firstDay = sources.reduce((first, id) => {
    const from = graph.unit(id)?.validFrom ?? first;
    return from < first ? from : first;
  }, unit.validFrom);
  const through = period.to < today ? period.to : today;
  const lastDay = unit.validTo !== null ? addDays(unit.validTo, -1) : null;
  const window: ScoringWindow = {
    period: { kind: 'year', key: period.key, from: period.from, to: period.to, label: period.label },
    activeFrom: firstDay > period.from ? firstDay : period.from,
    through: lastDay !== null && lastDay < through ? lastDay : through,
    ...(lastDay !== null && lastDay < period.to ? { activeUntil: lastDay } : {}),
  };
  return countedBucketsOf('week', window)
    .filter((bucket) => bucket.countedFrom <= window.through)
    .map(({ bucket, countedFrom, countedTo }) => {
      let count = 0;
      let seconds = 0;
      for (const day of days)
        if (day.day >= countedFrom && day.day <= countedTo) {
          count += day.count;
          seconds += day.seconds;
        }
      const { year, week } = isoWeekOf(bucket.start);
      return {
        week: `${year}-W${String(week).padStart(2, '0')}`,
        from: countedFrom,
        to: countedTo,
        count,
        minutes: Math.round(seconds / 60),
      };
    });
}

/** The province of today a unit belongs to (through parents and merges), whose vocabulary it uses. */
function findProvinceOnGraph(graph: UnitGraph, unitId: string): string | null {
  return (
    graph
      .governingIds(unitId)
      .find((id) => graph.unit(id)?.kind === 'province' && graph.unit(id)?.validTo === null) ?? null
  );
}

/**
 * The framework a unit's report is scored on: the given code, else the one the unit (or a unit merged
 * into it) has an assessment on for a period overlapping the report's, else the one most units of its
 * province are assessed on, else the only framework in force that scores the unit's kind. None when
 * nothing decides (a report then has no score rather than a guessed one).
 */
async function chooseFrameworkCode(
  q: Queryable,
  graph: UnitGraph,
  unitId: string,
  kind: UnitKind,
  period: { from: string; to: string },
): Promise<string | null> {
  const own = graph.mergeSources([unitId]).map((source) => source.sourceId);
  const provinceId = findProvinceOnGraph(graph, unitId);
  const province = provinceId ? graph.rollupIds([provinceId]) : own;
  const array = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
  const rows = await queryRows<{ code: string; own: number; province: number }>(
    q,
    sql`select f.code,
          count(a.id) filter (where a.unit_id = any(${array(own)}))::int as own,
          count(a.id)::int as province
        from frameworks f
        left join assessments a on a.framework_id = f.id and a.status <> 'superseded'
          and a.period_from <= ${period.to}::date and a.period_to >= ${period.from}::date
          and a.unit_id = any(${array(province)})
        where f.valid_from <= ${period.to}::date and (f.valid_to is null or f.valid_to >= ${period.from}::date)
          and ${kind} = any(f.applies_to)
        group by f.code
        order by own desc, province desc, f.code`,
  );
  const best = rows[0];
  if (!best) return null;
  if (best.own > 0 || best.province > 0 || rows.length === 1) return best.code;
  return null;
}

async function scoreForReport(
  q: Queryable,
  graph: UnitGraph,
  input: BuildReportResultsInput,
  today: string,
): Promise<{ context: ScoredUnitContext; scores: NonNullable<ReportResults['scores']> } | null> {
  const { unitId, period, lang } = input;
  const unit = graph.unit(unitId)!;
  if (today < period.from) return null;
  const code = input.frameworkCode ?? (await chooseFrameworkCode(q, graph, unitId, unit.kind, period));
  if (!code) return null;
  const kindOfCode = await queryRows<{ periodKind: string }>(
    q,
    sql`select period_kind as "periodKind" from frameworks where code = ${code} order by valid_from desc limit 1`,
  );
  const periodKind = kindOfCode[0]?.periodKind;
  if (!periodKind) return null;
  const scorePeriod: Period = periodContaining(periodKind as Period['kind'], period.from);
  // Counted up to the end of the report's period (a 6-month report scores the year so far); the
  // official score is the one published by today.
  const countedDay = period.to < today ? period.to : today;
  let context: ScoredUnitContext;
  try {
    context = await resolveUnitTarget(
      q,
      unitId,
      { framework: code, period: scorePeriod.key },
      countedDay < scorePeriod.from ? scorePeriod.from : countedDay,
    );
  } catch (error) {
    // The framework does not score this unit's kind, or the unit did not exist in the period.
    if (error instanceof AppError && (error.code === 'VALIDATION_FAILED' || error.code === 'NOT_FOUND'))
      return null;
    throw error;
  }
  const { evaluation, official } = await evaluateScoredUnit(q, context, lang, today);
  const words = wordsFor(lang);
  return {
    context,
    scores: {
      frameworkName: context.framework.name,
      periodLabel: words.periodName(context.window.period),
      live: { score: evaluation.score, max: evaluation.max },
      official: official
        ? {
            score: official.score,
            max: official.max,
            publishedAt: official.publishedAt ? official.publishedAt.toISOString() : '',
          }
        : null,
      criteria: evaluation.criteria.map((criterion) => ({
        code: criterion.code,
        name: criterion.title,
        max: criterion.max,
        liveScore: criterion.score,
        officialScore: official ? (official.criteria.get(criterion.code) ?? null) : null,
        explanation: criterion.explanation,
      })),
    },
  };
}

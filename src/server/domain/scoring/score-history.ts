import { asc, eq } from 'drizzle-orm';
import type { ScoreHistoryDto } from '../../../shared/api/scoring';
import type { Queryable } from '../../db/client';
import { getUnitLatest } from '../../db/repositories/units';
import { frameworks } from '../../db/schema-scoring';
import { notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { type Period, periodContaining, previousPeriod } from '../../scoring/periods';
import { evaluateBoard } from './evaluate-board';
import { findFrameworkForPeriod } from './load-framework';
import { findOfficialScores, headlineScore, presentOfficial } from './official-score';
import type { ScoreboardView } from './resolve-targets';
import { defaultUnitView } from './scoring-context';

/** How many periods back the history goes (eight years, or eight months for a monthly framework). */
const HISTORY_LENGTH = 8;

/**
 * A unit's score period after period under one framework code, each period scored by the version
 * in force then: the published appraisal where there is one, else the live score.
 */
export async function scoreHistory(
  q: Queryable,
  principal: Principal,
  unitId: string,
  query: { framework: string; view?: ScoreboardView },
  today: string,
): Promise<ScoreHistoryDto> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const latest = await getUnitLatest(q, unitId);
  if (!latest) throw notFound();
  const versions = await q
    .select({ validFrom: frameworks.validFrom, definition: frameworks.definition })
    .from(frameworks)
    .where(eq(frameworks.code, query.framework))
    .orderBy(asc(frameworks.validFrom));
  const first = versions[0];
  if (!first)
    throw validationError('Không có bộ chỉ số với mã này.', [
      { field: 'framework', message: `Không có bộ chỉ số mã "${query.framework}".` },
    ]);
  const periods: Period[] = [];
  for (
    let period = periodContaining(first.definition.period, today);
    period.to >= first.validFrom && periods.length < HISTORY_LENGTH;
    period = previousPeriod(period)
  )
    periods.push(period);

  const items: ScoreHistoryDto['items'] = [];
  for (const period of periods.reverse()) {
    const loaded = await findFrameworkForPeriod(q, query.framework, period.key);
    if (!loaded?.framework.definition.appliesTo.includes(latest.unit.kind)) continue;
    const { framework } = loaded;
    const view = defaultUnitView(framework, query.view, latest.unit.validTo, today);
    const board = await evaluateBoard(q, {
      framework,
      period,
      rootId: unitId,
      kinds: [latest.unit.kind],
      view,
      today,
      onlyRoot: true,
    });
    const evaluated = board.units[0];
    if (!evaluated) continue;
    const official = (
      await findOfficialScores(q, {
        frameworkId: framework.id,
        periodKey: period.key,
        asOf: today,
        unitIds: [unitId],
      })
    ).get(unitId);
    const { evaluation } = evaluated;
    const live = { score: evaluation.score, max: evaluation.max, percent: evaluation.percent };
    items.push({
      periodKey: period.key,
      periodLabel: period.label,
      frameworkVersion: framework.version,
      ...headlineScore(live, official),
      live,
      official: presentOfficial(official),
    });
  }
  return { unit: { id: latest.unit.id, name: latest.unit.name }, items };
}

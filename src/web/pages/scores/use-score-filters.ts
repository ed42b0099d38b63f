import { useSearchParams } from 'react-router-dom';
import type { PeriodKind } from '../../../shared/frameworks/definition';
import { UNIT_KINDS, type UnitKind } from '../../../shared/units';
import { useMe } from '../../api/auth';
import {
  type FrameworkVersion,
  type ScoreboardView,
  type ScoreStatus,
  useFrameworks,
} from '../../api/scoring';
import { todayIso } from '../../format/dates';
import { DEFAULT_FRAMEWORK, defaultPeriod, offeredPeriods } from './periods';

export type ScoreSort = 'name' | 'percent';
type FilterParam = 'framework' | 'period' | 'unit' | 'view' | 'kind' | 'sort' | 'status' | 'page';

export interface ScoreFilters {
  framework: string;
  /** The stored versions of the chosen framework (empty until the list arrives or when it fails). */
  versions: FrameworkVersion[];
  /** Every framework, one entry per code. */
  frameworks: FrameworkVersion[];
  periodKind: PeriodKind;
  /** The periods offered, newest first. */
  periods: string[];
  period: string;
  /** The root of the board; undefined is the user's whole scope (the country for a system admin). */
  unitId: string | undefined;
  view: ScoreboardView | undefined;
  kind: UnitKind | undefined;
  sort: ScoreSort;
  /** The status the board's table is narrowed to (a click on a status count); undefined: all. */
  status: ScoreStatus | undefined;
  /** The page of the board shown (from 1); any other change of the choices goes back to the first. */
  page: number;
  /** False while the framework list loads: the default period depends on it. */
  ready: boolean;
  update(changes: Partial<Record<FilterParam, string | undefined>>): void;
}

const VIEWS: readonly string[] = ['successors', 'as_they_were'];
const STATUSES: readonly ScoreStatus[] = ['green', 'amber', 'red', 'grey'];

/** The page in the address: a whole number from 1, anything else the first page. */
function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** One entry per framework code: the newest version names it. */
function distinctFrameworks(versions: FrameworkVersion[]): FrameworkVersion[] {
  const byCode = new Map<string, FrameworkVersion>();
  for (const version of versions) {
    const known = byCode.get(version.code);
    if (!known || version.validFrom > known.validFrom) byCode.set(version.code, version);
  }
  return [...byCode.values()];
}

/**
 * The board's choices, kept in the address so a link shows the same board: framework, period, unit,
 * view, unit kind, order, status filter and page. What is absent takes its default: Kon Tum's QĐ 780, the period
 * running today, the unit of the user's first grant.
 */
export function useScoreFilters(): ScoreFilters {
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const frameworkList = useFrameworks();
  const today = todayIso();

  const framework = params.get('framework') || DEFAULT_FRAMEWORK;
  const all = frameworkList.data ?? [];
  const versions = all.filter((version) => version.code === framework);
  const periodKind = versions[0]?.periodKind ?? 'year';
  const periods = offeredPeriods(periodKind, versions, today);
  const period = params.get('period') || defaultPeriod(periodKind, versions, today);
  const firstGrantUnit = me?.grants.find((grant) => grant.unitId)?.unitId ?? undefined;
  const view = params.get('view') ?? '';
  const kind = params.get('kind') ?? '';

  const update = (changes: Partial<Record<FilterParam, string | undefined>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        // Another board, order or filter starts again at its first page.
        if (!('page' in changes)) next.delete('page');
        for (const [name, value] of Object.entries(changes))
          if (value) next.set(name, value);
          else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return {
    framework,
    versions,
    frameworks: distinctFrameworks(all),
    periodKind,
    periods: periods.includes(period) ? periods : [period, ...periods],
    period,
    unitId: params.get('unit') || firstGrantUnit,
    view: VIEWS.includes(view) ? (view as ScoreboardView) : undefined,
    kind: (UNIT_KINDS as readonly string[]).includes(kind) ? (kind as UnitKind) : undefined,
    sort: params.get('sort') === 'percent' ? 'percent' : 'name',
    status: (STATUSES as readonly string[]).includes(params.get('status') ?? '')
      ? (params.get('status') as ScoreStatus)
      : undefined,
    page: pageOf(params.get('page')),
    ready: !frameworkList.isPending,
    update,
  };
}

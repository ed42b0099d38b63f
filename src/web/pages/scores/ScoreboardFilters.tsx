import { Select } from 'antd';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/units';
import { useMe } from '../../api/auth';
import type { Scoreboard, ScoreboardView } from '../../api/scoring';
import { useUnitRoots } from '../../api/units';
import { UnitPicker } from '../../components/UnitPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { periodName, periodStart, REORGANISATION_DAY } from './periods';
import type { ScoreFilters } from './use-score-filters';

/** Whether the user sees more than their own units: then any unit of the scope can be searched. */
function useHasWiderScope(): boolean {
  const me = useMe().data;
  const roots = useUnitRoots(undefined);
  const systemWide = (me?.grants ?? []).some((grant) => grant.unitId === null);
  return systemWide || (roots.data ?? []).some((root) => root.childCount > 0);
}

/** The board's root: the user's grant units, and the one shown now when it is another. */
function useRootOptions(current: Scoreboard['root'] | undefined) {
  const me = useMe().data;
  const options = new Map<string, string>();
  for (const grant of me?.grants ?? [])
    if (grant.unitId && !options.has(grant.unitId)) options.set(grant.unitId, grant.unitName ?? grant.unitId);
  if (current && !options.has(current.id)) options.set(current.id, current.name);
  return [...options].map(([value, label]) => ({ value, label }));
}

/**
 * Framework, period, unit, unit kind and (for periods before the 2025 merge) how merged units show.
 * A unit's own page leaves out the unit and kind (`withScope={false}`).
 */
export function ScoreboardFilters(props: {
  filters: ScoreFilters;
  board: (Pick<Scoreboard, 'framework' | 'view' | 'criteria'> & { root?: Scoreboard['root'] }) | undefined;
  withScope?: boolean;
}) {
  const { t, label } = useI18n();
  const { filters, board } = props;
  const withScope = props.withScope ?? true;
  const rootOptions = useRootOptions(board?.root);
  const widerScope = useHasWiderScope() && withScope;
  const kinds: UnitKind[] = [
    ...new Set(
      filters.versions.length
        ? filters.versions.flatMap((version) => version.appliesTo)
        : (board?.criteria ?? []).flatMap((column) => column.appliesTo),
    ),
  ];
  const frameworkOptions = filters.frameworks.length
    ? filters.frameworks.map((framework) => ({ value: framework.code, label: framework.name }))
    : [{ value: filters.framework, label: board?.framework.name ?? filters.framework }];
  const showView = periodStart(filters.period) < REORGANISATION_DAY;
  const view: ScoreboardView = board?.view ?? filters.view ?? 'successors';

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}>
      <Select
        aria-label={t('scoring.framework')}
        value={filters.framework}
        onChange={(value) => filters.update({ framework: value, period: undefined, kind: undefined })}
        options={frameworkOptions}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t('scoring.period')}
        value={filters.period}
        onChange={(value) => filters.update({ period: value })}
        options={filters.periods.map((key) => ({ value: key, label: periodName(key, t) }))}
      />
      {withScope && rootOptions.length ? (
        <Select
          aria-label={t('scoring.unit')}
          value={filters.unitId}
          placeholder={t('scoring.wholeScope')}
          onChange={(value) => filters.update({ unit: value })}
          options={rootOptions}
        />
      ) : null}
      {widerScope ? (
        <UnitPicker value={null} onChange={(unitId) => filters.update({ unit: unitId ?? undefined })} />
      ) : null}
      {widerScope && kinds.length > 1 ? (
        <Select
          allowClear
          aria-label={t('scoring.kind')}
          placeholder={t('scoring.allKinds')}
          value={filters.kind}
          onChange={(value) => filters.update({ kind: value })}
          options={kinds.map((kind) => ({ value: kind, label: label(UNIT_KIND_LABELS[kind]) }))}
        />
      ) : null}
      {showView ? (
        <Select<ScoreboardView>
          aria-label={t('scoring.viewLabel')}
          value={view}
          onChange={(value) => filters.update({ view: value })}
          options={[
            { value: 'successors', label: t('scoring.view.successors') },
            { value: 'as_they_were', label: t('scoring.view.as_they_were') },
          ]}
        />
      ) : null}
    </div>
  );
}

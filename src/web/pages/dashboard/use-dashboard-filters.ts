import { useSearchParams } from 'react-router-dom';
import { todayIso } from '../../format/dates';

/** How many years the year picker offers, this year included. */
const YEARS_OFFERED = 6;

/**
 * The year and unit of a dashboard, kept in the address (a link shows the same board). Absent, the
 * year is the app clock's (Vietnamese day) and the unit the server's default (the user's province).
 */
export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes))
          if (value) next.set(name, value);
          else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return {
    year,
    years: Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i),
    unitId: params.get('unit') || undefined,
    update,
  };
}

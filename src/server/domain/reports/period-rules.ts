import type { ReportDueRule, ReportKind } from '../../../shared/api/report-contract';
import { addDays, monthBounds } from '../../../shared/dates';

/**
 * The periods a report type has, and when each is due: pure rules, no database, no clock.
 * - semiannual: the first half of a year (01/01–30/06), due on a day of that year (default 05/06);
 * - annual: the year (01/01–31/12), due on a day of that year (default 05/12; Kon Rẫy uses 10/12);
 * - monthly_schedule: each month, due N days before the month starts (default 1: the previous month's
 *   last day);
 * - ad_hoc: no periods of its own; the office creates each with its dates.
 */
export interface PeriodSpec {
  periodKey: string;
  label: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
}

export const DEFAULT_DUE_RULES: Record<ReportKind, ReportDueRule> = {
  semiannual: { kind: 'yearly', month: 6, day: 5 },
  annual: { kind: 'yearly', month: 12, day: 5 },
  monthly_schedule: { kind: 'before_month', daysBefore: 1 },
  ad_hoc: { kind: 'fixed' },
};

/** Which due rule each kind takes. */
export const DUE_RULE_KIND: Record<ReportKind, ReportDueRule['kind']> = {
  semiannual: 'yearly',
  annual: 'yearly',
  monthly_schedule: 'before_month',
  ad_hoc: 'fixed',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A day of a year; a day past the month's end (31/04, 29/02 of a common year) is the month's last day. */
export function yearlyDue(year: number, month: number, day: number): string {
  const { last } = monthBounds(`${year}-${pad(month)}`);
  const wanted = `${year}-${pad(month)}-${pad(day)}`;
  return wanted > last ? last : wanted;
}

/** The due day of a period under a rule; null for a `fixed` rule (given by hand). */
export function dueOnFor(rule: ReportDueRule, period: { periodFrom: string }): string | null {
  const year = Number(period.periodFrom.slice(0, 4));
  if (rule.kind === 'yearly') return yearlyDue(year, rule.month, rule.day);
  if (rule.kind === 'before_month') return addDays(period.periodFrom, -rule.daysBefore);
  return null;
}

/** The periods of a type that cover a year (none for ad hoc). */
export function periodsOfYear(kind: ReportKind, rule: ReportDueRule, year: number): PeriodSpec[] {
  const specs: Array<Omit<PeriodSpec, 'dueOn'>> = [];
  if (kind === 'semiannual')
    specs.push({
      periodKey: `${year}-H1`,
      label: `6 tháng đầu năm ${year}`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
    });
  else if (kind === 'annual')
    specs.push({
      periodKey: String(year),
      label: `Năm ${year}`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
    });
  else if (kind === 'monthly_schedule')
    for (let month = 1; month <= 12; month += 1) {
      const { first, last } = monthBounds(`${year}-${pad(month)}`);
      specs.push({
        periodKey: `${year}-${pad(month)}`,
        label: `Tháng ${pad(month)}/${year}`,
        periodFrom: first,
        periodTo: last,
      });
    }
  return specs.flatMap((spec) => {
    const dueOn = dueOnFor(rule, spec);
    return dueOn ? [{ ...spec, dueOn }] : [];
  });
}

/**
 * The periods to have on a day: every period of the day's year and, once all of them are past due, the
 * next one due (the January schedule of next year, due on 31/12; next year's annual report after 05/12).
 */
export function periodsToEnsure(kind: ReportKind, rule: ReportDueRule, today: string): PeriodSpec[] {
  const year = Number(today.slice(0, 4));
  const current = periodsOfYear(kind, rule, year);
  if (current.some((spec) => spec.dueOn >= today)) return current;
  const nextDue = periodsOfYear(kind, rule, year + 1).find((spec) => spec.dueOn >= today);
  return nextDue ? [...current, nextDue] : current;
}

/**
 * Days as whole numbers (days since 1970-01-01, "epoch days"): the scoring engine counts thousands of
 * units × hundreds of days, and integer arithmetic keeps that cheap and free of time zones.
 * Epoch day 0 was a Thursday.
 */

const MS_PER_DAY = 86_400_000;

export function toEpochDay(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
export function isoWeekday(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

export function mondayOfEpochDay(epochDay: number): number {
  return epochDay - isoWeekday(epochDay);
}

/** dd/MM, the short form used in gap messages ("trước 31/12"). */
export function shortVnDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** dd/MM/yyyy. */
export function vnDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

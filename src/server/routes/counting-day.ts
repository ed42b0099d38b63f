import { today } from '../db/repositories/units';
import { validationError } from '../errors';

/** The day scores count up to: today, or an earlier day asked for ("how the board stood then"). */
export function countingDay(asOf: string | undefined): string {
  const now = today();
  if (asOf && asOf > now)
    throw validationError('Ngày tính không được sau hôm nay.', [
      { field: 'querystring.asOf', message: 'Ngày tính không được sau hôm nay.' },
    ]);
  return asOf ?? now;
}

import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/activities';
import type { LanguageCountsDto } from '../../../shared/api/activities';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { countByLanguage } from '../../db/repositories/activities';
import { findAllLanguages } from '../../db/repositories/vocabulary';
import { validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { findCurrentProvinceId } from '../units/find-province';
import { rollupInScope } from './visible-units';

type Counts = Record<ActivityKind, number>;
const noCounts = (): Counts => Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as Counts;

/**
 * Ethnic-language content (D8) of a unit's roll-up in a period: per unit and language other than
 * Vietnamese, live and non-duplicate records by kind. Default period: this year up to today.
 */
export async function countLanguages(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  from?: string;
  to?: string;
}): Promise<LanguageCountsDto> {
  const { db, principal, unitId } = options;
  const unitIds = await rollupInScope(db, principal, unitId);
  const today = todayVn();
  const from = options.from ?? `${today.slice(0, 4)}-01-01`;
  const to = options.to ?? today;
  if (from > to)
    throw validationError('Ngày bắt đầu phải trước ngày kết thúc.', [
      { field: 'from', message: 'Sau ngày kết thúc.' },
    ]);

  const names = new Map(
    (await findAllLanguages(db, await findCurrentProvinceId(db, unitId))).map((language) => [
      language.code,
      language.name,
    ]),
  );
  const nameOf = (code: string) => names.get(code) ?? code;
  const items = new Map<string, LanguageCountsDto['items'][number]>();
  const totals = new Map<string, LanguageCountsDto['totals'][number]>();
  for (const row of await countByLanguage(db, unitIds, from, to)) {
    const key = `${row.unitId}|${row.language}`;
    if (!items.has(key))
      items.set(key, {
        unitId: row.unitId,
        unitName: row.unitName,
        language: row.language,
        languageName: nameOf(row.language),
        counts: noCounts(),
        total: 0,
      });
    if (!totals.has(row.language))
      totals.set(row.language, {
        language: row.language,
        languageName: nameOf(row.language),
        counts: noCounts(),
        total: 0,
      });
    for (const target of [items.get(key)!, totals.get(row.language)!]) {
      target.counts[row.kind] += row.count;
      target.total += row.count;
    }
  }
  return {
    unitId,
    from,
    to,
    items: [...items.values()],
    totals: [...totals.values()].sort((a, b) => b.total - a.total),
  };
}

import type { LanguageDto, TopicDto, VocabularyDto } from '../../../shared/api/vocabulary';
import type { Db } from '../../db/client';
import { getUnitRow } from '../../db/repositories/units';
import {
  findAllLanguages,
  findAllTopics,
  findLanguages,
  findTopics,
  type LanguageRow,
  type TopicRow,
} from '../../db/repositories/vocabulary';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findCurrentProvinceId } from '../units/find-province';
import { canManageProvince } from './province-settings';

export function presentTopic(row: TopicRow): TopicDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    isActive: row.isActive,
    isNational: row.provinceId === null,
    sortOrder: row.sortOrder,
  };
}

export function presentLanguage(row: LanguageRow): LanguageDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    isActive: row.isActive,
    isNational: row.provinceId === null,
  };
}

/** The topics and languages a unit's records may use: the national lists plus its province's own. */
export async function getVocabulary(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  includeInactive?: boolean;
}): Promise<VocabularyDto> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const provinceId = await findCurrentProvinceId(db, unitId);
  const province = provinceId ? await getUnitRow(db, provinceId) : undefined;
  const [topics, languages] = options.includeInactive
    ? [await findAllTopics(db, provinceId), await findAllLanguages(db, provinceId)]
    : [await findTopics(db, provinceId), await findLanguages(db, provinceId)];
  return {
    provinceId,
    provinceName: province?.name ?? null,
    canManage: await canManageProvince(db, principal, provinceId),
    topics: topics.map(presentTopic),
    languages: languages.map(presentLanguage),
  };
}

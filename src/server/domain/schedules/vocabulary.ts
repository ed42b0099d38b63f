import type { Queryable } from '../../db/client';
import { findLanguages, findTopics } from '../../db/repositories/vocabulary';
import { findCurrentProvinceId } from '../units/find-province';

export interface Vocabulary {
  topics: Map<string, string>;
  languages: Map<string, string>;
}

/** The topics and languages a unit may use: the national lists plus its province's additions. */
export async function loadVocabulary(q: Queryable, unitId: string): Promise<Vocabulary> {
  const provinceId = await findCurrentProvinceId(q, unitId);
  const topicRows = await findTopics(q, provinceId);
  const languageRows = await findLanguages(q, provinceId);
  return {
    topics: new Map(topicRows.map((row) => [row.code, row.name])),
    languages: new Map(languageRows.map((row) => [row.code, row.name])),
  };
}

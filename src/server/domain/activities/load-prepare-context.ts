import type { Provenance } from '../../../shared/activities';
import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { type ChannelRow, findChannelRows } from '../../db/repositories/channels';
import { getUnitRow } from '../../db/repositories/units';
import { findLanguages, findTopics } from '../../db/repositories/vocabulary';
import { findCurrentProvinceId } from '../units/find-province';
import type { PrepareContext } from './prepare-activity';

export interface PrepareBase {
  provenance: Provenance;
  recordedBy: string | null;
  importBatchId?: string | null;
  /** Codes a record already carries: an edit keeps a topic or language the province has since deactivated. */
  keepTopicCodes?: readonly string[];
  keepLanguageCodes?: readonly string[];
}

/**
 * Loads, once for a whole batch, what prepareActivity needs about each record's unit (its days and
 * its province's topics and languages) and channel. Units must exist: callers authorise them first.
 */
export async function loadPrepareContexts(
  q: Queryable,
  inputs: ReadonlyArray<{ unitId: string; channelId?: string | null }>,
  base: PrepareBase,
): Promise<(input: { unitId: string; channelId?: string | null }) => PrepareContext> {
  const today = todayVn();
  const unitIds = [...new Set(inputs.map((input) => input.unitId))];
  const channelIds = [
    ...new Set(inputs.map((input) => input.channelId).filter((id): id is string => Boolean(id))),
  ];
  const channels = new Map<string, ChannelRow>(
    (await findChannelRows(q, channelIds)).map((row) => [row.id, row]),
  );

  const vocabularyByProvince = new Map<
    string | null,
    { topicCodes: Set<string>; languageCodes: Set<string> }
  >();
  const units = new Map<string, { validFrom: string; validTo: string | null; provinceId: string | null }>();
  for (const unitId of unitIds) {
    const unit = await getUnitRow(q, unitId);
    if (!unit) throw new Error(`unit ${unitId} not found; authorise before preparing records`);
    const provinceId = await findCurrentProvinceId(q, unitId);
    units.set(unitId, { validFrom: unit.validFrom, validTo: unit.validTo, provinceId });
    if (!vocabularyByProvince.has(provinceId)) {
      const [topics, languages] = [await findTopics(q, provinceId), await findLanguages(q, provinceId)];
      vocabularyByProvince.set(provinceId, {
        topicCodes: new Set([...topics.map((topic) => topic.code), ...(base.keepTopicCodes ?? [])]),
        languageCodes: new Set([
          ...languages.map((language) => language.code),
          ...(base.keepLanguageCodes ?? []),
        ]),
      });
    }
  }

  const channelOf = (channelId: string, unitId: string) => {
    const channel = channels.get(channelId);
    return channel?.unitId === unitId ? channel : undefined;
  };

  return (input) => {
    const unit = units.get(input.unitId);
    if (!unit) throw new Error(`unit ${input.unitId} was not loaded`);
    const vocabulary = vocabularyByProvince.get(unit.provinceId)!;
    return {
      provenance: base.provenance,
      recordedBy: base.recordedBy,
      importBatchId: base.importBatchId ?? null,
      // Another unit's channel is "not found": its id tells nothing about that unit.
      channel: input.channelId ? (channelOf(input.channelId, input.unitId) ?? null) : null,
      topicCodes: vocabulary.topicCodes,
      languageCodes: vocabulary.languageCodes,
      today,
      unitValidFrom: unit.validFrom,
      unitValidTo: unit.validTo,
    };
  };
}

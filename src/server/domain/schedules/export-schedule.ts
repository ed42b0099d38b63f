import {
  BROADCAST_SOURCE_LABELS,
  type BroadcastSource,
  GENRE_LABELS,
  type Genre,
} from '../../../shared/activities';
import { dayOf, todayVn } from '../../../shared/dates';
import type { UnitKind } from '../../../shared/units';
import type { Db } from '../../db/client';
import { findEntries, getChannel } from '../../db/repositories/schedules';
import { getUnitLatest, getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import {
  agencyHeading,
  defaultSymbol,
  isAdministrative,
  placeName,
  signingLines,
} from '../../reports/agency';
import { DOCX_TYPE, XLSX_TYPE } from '../../reports/file-name';
import type { ScheduleDocumentData } from '../../reports/schedule-data';
import { scheduleFileStem } from '../../reports/schedule-data';
import { buildScheduleDocument } from '../../reports/schedule-document';
import { buildScheduleWorkbook } from '../../reports/schedule-workbook';
import { isDxEntry, isDxProgramme } from './is-dx';
import { loadSchedule } from './load-schedule';
import { monthOf, recipientsOf } from './present-schedule';
import { findWeekWarnings } from './schedule-weeks';
import { loadVocabulary } from './vocabulary';

/** Everything the documents print, in words. The header names the unit and its current parent. */
export async function scheduleDocumentData(
  db: Db,
  scheduleId: string,
  principal: Principal,
): Promise<ScheduleDocumentData> {
  const { schedule } = await loadSchedule(db, principal, scheduleId, 'unit.view');
  const channel = await getChannel(db, schedule.channelId);
  const latest = await getUnitLatest(db, schedule.unitId);
  if (!channel || !latest) throw notFound();
  const unit = latest.unit;
  const parent = unit.parentId ? await getUnitRow(db, unit.parentId) : undefined;
  const vocabulary = await loadVocabulary(db, schedule.unitId);
  const programmeIsDx = isDxProgramme(channel);
  const entries = await findEntries(db, [scheduleId]);
  const month = monthOf(schedule);
  const kind = unit.kind as UnitKind;
  // The place of the date line is the administrative unit: the commune itself, or the one a centre belongs to.
  const placeUnit =
    isAdministrative(kind) || !parent
      ? unit
      : { kind: parent.kind as UnitKind, name: latest.unit.parentName ?? parent.name };
  return {
    parentAgency: parent
      ? agencyHeading({ kind: parent.kind as UnitKind, name: unit.parentName ?? parent.name })
      : null,
    issuingAgency: agencyHeading({ kind, name: unit.name }),
    documentNumber: schedule.documentNumber,
    documentSymbol: defaultSymbol(kind, 'DM'),
    place: placeName(placeUnit.name),
    issuedOn: schedule.issuedAt ? dayOf(schedule.issuedAt) : null,
    draftYear: Number(todayVn().slice(0, 4)),
    unitName: unit.name,
    programmeName: channel.name,
    stationName: channel.stationName,
    month,
    entries: entries.map((entry) => ({
      airDate: entry.airDate,
      timeSlot: entry.timeSlot,
      title: entry.title,
      genre: entry.genre ? (GENRE_LABELS[entry.genre as Genre]?.vi ?? entry.genre) : null,
      topic: entry.topic ? (vocabulary.topics.get(entry.topic) ?? entry.topic) : null,
      language: vocabulary.languages.get(entry.language) ?? entry.language,
      durationMinutes: entry.durationMinutes,
      source: BROADCAST_SOURCE_LABELS[entry.source as BroadcastSource]?.vi ?? entry.source,
      isAired: entry.airedActivityId !== null,
    })),
    warnings: findWeekWarnings(
      month,
      entries.map((entry) => ({ airDate: entry.airDate, isDx: isDxEntry(entry, programmeIsDx) })),
    ).map((warning) => warning.message),
    note: schedule.note,
    recipients: recipientsOf(schedule),
    signingLines: signingLines(kind, schedule.signerTitle),
    signerName: schedule.signerName,
    isDraft: schedule.status === 'draft',
  };
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export async function exportSchedule(options: {
  db: Db;
  principal: Principal;
  scheduleId: string;
  format: 'docx' | 'xlsx';
}): Promise<ExportedFile> {
  const data = await scheduleDocumentData(options.db, options.scheduleId, options.principal);
  const stem = scheduleFileStem(data);
  if (options.format === 'docx')
    return { fileName: `${stem}.docx`, contentType: DOCX_TYPE, content: await buildScheduleDocument(data) };
  return { fileName: `${stem}.xlsx`, contentType: XLSX_TYPE, content: await buildScheduleWorkbook(data) };
}

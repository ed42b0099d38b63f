import { foldForSearch } from '../../../shared/text';
import { headerKey } from '../activity-import/columns';

/** The columns of an as-run file: Vietnamese headers, the push's English keys also accepted. */
export type AsRunColumn =
  | 'externalId'
  | 'stationCode'
  | 'airedAt'
  | 'duration'
  | 'programme'
  | 'title'
  | 'source'
  | 'language';

interface Spec {
  key: AsRunColumn;
  header: string;
  /** Folded headers (see headerKey) read as this column. */
  aliases: string[];
  isRequired: boolean;
}

export const AS_RUN_COLUMNS: readonly Spec[] = [
  {
    key: 'externalId',
    header: 'Mã',
    aliases: ['ma', 'ma muc', 'ma phat', 'externalid', 'external id', 'id'],
    isRequired: true,
  },
  {
    key: 'stationCode',
    header: 'Mã trạm',
    aliases: ['ma tram', 'stationcode', 'station code', 'station'],
    isRequired: false,
  },
  {
    key: 'airedAt',
    header: 'Thời điểm phát',
    aliases: ['thoi diem phat', 'thoi gian phat', 'airedat', 'aired at'],
    isRequired: true,
  },
  {
    key: 'duration',
    header: 'Thời lượng (giây)',
    aliases: ['thoi luong', 'durationseconds', 'duration seconds', 'duration'],
    isRequired: true,
  },
  {
    key: 'programme',
    header: 'Chương trình',
    aliases: ['chuong trinh', 'programme', 'program'],
    isRequired: false,
  },
  { key: 'title', header: 'Tiêu đề', aliases: ['tieu de', 'title'], isRequired: true },
  { key: 'source', header: 'Nguồn', aliases: ['nguon', 'source'], isRequired: false },
  { key: 'language', header: 'Ngôn ngữ', aliases: ['ngon ngu', 'language'], isRequired: false },
];

/**
 * How a duration column counts, from its header: "Thời lượng (giây)" or durationSeconds in seconds,
 * "Thời lượng (phút)" in minutes, "Thời lượng (phút:giây)" as m:ss. A cell written "m:ss" or
 * "h:mm:ss" is read as such whatever the header.
 */
export type DurationUnit = 'seconds' | 'minutes';

export function durationUnitOf(header: string): DurationUnit {
  const folded = foldForSearch(header);
  return /\(\s*phut\s*\)/.test(folded) || /\bminutes?\b/.test(folded) ? 'minutes' : 'seconds';
}

/** Which column of the file holds each key (the first one when a header repeats). */
export function mapAsRunHeaders(headers: string[]): Map<AsRunColumn, number> {
  const keys = headers.map(headerKey);
  const found = new Map<AsRunColumn, number>();
  for (const spec of AS_RUN_COLUMNS) {
    const index = keys.findIndex(
      (key, i) =>
        ![...found.values()].includes(i) && (key === headerKey(spec.header) || spec.aliases.includes(key)),
    );
    if (index >= 0) found.set(spec.key, index);
  }
  return found;
}

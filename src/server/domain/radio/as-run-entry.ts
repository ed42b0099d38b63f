import type { BroadcastSource } from '../../../shared/activities';

/**
 * One airing of an as-run log, read from a push item or a row of an uploaded file and checked for
 * its shape; what the database knows (the unit's days, vocabularies, what was received) comes next.
 */
export interface AsRunEntry {
  /** Where it came from: the item's index in a push (from 0), or the row number of a file. */
  position: number;
  externalId: string;
  airedAt: Date;
  durationSeconds: number;
  title: string;
  programme: string | null;
  source: BroadcastSource | null;
  language: string | null;
  topics: string[];
}

/** The fields a problem is reported on: the push's item keys (a file maps them to its headers). */
export type AsRunField =
  | 'item'
  | 'externalId'
  | 'stationCode'
  | 'airedAt'
  | 'durationSeconds'
  | 'programme'
  | 'title'
  | 'source'
  | 'language'
  | 'topics';

export interface AsRunProblem {
  position: number;
  externalId: string | null;
  field: AsRunField;
  message: string;
}

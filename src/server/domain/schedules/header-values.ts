import type { ScheduleHeaderInput } from '../../../shared/api/schedules';
import { normalizeText } from '../../../shared/text';
import type { NewSchedule } from '../../db/repositories/schedules';

const orNull = (value: string | null | undefined) => (value ? normalizeText(value) || null : null);

/** The header fields given, normalised; fields left out stay as they are. */
export function headerValues(input: ScheduleHeaderInput): Partial<NewSchedule> {
  const values: Partial<NewSchedule> = {};
  // "Số: 05/DM-UBND" and "05/DM-UBND" are the same number: the document prints "Số:" itself.
  if (input.documentNumber !== undefined)
    values.documentNumber = orNull(input.documentNumber?.replace(/^\s*số\s*:?/iu, ''));
  if (input.signerName !== undefined) values.signerName = orNull(input.signerName);
  if (input.signerTitle !== undefined) values.signerTitle = orNull(input.signerTitle);
  if (input.note !== undefined) values.note = input.note ? input.note.normalize('NFC').trim() || null : null;
  if (input.recipients !== undefined) {
    const lines = input.recipients.map(normalizeText).filter(Boolean);
    values.recipients = lines.length ? lines.join('\n') : null;
  }
  return values;
}

import { TIME_SLOT_PATTERN } from '../../../shared/api/schedules';

/** "17:00 – 17:15" → "17:00-17:15"; a single time stays as it is. Null when it is not a slot. */
export function normalizeTimeSlot(slot: string): string | null {
  const text = slot.trim();
  if (!TIME_SLOT_PATTERN.test(text)) return null;
  const [start, end] = text.split(/\s*[-–]\s*/);
  return end ? `${start}-${end}` : start!;
}

/** The time a slot starts: the broadcast's time when the entry is marked as aired. */
export function slotStart(slot: string): string {
  return slot.slice(0, 5);
}

/** A problem with a well-formed slot, or null: the end must come after the start. */
export function timeSlotProblem(slot: string): string | null {
  const [start, end] = slot.split('-');
  if (end && end <= start!) return 'Giờ kết thúc phải sau giờ bắt đầu.';
  return null;
}

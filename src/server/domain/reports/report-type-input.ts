import type { ReportDueRule, ReportKind } from '../../../shared/api/report-contract';
import { validationError } from '../../errors';
import { DUE_RULE_KIND } from './period-rules';

const RULE_WORDS: Record<ReportDueRule['kind'], string> = {
  yearly: 'một ngày trong năm (ngày/tháng)',
  before_month: 'số ngày trước khi tháng bắt đầu',
  fixed: 'ngày do cơ quan đặt cho từng kỳ',
};

/** A due rule must fit the kind: yearly for 6-month and annual, before the month for schedules. */
export function assertDueRuleFits(kind: ReportKind, rule: ReportDueRule): void {
  const wanted = DUE_RULE_KIND[kind];
  if (rule.kind !== wanted)
    throw validationError(`Hạn nộp của loại báo cáo này phải là ${RULE_WORDS[wanted]}.`, [
      { field: 'dueRule', message: `Hạn nộp phải là ${RULE_WORDS[wanted]}.` },
    ]);
}

/** Reminder days without repeats, largest first (7, 3, 1). */
export function cleanRemindDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** NFC, Windows line breaks made plain, each line trimmed, empty lines at the ends dropped. */
export function cleanLongText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

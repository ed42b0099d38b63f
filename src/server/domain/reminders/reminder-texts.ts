import { formatVnDate } from '../../../shared/dates';

/**
 * The Vietnamese words of every reminder, in one place. Links lead into the app, to pages the
 * recipient may open: a unit's people get the unit's report list (the period's line opens or starts
 * its report; the period page itself belongs to the office that owns the type), the unit's year
 * calendar, which marks weeks without a DX broadcast; the office gets its urging list. An e-mail
 * makes them absolute with PUBLIC_URL (mail/notification-email.ts).
 */

export const unitReportsLink = (unitId: string) => `/reports?unit=${unitId}&tab=unit`;
export const unitCalendarLink = (unitId: string) => `/units/${unitId}/calendar`;
export const urgingListLink = (periodId: string) => `/reminders?periodId=${periodId}`;

export interface PeriodWords {
  typeName: string;
  label: string;
  dueOn: string;
}

/** "Hạn nộp: 05/12/2026 (còn 3 ngày)", "(hôm nay)" or "(đã quá hạn 1 ngày)". */
export function dueLine(dueOn: string, daysLeft: number): string {
  const left =
    daysLeft > 0
      ? `còn ${daysLeft} ngày`
      : daysLeft === 0
        ? 'hôm nay là hạn cuối'
        : `đã quá hạn ${-daysLeft} ngày`;
  return `Hạn nộp: ${formatVnDate(dueOn)} (${left})`;
}

export function dueSoonText(period: PeriodWords, unitName: string, daysLeft: number) {
  return {
    title: `Sắp đến hạn nộp ${period.typeName} – ${period.label}`,
    body: `${unitName} chưa nộp ${period.typeName} kỳ ${period.label}. ${dueLine(period.dueOn, daysLeft)}.`,
  };
}

export function overdueText(period: PeriodWords, unitName: string, daysLeft: number) {
  return {
    title: `Quá hạn nộp ${period.typeName} – ${period.label}`,
    body: `${unitName} chưa nộp ${period.typeName} kỳ ${period.label}. ${dueLine(period.dueOn, daysLeft)}. Đề nghị hoàn thành và nộp ngay.`,
  };
}

export function overdueSummaryText(period: PeriodWords, unitNames: readonly string[], daysLeft: number) {
  return {
    title: `${unitNames.length} đơn vị chưa nộp ${period.typeName} – ${period.label}`,
    body: `${dueLine(period.dueOn, daysLeft)}. Các đơn vị chưa nộp (${unitNames.length}): ${unitNames.join('; ')}.`,
  };
}

export function weeklyBroadcastText(unitName: string, week: number, monday: string, sunday: string) {
  return {
    title: 'Tuần này chưa có lượt phát CĐS',
    body: `${unitName}: tuần ${week} (${formatVnDate(monday)}–${formatVnDate(sunday)}) chưa ghi nhận lượt phát sóng nào của chương trình Chuyển đổi số. Mỗi tuần cần ít nhất 01 lượt phát; nếu đã phát, hãy ghi nhận để được tính điểm.`,
  };
}

export function urgeText(
  period: (PeriodWords & { daysLeft: number }) | null,
  unitName: string,
  message: string | null,
) {
  const about = period
    ? `${period.typeName} kỳ ${period.label}. ${dueLine(period.dueOn, period.daysLeft)}.`
    : 'các nhiệm vụ tuyên truyền chuyển đổi số còn thiếu.';
  return {
    title: period
      ? `Đôn đốc: ${period.typeName} – ${period.label}`
      : 'Đôn đốc thực hiện nhiệm vụ chuyển đổi số',
    body: `Cơ quan chuyển đổi số đề nghị ${unitName} hoàn thành ${about}${message ? `\nLời nhắn: ${message}` : ''}`,
  };
}

export const NO_EMAIL_REASON = 'Tài khoản chưa có địa chỉ e-mail';

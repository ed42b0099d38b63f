import type { ReminderItemDto, ReminderListQuery } from '../../../shared/api/reminders';
import { dayOf, formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findReminderLog } from '../../db/repositories/reminders';
import type { Principal } from '../../policies/principal';
import { XLSX_TYPE } from '../../reports/file-name';
import { buildTableWorkbook } from '../../reports/table-workbook';
import { presentReminder, reminderScope } from './find-reminders';

/** The most rows one export carries; the list's filters narrow a larger set. */
export const MAX_EXPORT_ROWS = 20_000;

/** A text a spreadsheet program would run as a formula gets an apostrophe first. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const KIND_WORDS: Record<string, string> = {
  'reminder.due_soon': 'Nhắc trước hạn',
  'reminder.overdue': 'Nhắc quá hạn',
  'reminder.overdue_summary': 'Tổng hợp quá hạn',
  'reminder.weekly_broadcast': 'Nhắc phát sóng hằng tuần',
  'reminder.urge': 'Đôn đốc',
};
const STATUS_WORDS: Record<string, string> = {
  delivered: 'Đã hiển thị trong ứng dụng',
  pending: 'Đang chờ gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  skipped: 'Không gửi',
};

function timeVn(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${formatVnDate(dayOf(at))} ${local.slice(11, 16)}`;
}

/** The urging list as an XLSX file, with the same filters and scope as the list. */
export async function exportReminders(
  q: Queryable,
  principal: Principal,
  query: Omit<ReminderListQuery, 'limit' | 'offset'>,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const unitIds = await reminderScope(q, principal, query.unitId);
  const { rows } = await findReminderLog(q, {
    unitIds,
    periodId: query.periodId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
  });
  const text = (value: (row: ReminderItemDto) => string | null) => (row: ReminderItemDto) => {
    const v = value(row);
    return v === null ? null : guardFormula(v);
  };
  const content = await buildTableWorkbook<ReminderItemDto>({
    table: {
      name: 'Danh sách đôn đốc',
      rows: rows.map(presentReminder),
      columns: [
        { header: 'Thời điểm', width: 18, value: (row) => timeVn(row.createdAt) },
        { header: 'Đơn vị', width: 30, value: text((row) => row.unitName) },
        { header: 'Kỳ báo cáo', width: 20, value: text((row) => row.periodLabel) },
        { header: 'Loại', width: 22, value: (row) => KIND_WORDS[row.kind] ?? row.kind },
        { header: 'Người đôn đốc', width: 24, value: text((row) => row.urgedBy ?? 'Hệ thống (tự động)') },
        { header: 'Người nhận', width: 24, value: text((row) => row.recipientName) },
        {
          header: 'Kênh',
          width: 14,
          value: (row) => (row.channel === 'email' ? 'E-mail' : 'Trong ứng dụng'),
        },
        { header: 'Địa chỉ e-mail', width: 26, value: text((row) => row.recipientEmail) },
        {
          header: 'Kết quả',
          width: 22,
          value: (row) => STATUS_WORDS[row.deliveryStatus] ?? row.deliveryStatus,
        },
        { header: 'Ghi chú gửi', width: 30, value: text((row) => row.deliveryNote) },
        { header: 'Tiêu đề', width: 40, value: text((row) => row.title) },
        { header: 'Nội dung', width: 60, value: text((row) => row.body) },
      ],
    },
    info: [
      {
        name: 'Thông tin',
        rows: [
          ['Danh sách', 'Danh sách đôn đốc: mọi lượt nhắc hạn và đôn đốc đã gửi'],
          ['Số dòng', String(rows.length)],
          ['Từ ngày', query.from ? formatVnDate(query.from) : '—'],
          ['Đến ngày', query.to ? formatVnDate(query.to) : '—'],
        ],
      },
    ],
  });
  return { fileName: 'danh-sach-don-doc.xlsx', contentType: XLSX_TYPE, content };
}

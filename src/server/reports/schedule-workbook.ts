import { formatVnDate } from '../../shared/dates';
import { type ScheduleDocumentData, type ScheduleDocumentEntry, weekdayName } from './schedule-data';
import { buildTableWorkbook, dayCell, type WorkbookColumn } from './table-workbook';
import { monthPhrase } from './vn-dates';

/** The same list as the document, one row per entry, for stations that keep their plans in Excel. */
export async function buildScheduleWorkbook(data: ScheduleDocumentData): Promise<Buffer> {
  const numbered = data.entries.map((entry, index) => ({ ...entry, index: index + 1 }));
  const columns: Array<WorkbookColumn<ScheduleDocumentEntry & { index: number }>> = [
    { header: 'STT', width: 6, kind: 'number', value: (row) => row.index },
    { header: 'Ngày', width: 12, kind: 'date', value: (row) => dayCell(row.airDate) },
    { header: 'Thứ', width: 10, value: (row) => weekdayName(row.airDate) },
    { header: 'Giờ phát', width: 13, value: (row) => row.timeSlot },
    { header: 'Tên tin bài', width: 50, value: (row) => row.title },
    { header: 'Thể loại', width: 14, value: (row) => row.genre },
    { header: 'Chủ đề', width: 30, value: (row) => row.topic },
    { header: 'Ngôn ngữ', width: 14, value: (row) => row.language },
    { header: 'Thời lượng (phút)', width: 12, kind: 'number', value: (row) => row.durationMinutes },
    { header: 'Nguồn', width: 22, value: (row) => row.source },
    { header: 'Đã phát', width: 9, value: (row) => (row.isAired ? 'Có' : '') },
  ];
  const [y, m] = data.month.split('-');
  return buildTableWorkbook({
    table: { name: `Danh mục ${m}-${y}`, columns, rows: numbered },
    info: [
      {
        name: 'Thông tin',
        rows: [
          ['Đơn vị', data.unitName],
          ['Chương trình', data.programmeName],
          ['Đài truyền thanh', data.stationName ?? ''],
          ['Tháng', monthPhrase(data.month)],
          ['Số văn bản', data.documentNumber ?? ''],
          [
            'Trạng thái',
            data.isDraft
              ? 'Dự thảo'
              : data.issuedOn
                ? `Đã ban hành ngày ${formatVnDate(data.issuedOn)}`
                : 'Đã ban hành',
          ],
          ['Người ký', [data.signingLines.at(-1), data.signerName].filter(Boolean).join(' ')],
          ['Nơi nhận', data.recipients.join('; ')],
          ['Ghi chú', data.note ?? ''],
          ['Cảnh báo', data.warnings.join('; ')],
        ],
      },
    ],
  });
}

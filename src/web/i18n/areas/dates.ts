/** Messages of the date fields and the broadcast schedules' list (helper "dates"). */
export const datesVi = {
  'dates.thisMonth': 'Tháng này',
  'dates.thisQuarter': 'Quý này',
  'dates.firstHalf': '6 tháng đầu năm',
  'dates.secondHalf': '6 tháng cuối năm',
  'dates.thisYear': 'Năm nay',
  'dates.scheduleAwaitingIssue': 'Chờ ban hành',
  'dates.scheduleListUpcoming': 'Danh mục năm {year} và các tháng tới',
  'dates.deleteEntryConfirm': 'Xóa mục “{title}” khỏi danh mục?',
  'dates.deleteEntryConfirmHint': 'Ngày phát {day}, {slot}. Mục đã xóa không khôi phục được.',
  'dates.deleteEntryOk': 'Xóa',
  'dates.entryDeleted': 'Đã xóa mục.',
  'dates.notCounted': 'Không tính điểm',
  'dates.edgeWeek': 'chỉ tính {from}–{to}',
  'dates.notCountedCell': '{count} không tính',
  'dates.notCountedReason':
    'Tuần {week} ({monday}–{sunday}): {count} bản ghi ngày ngoài năm {year} không được tính điểm; điểm năm {year} chỉ tính các ngày {from}–{to} của tuần này.',
} as const;

export const datesEn: Record<keyof typeof datesVi, string> = {
  'dates.thisMonth': 'This month',
  'dates.thisQuarter': 'This quarter',
  'dates.firstHalf': 'First half-year',
  'dates.secondHalf': 'Second half-year',
  'dates.thisYear': 'This year',
  'dates.scheduleAwaitingIssue': 'Awaiting issue',
  'dates.scheduleListUpcoming': 'Schedules of {year} and the coming months',
  'dates.deleteEntryConfirm': 'Delete “{title}” from the schedule?',
  'dates.deleteEntryConfirmHint': 'Air date {day}, {slot}. A deleted entry cannot be restored.',
  'dates.deleteEntryOk': 'Delete',
  'dates.entryDeleted': 'Entry deleted.',
  'dates.notCounted': 'Not counted',
  'dates.edgeWeek': 'counts {from}–{to} only',
  'dates.notCountedCell': '{count} not counted',
  'dates.notCountedReason':
    'Week {week} ({monday}–{sunday}): {count} records dated outside {year} are not counted; the scores of {year} count only {from}–{to} of this week.',
};

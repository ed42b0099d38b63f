/** Messages of one area, kept apart so that areas are edited without touching each other. */
export const scheduleEditVi = {
  'scheduleEdit.edit': 'Sửa mục',
  'scheduleEdit.title': 'Sửa mục trong danh mục',
  'scheduleEdit.saved': 'Đã lưu mục.',
  'scheduleEdit.airDateRequired': 'Chọn ngày phát.',
  'scheduleEdit.durationRequired': 'Nhập thời lượng (phút).',
  'scheduleEdit.libraryItem': 'Tài liệu thư viện',
  'scheduleEdit.libraryPlaceholder': 'Gõ tên tài liệu để tìm',
  'scheduleEdit.libraryNone': 'Không có tài liệu phù hợp',
  'scheduleEdit.lockedIssued': 'Danh mục đã ban hành nên không sửa được nữa.',
  'scheduleEdit.lockedIssuedHint':
    'Cần thay đổi thì lập danh mục mới; sau khi phát, chọn các mục và bấm “Đánh dấu đã phát”.',
  'scheduleEdit.lockedIssuedView': 'Cần thay đổi thì đơn vị lập danh mục mới.',
  'scheduleEdit.draftReadOnly': 'Bạn chỉ được xem dự thảo này; cán bộ, lãnh đạo đơn vị soạn và sửa.',
  'scheduleEdit.unitRequired': 'Chọn đơn vị.',
  'scheduleEdit.chooseUnit': 'Chọn đơn vị để xem và lập danh mục phát sóng.',
  'scheduleEdit.importAnyUnit': 'Mọi đơn vị trong phạm vi của bạn',
  'scheduleEdit.importUnitHint':
    'Chọn một đơn vị thì tệp mẫu chỉ liệt kê đơn vị đó, các đơn vị trực thuộc và kênh của chúng.',
} as const;

export const scheduleEditEn: Record<keyof typeof scheduleEditVi, string> = {
  'scheduleEdit.edit': 'Edit entry',
  'scheduleEdit.title': 'Edit schedule entry',
  'scheduleEdit.saved': 'Entry saved.',
  'scheduleEdit.airDateRequired': 'Choose the air date.',
  'scheduleEdit.durationRequired': 'Enter the duration (minutes).',
  'scheduleEdit.libraryItem': 'Library material',
  'scheduleEdit.libraryPlaceholder': 'Type a title to search',
  'scheduleEdit.libraryNone': 'No matching material',
  'scheduleEdit.lockedIssued': 'This schedule has been issued and can no longer be edited.',
  'scheduleEdit.lockedIssuedHint':
    'For changes, draw up a new schedule; once aired, select the entries and press “Mark as aired”.',
  'scheduleEdit.lockedIssuedView': 'For changes, the unit draws up a new schedule.',
  'scheduleEdit.draftReadOnly': 'You may only view this draft; the unit’s officers and head edit it.',
  'scheduleEdit.unitRequired': 'Choose a unit.',
  'scheduleEdit.chooseUnit': 'Choose a unit to see and draw up its broadcast schedules.',
  'scheduleEdit.importAnyUnit': 'Any unit in your scope',
  'scheduleEdit.importUnitHint':
    'With a unit chosen, the template lists only that unit, the units under it and their channels.',
};

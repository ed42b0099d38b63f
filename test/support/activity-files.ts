/** The spreadsheet columns as an officer sees them in the templates: spelled out, so a renamed header fails the tests. */
export const POST_HEADERS = [
  'Mã đơn vị',
  'Kênh',
  'Ngày đăng (dd/MM/yyyy)',
  'Giờ',
  'Tiêu đề',
  'Đường dẫn',
  'Thể loại',
  'Chủ đề',
  'Ngôn ngữ',
  'Tác giả',
];
export const BROADCAST_HEADERS = [
  'Mã đơn vị',
  'Chương trình',
  'Ngày phát',
  'Giờ phát',
  'Tiêu đề',
  'Thời lượng (phút)',
  'Thể loại',
  'Chủ đề',
  'Ngôn ngữ',
  'Nguồn',
];
/** The name of the national topic "policy" (migration 0002). */
export const POLICY = 'Chủ trương, chính sách, pháp luật về chuyển đổi số; Ngày Chuyển đổi số quốc gia 10/10';

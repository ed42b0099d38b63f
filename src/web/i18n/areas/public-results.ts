/** Messages of issue 10's public results page: the province's switch, the link, public evidence. */
export const publicResultsVi = {
  'publicResults.title': 'Trang công khai kết quả',
  'publicResults.on':
    'Đang công khai: ai cũng xem được bảng xếp hạng và điểm chính thức đã công bố, không cần đăng nhập.',
  'publicResults.off':
    'Chưa công khai. Khi bật, bảng xếp hạng và điểm chính thức đã công bố của {province} hiện ở một trang ai cũng xem được (không có điểm trực tiếp, không có thông tin cá nhân).',
  'publicResults.switch': 'Công khai kết quả của {province}',
  'publicResults.open': 'Mở trang công khai',
  'publicResults.turnedOn': 'Đã bật trang công khai kết quả.',
  'publicResults.turnedOff': 'Đã tắt trang công khai kết quả.',
  'publicResults.evidence': 'Công khai trên trang kết quả của tỉnh',
  'publicResults.evidenceHint':
    'Chỉ minh chứng được công khai mới có đường dẫn trên trang công khai kết quả.',
  'publicResults.evidenceOn': 'Đã công khai minh chứng.',
  'publicResults.evidenceOff': 'Đã thôi công khai minh chứng.',
  'publicResults.evidenceTag': 'Công khai',
};

export const publicResultsEn: Record<keyof typeof publicResultsVi, string> = {
  'publicResults.title': 'Public results page',
  'publicResults.on':
    'Public: anyone can read the published ranking and official scores, without logging in.',
  'publicResults.off':
    'Not public. When on, the published ranking and official scores of {province} are shown on a page anyone can read (no live scores, no personal data).',
  'publicResults.switch': 'Publish the results of {province}',
  'publicResults.open': 'Open the public page',
  'publicResults.turnedOn': 'The public results page is on.',
  'publicResults.turnedOff': 'The public results page is off.',
  'publicResults.evidence': 'Public on the province’s results page',
  'publicResults.evidenceHint': 'Only evidence marked public is linked from the public results page.',
  'publicResults.evidenceOn': 'The evidence is public.',
  'publicResults.evidenceOff': 'The evidence is no longer public.',
  'publicResults.evidenceTag': 'Public',
};

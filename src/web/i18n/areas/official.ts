/**
 * Messages of issue 9's "one official score" and the flows that finish: the official score beside the
 * live one, the province's published ranking, notifications, confirmations and bulk publication.
 */
export const officialVi = {
  'official.tag': 'Chính thức',
  'official.tagHint': 'Điểm thẩm định đã công bố ngày {day} (phiên bản {version}): điểm chính thức của kỳ.',
  'official.live': 'Tự động (trực tiếp): {score}',
  'official.liveHint':
    'Điểm tự động tính từ các bản ghi tại thời điểm xem; còn thay đổi khi có bản ghi mới. Điểm chính thức là điểm thẩm định đã công bố.',
  'official.headline': 'Điểm chính thức {score} ({percent})',
  'official.criterion': 'Chính thức {score}',
  'official.publishedOnly':
    'Bạn xem kết quả đã công bố của toàn tỉnh: chỉ các đơn vị đã có điểm thẩm định được công bố, không có điểm trực tiếp của đơn vị khác.',
  'official.provinceRanking': 'Xếp hạng toàn {province}',
  'official.rankTied': 'Đồng hạng, không đổi so với kỳ trước',
  'official.statusFilter': 'Lọc theo trạng thái',
  'official.statusFilterClear': 'Bỏ lọc',
  'official.statusFiltered': 'Đang lọc: {status} ({count} đơn vị)',
};

export const officialEn: Record<keyof typeof officialVi, string> = {
  'official.tag': 'Official',
  'official.tagHint': 'Appraisal published on {day} (version {version}): the official score of the period.',
  'official.live': 'Live automatic: {score}',
  'official.liveHint':
    'The automatic score computed from the records at this moment; it still changes as records arrive. The official score is the published appraisal.',
  'official.headline': 'Official score {score} ({percent})',
  'official.criterion': 'Official {score}',
  'official.publishedOnly':
    'You are reading the published results of the whole province: only units with a published appraisal, no live scores of other units.',
  'official.provinceRanking': 'Ranking of all {province}',
  'official.rankTied': 'Tied, no change on the previous period',
  'official.statusFilter': 'Filter by status',
  'official.statusFilterClear': 'Clear filter',
  'official.statusFiltered': 'Filtered: {status} ({count} units)',
};

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
  'notifications.bell': 'Thông báo ({count} chưa đọc)',
  'notifications.title': 'Thông báo',
  'notifications.markAll': 'Đánh dấu đã đọc hết',
  'notifications.empty': 'Chưa có thông báo nào.',
  'notifications.unread': 'Chưa đọc',
  'flows.ready.button': 'Báo lãnh đạo: đã tự chấm xong',
  'flows.ready.hint':
    'Đã tự chấm đủ {count} tiêu chí. Bước tiếp theo: báo lãnh đạo đơn vị để xem lại và gửi thẩm định.',
  'flows.ready.done':
    'Đã báo {count} lãnh đạo đơn vị trong ứng dụng. Bước tiếp theo: lãnh đạo đơn vị gửi thẩm định.',
  'flows.ready.noHead':
    'Đơn vị chưa có tài khoản lãnh đạo để nhận thông báo; hãy báo trực tiếp để lãnh đạo gửi thẩm định.',
  'flows.early.title': 'Kỳ đánh giá chưa kết thúc',
  'flows.early.submit':
    'Kỳ kéo dài đến {end}. Gửi bây giờ sẽ chốt điểm tự động tính đến hôm nay; các điểm sau còn tạm tính vì bản ghi đến cuối kỳ vẫn được tính:',
  'flows.early.publish':
    'Kỳ kéo dài đến {end}. Công bố bây giờ biến điểm thẩm định thành điểm chính thức trước khi kỳ kết thúc; các điểm sau còn tạm tính:',
  'flows.early.none': 'Không có tiêu chí nào tính theo bản ghi.',
  'flows.bulk.select': 'Chọn để công bố',
  'flows.bulk.selected': 'Đã chọn {count} bản',
  'flows.bulk.publish': 'Công bố {count} bản đã chọn',
  'flows.bulk.selectAll': 'Chọn tất cả bản đã thẩm định',
  'flows.bulk.confirmTitle': 'Công bố {count} bản đánh giá?',
  'flows.bulk.confirm':
    'Mỗi bản được công bố riêng trong lịch sử và nhật ký; nếu có bản chưa thể công bố thì không bản nào được công bố.',
  'flows.bulk.done': 'Đã công bố {count} bản đánh giá.',
  'flows.bulk.early':
    'Kỳ chưa kết thúc với: {items}. Công bố bây giờ biến điểm thẩm định thành điểm chính thức trong khi điểm tính theo bản ghi còn tạm tính.',
  'flows.notStarted': 'Chưa lập',
  'flows.notStartedTitle': 'Đơn vị chưa lập bản đánh giá ({count})',
  'flows.period': 'Kỳ đánh giá',
  'flows.allPeriods': 'Mọi kỳ',
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
  'notifications.bell': 'Notifications ({count} unread)',
  'notifications.title': 'Notifications',
  'notifications.markAll': 'Mark all read',
  'notifications.empty': 'No notifications yet.',
  'notifications.unread': 'Unread',
  'flows.ready.button': 'Tell the unit head: self-assessment finished',
  'flows.ready.hint':
    'All {count} criteria are self-scored. Next step: tell the unit head, who reviews and submits it.',
  'flows.ready.done':
    '{count} unit head(s) told in the app. Next step: the unit head submits it for appraisal.',
  'flows.ready.noHead':
    'The unit has no unit head account to tell yet; tell them directly so they submit it.',
  'flows.early.title': 'The period has not ended',
  'flows.early.submit':
    'The period runs until {end}. Submitting now freezes the automatic scores counted up to today; these are still provisional, as records until the end of the period still count:',
  'flows.early.publish':
    'The period runs until {end}. Publishing now makes the appraised scores official before the period ends; these are still provisional:',
  'flows.early.none': 'No criterion counts records.',
  'flows.bulk.select': 'Select to publish',
  'flows.bulk.selected': '{count} selected',
  'flows.bulk.publish': 'Publish the {count} selected',
  'flows.bulk.selectAll': 'Select every appraised one',
  'flows.bulk.confirmTitle': 'Publish {count} assessments?',
  'flows.bulk.confirm':
    'Each one is published as its own step in the history and the audit log; if one cannot be published, none is.',
  'flows.bulk.done': '{count} assessments published.',
  'flows.bulk.early':
    'The period has not ended for: {items}. Publishing now makes the appraised scores official while the scores counted from records are still provisional.',
  'flows.notStarted': 'Not started',
  'flows.notStartedTitle': 'Units without an assessment ({count})',
  'flows.period': 'Period',
  'flows.allPeriods': 'All periods',
};

import { UNIT_EVENT_LABELS, type UnitEventKind } from '../../shared/units';

/** Labels in both languages, the shape src/shared uses for roles and unit kinds. */
export interface Label {
  vi: string;
  en: string;
}

/** Audit actions written by the server (src/server/**: insertAuditEntries). */
export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Log in' },
  'auth.login_failed': { vi: 'Đăng nhập sai', en: 'Failed login' },
  'auth.locked': { vi: 'Khóa tạm thời', en: 'Account locked' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Log out' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Create user' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Update user' },
  'user.password_change': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'grant.create': { vi: 'Cấp vai trò', en: 'Grant role' },
  'grant.delete': { vi: 'Thu hồi vai trò', en: 'Revoke role' },
  'unit.create': { vi: 'Tạo đơn vị', en: 'Create unit' },
  'unit.update': { vi: 'Sửa đơn vị', en: 'Update unit' },
  'unit.import': { vi: 'Nhập danh mục đơn vị', en: 'Import units' },
  'backup.restore': { vi: 'Khôi phục dữ liệu', en: 'Restore backup' },
  'assessment.create': { vi: 'Lập bản đánh giá', en: 'Start assessment' },
  'assessment.criterion_update': { vi: 'Tự chấm tiêu chí', en: 'Self-score criterion' },
  'assessment.evidence_link': { vi: 'Gắn minh chứng với tiêu chí', en: 'Attach evidence to criterion' },
  'assessment.evidence_unlink': { vi: 'Bỏ minh chứng khỏi tiêu chí', en: 'Detach evidence from criterion' },
  'assessment.submit': { vi: 'Gửi thẩm định', en: 'Submit assessment' },
  'assessment.return': { vi: 'Trả lại bản đánh giá', en: 'Return assessment' },
  'assessment.criterion_appraise': { vi: 'Chấm thẩm định tiêu chí', en: 'Appraise criterion' },
  'assessment.appraise': { vi: 'Thẩm định bản đánh giá', en: 'Appraise assessment' },
  'assessment.publish': { vi: 'Công bố bản đánh giá', en: 'Publish assessment' },
  'assessment.supersede': { vi: 'Thay thế bản đánh giá', en: 'Supersede assessment' },
  'assessment.ready': {
    vi: 'Báo lãnh đạo đã tự chấm xong',
    en: 'Tell the unit head the self-assessment is done',
  },
  'import_batch.undo': { vi: 'Hoàn tác lần nhập tệp', en: 'Undo an import' },
  'notification.create': { vi: 'Gửi thông báo', en: 'Send notification' },
  'notification.read': { vi: 'Đánh dấu đã đọc thông báo', en: 'Mark notification read' },
  'reminder.urge': { vi: 'Đôn đốc đơn vị', en: 'Urge unit' },
  'reminder_settings.update': { vi: 'Sửa cài đặt nhắc việc', en: 'Change reminder settings' },
  'monitor.check_now': { vi: 'Kiểm tra ngay trang tin', en: 'Check website now' },
  'monitor.decide': { vi: 'Quyết định tin trình giám sát tìm thấy', en: 'Decide a found item' },
  'monitor_settings.update': { vi: 'Sửa cài đặt giám sát trang tin', en: 'Change monitor settings' },
  'monitor_overrides.update': { vi: 'Sửa cách đọc chuyên mục', en: "Change a column's reading rules" },
  'activity.create': { vi: 'Ghi nhận bản ghi', en: 'Record activity' },
  'activity.update': { vi: 'Sửa bản ghi', en: 'Edit record' },
  'activity.delete': { vi: 'Xóa bản ghi', en: 'Delete record' },
  'activity.restore': { vi: 'Khôi phục bản ghi', en: 'Restore record' },
  'activity.review': { vi: 'Duyệt bản ghi', en: 'Review record' },
  'activity.import': { vi: 'Nhập bản ghi từ tệp', en: 'Import records' },
  'activity.not_duplicate': { vi: 'Xác nhận không trùng', en: 'Mark as not a duplicate' },
  'channel.create': { vi: 'Thêm kênh', en: 'Add channel' },
  'channel.update': { vi: 'Sửa kênh', en: 'Edit channel' },
  'channel.end': { vi: 'Kết thúc kênh', en: 'End channel' },
  'channel.delete': { vi: 'Xóa kênh', en: 'Delete channel' },
  'evidence.create': { vi: 'Thêm minh chứng', en: 'Add evidence' },
  'evidence.version': { vi: 'Thêm phiên bản minh chứng', en: 'New evidence version' },
  'evidence.link': { vi: 'Gắn minh chứng với bản ghi', en: 'Attach evidence to record' },
  'evidence.unlink': { vi: 'Bỏ gắn minh chứng khỏi bản ghi', en: 'Detach evidence from record' },
  'schedule.create': { vi: 'Lập danh mục phát sóng', en: 'Create broadcast schedule' },
  'schedule.update': { vi: 'Sửa danh mục phát sóng', en: 'Edit broadcast schedule' },
  'schedule.issue': { vi: 'Ban hành danh mục phát sóng', en: 'Issue broadcast schedule' },
  'schedule.mark_aired': { vi: 'Đánh dấu đã phát', en: 'Mark as aired' },
  'schedule.entry.create': { vi: 'Thêm mục vào danh mục', en: 'Add schedule entry' },
  'schedule.entry.update': { vi: 'Sửa mục của danh mục', en: 'Edit schedule entry' },
  'schedule.entry.delete': { vi: 'Xóa mục của danh mục', en: 'Delete schedule entry' },
  'library.publish': { vi: 'Phát hành tài liệu', en: 'Publish library item' },
  'library.update': { vi: 'Sửa tài liệu', en: 'Edit library item' },
  'library.translate': { vi: 'Thêm bản dịch tài liệu', en: 'Translate library item' },
  'topic.create': { vi: 'Thêm chủ đề', en: 'Add topic' },
  'evidence.make_public': { vi: 'Công khai minh chứng', en: 'Make evidence public' },
  'evidence.make_private': { vi: 'Thôi công khai minh chứng', en: 'Make evidence private' },
  'monitor.snapshot': { vi: 'Lưu ảnh chụp trang', en: 'Keep a page snapshot' },
  'public_results.enable': { vi: 'Bật trang công khai kết quả', en: 'Turn on public results' },
  'public_results.disable': { vi: 'Tắt trang công khai kết quả', en: 'Turn off public results' },
  'topic.update': { vi: 'Sửa chủ đề', en: 'Edit topic' },
  'language.create': { vi: 'Thêm ngôn ngữ', en: 'Add language' },
  'language.update': { vi: 'Sửa ngôn ngữ', en: 'Edit language' },
  'framework.import': { vi: 'Nhập bộ chỉ số', en: 'Import framework' },
  'demo.seed_activities': { vi: 'Tạo dữ liệu mẫu', en: 'Seed demo records' },
  'report_type.create': { vi: 'Định nghĩa loại báo cáo', en: 'Define report type' },
  'report_type.update': { vi: 'Sửa loại báo cáo', en: 'Edit report type' },
  'report_type.deactivate': { vi: 'Ngừng loại báo cáo', en: 'Deactivate report type' },
  'report_period.create': { vi: 'Tạo kỳ báo cáo', en: 'Create report period' },
  'report_period.move_due': { vi: 'Đổi hạn nộp kỳ báo cáo', en: 'Move report due date' },
  'report.create': { vi: 'Lập báo cáo', en: 'Open report' },
  'report.update': { vi: 'Sửa nội dung báo cáo', en: 'Edit report' },
  'report.ready': { vi: 'Báo đã soạn xong báo cáo', en: 'Report ready for approval' },
  'report.approve': { vi: 'Duyệt báo cáo', en: 'Approve report' },
  'report.return': { vi: 'Trả lại báo cáo', en: 'Return report' },
  'report.submit': { vi: 'Nộp báo cáo', en: 'Submit report' },
  'report.supersede': { vi: 'Thay báo cáo bằng phiên bản mới', en: 'Supersede report' },
  'job.retry': { vi: 'Chạy lại tác vụ nền', en: 'Run background job again' },
  'radio_station.create': { vi: 'Tạo trạm gửi nhật ký phát sóng', en: 'Create radio station' },
  'radio_station.rotate': { vi: 'Cấp lại mã truy cập của trạm', en: 'Rotate radio station token' },
  'radio_station.revoke': { vi: 'Thu hồi trạm gửi nhật ký phát sóng', en: 'Revoke radio station' },
};

export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  user: { vi: 'Tài khoản', en: 'User' },
  role_grant: { vi: 'Vai trò', en: 'Role grant' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  unit_event: { vi: 'Sự kiện đơn vị', en: 'Unit event' },
  unit_list: { vi: 'Danh mục đơn vị', en: 'Unit list' },
  assessment: { vi: 'Bản đánh giá', en: 'Assessment' },
  activity: { vi: 'Bản ghi', en: 'Record' },
  import_batch: { vi: 'Lần nhập tệp', en: 'Import' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  reminder_settings: { vi: 'Cài đặt nhắc việc', en: 'Reminder settings' },
  channel: { vi: 'Kênh', en: 'Channel' },
  evidence: { vi: 'Minh chứng', en: 'Evidence' },
  monitor_snapshot: { vi: 'Ảnh chụp trang', en: 'Page snapshot' },
  broadcast_schedule: { vi: 'Danh mục phát sóng', en: 'Broadcast schedule' },
  broadcast_schedule_entry: { vi: 'Mục của danh mục phát sóng', en: 'Schedule entry' },
  library_item: { vi: 'Tài liệu thư viện', en: 'Library item' },
  topic: { vi: 'Chủ đề', en: 'Topic' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  framework: { vi: 'Bộ chỉ số', en: 'Framework' },
  public_results: { vi: 'Trang công khai kết quả', en: 'Public results page' },
  database: { vi: 'Cơ sở dữ liệu', en: 'Database' },
  report_type: { vi: 'Loại báo cáo', en: 'Report type' },
  report_period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  report: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  job: { vi: 'Tác vụ nền', en: 'Background job' },
  radio_station: { vi: 'Trạm gửi nhật ký phát sóng', en: 'Radio station' },
  monitor_check: { vi: 'Lần kiểm tra trang tin', en: 'Website check' },
  monitor_item: { vi: 'Tin trình giám sát tìm thấy', en: 'Found item' },
  monitor_settings: { vi: 'Cài đặt giám sát trang tin', en: 'Monitor settings' },
};

/** English wording of the API's error codes; in Vietnamese the server's own message is shown. */
export const ENGLISH_ERROR_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Some data is not valid.',
  UNAUTHENTICATED: 'Please log in.',
  INVALID_CREDENTIALS: 'Wrong username or password.',
  ACCOUNT_LOCKED: 'The account is temporarily locked after too many failed logins. Try again later.',
  CSRF_INVALID: 'Your session is not valid any more. Reload the page.',
  FORBIDDEN: 'You may not do this.',
  NOT_FOUND: 'Not found, or you have no access.',
  CONFLICT: 'This conflicts with existing data.',
  RATE_LIMITED: 'Too many requests. Try again in a few minutes.',
  PAYLOAD_TOO_LARGE: 'The file or data sent is too large.',
  INTERNAL: 'Server error. Please try again later.',
  NETWORK_ERROR: 'Cannot reach the server. Check the connection and try again.',
};

/** The label of an audit action, including the per-kind "unit_event.merge" family. */
export function auditActionLabel(action: string): Label | undefined {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const eventKind = action.startsWith('unit_event.') ? action.slice('unit_event.'.length) : null;
  const event =
    eventKind && eventKind in UNIT_EVENT_LABELS ? UNIT_EVENT_LABELS[eventKind as UnitEventKind] : undefined;
  return event
    ? { vi: `Sự kiện đơn vị: ${event.vi.toLowerCase()}`, en: `Unit event: ${event.en.toLowerCase()}` }
    : undefined;
}

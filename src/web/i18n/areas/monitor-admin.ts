/**
 * Messages of the monitor's administration (issue 11): which classifier model is used and how
 * decisions are remembered, the "banner lost" alert, and editing a channel's web addresses.
 */
export const monitorAdminVi = {
  'monitorAdmin.classifier.shipped': 'Bộ phân loại: mô hình kèm phần mềm, huấn luyện trên {items} tin.',
  'monitorAdmin.classifier.retrained':
    'Bộ phân loại: mô hình huấn luyện lại lúc {at} trên {items} tin (gồm {decisions} quyết định của người duyệt).',
  'monitorAdmin.classifier.f1': 'F1 trên phần đánh giá: {f1}%.',
  'monitorAdmin.classifier.remembered':
    'Quyết định của người duyệt được ghi nhớ: tin cùng địa chỉ hoặc cùng tiêu đề tìm thấy sau này theo quyết định đó. Huấn luyện lại bằng lệnh npm run cli -- retrain-classifier.',
  'monitorAdmin.bannerLost':
    'Banner đã biến mất: lần kiểm tra trước còn thấy banner, lần này không thấy. Đơn vị và cơ quan CĐS đã được thông báo.',
  'channelsEdit.edit': 'Sửa',
  'channelsEdit.title': 'Sửa kênh',
  'channelsEdit.url': 'Địa chỉ trang web (chuyên mục CĐS)',
  'channelsEdit.feedUrl': 'Địa chỉ nguồn tin RSS/Atom (nếu có)',
  'channelsEdit.urlHint': 'Trình giám sát đọc địa chỉ này ở lần kiểm tra sau.',
  'channelsEdit.saved': 'Đã lưu kênh.',
};

export const monitorAdminEn: Record<keyof typeof monitorAdminVi, string> = {
  'monitorAdmin.classifier.shipped':
    'Classifier: the model shipped with the software, trained on {items} items.',
  'monitorAdmin.classifier.retrained':
    'Classifier: a model retrained at {at} on {items} items (including {decisions} reviewer decisions).',
  'monitorAdmin.classifier.f1': 'F1 on the evaluation part: {f1}%.',
  'monitorAdmin.classifier.remembered':
    'Reviewer decisions are remembered: an item found later at the same address or with the same title follows the decision. Retrain with npm run cli -- retrain-classifier.',
  'monitorAdmin.bannerLost':
    'The banner is gone: the previous check found it, this one did not. The unit and the DX office have been notified.',
  'channelsEdit.edit': 'Edit',
  'channelsEdit.title': 'Edit channel',
  'channelsEdit.url': 'Web address (DX column)',
  'channelsEdit.feedUrl': 'RSS/Atom feed address (if any)',
  'channelsEdit.urlHint': 'The monitor reads this address at its next check.',
  'channelsEdit.saved': 'Channel saved.',
};

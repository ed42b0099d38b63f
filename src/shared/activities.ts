/** Vocabulary of activity records (duties D1–D11): channels, record kinds, genres, topics, languages. */

export const CHANNEL_KINDS = [
  'website_column',
  'radio_programme',
  'press_column',
  'social_page',
  'e_board',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, { vi: string; en: string }> = {
  website_column: { vi: 'Chuyên mục CĐS trên trang thông tin điện tử', en: 'Website DX column' },
  radio_programme: { vi: 'Chương trình CĐS trên đài truyền thanh', en: 'Radio DX programme' },
  press_column: { vi: 'Chuyên mục CĐS trên báo, truyền hình', en: 'Press DX column' },
  social_page: { vi: 'Trang mạng xã hội', en: 'Social page' },
  e_board: { vi: 'Bảng điện tử công cộng', en: 'Public e-board' },
};

export const CHANNEL_PLATFORMS = [
  'website',
  'radio',
  'newspaper',
  'tv',
  'facebook',
  'zalo_oa',
  'youtube',
  'tiktok',
  'e_board',
] as const;
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number];
export const CHANNEL_PLATFORM_LABELS: Record<ChannelPlatform, { vi: string; en: string }> = {
  website: { vi: 'Trang web', en: 'Website' },
  radio: { vi: 'Đài truyền thanh', en: 'Radio' },
  newspaper: { vi: 'Báo', en: 'Newspaper' },
  tv: { vi: 'Truyền hình', en: 'TV' },
  facebook: { vi: 'Facebook', en: 'Facebook' },
  zalo_oa: { vi: 'Zalo OA', en: 'Zalo OA' },
  youtube: { vi: 'YouTube', en: 'YouTube' },
  tiktok: { vi: 'TikTok', en: 'TikTok' },
  e_board: { vi: 'Bảng điện tử', en: 'E-board' },
};

export const ACTIVITY_KINDS = ['post', 'broadcast', 'press_issue', 'banner'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { vi: string; en: string }> = {
  post: { vi: 'Tin bài', en: 'Post' },
  broadcast: { vi: 'Lượt phát sóng', en: 'Broadcast' },
  press_issue: { vi: 'Kỳ báo, chuyên mục', en: 'Press issue' },
  banner: { vi: 'Banner', en: 'Banner' },
};

/** Which channel kinds can carry which record kinds: the server enforces it, forms offer only these. */
export const CHANNEL_KINDS_FOR_ACTIVITY: Record<ActivityKind, readonly ChannelKind[]> = {
  post: ['website_column', 'social_page', 'e_board'],
  broadcast: ['radio_programme'],
  press_issue: ['press_column'],
  banner: ['website_column'],
};

export const GENRES = [
  'tin',
  'bai',
  'phong_su',
  'anh',
  'video',
  'infographic',
  'cau_chuyen',
  'thong_bao',
] as const;
export type Genre = (typeof GENRES)[number];
export const GENRE_LABELS: Record<Genre, { vi: string; en: string }> = {
  tin: { vi: 'Tin', en: 'News item' },
  bai: { vi: 'Bài', en: 'Article' },
  phong_su: { vi: 'Phóng sự', en: 'Report' },
  anh: { vi: 'Ảnh', en: 'Photo' },
  video: { vi: 'Video', en: 'Video' },
  infographic: { vi: 'Infographic', en: 'Infographic' },
  cau_chuyen: { vi: 'Câu chuyện truyền thanh', en: 'Radio story' },
  thong_bao: { vi: 'Thông báo', en: 'Announcement' },
};

export const BROADCAST_SOURCES = ['own', 'province_source', 'relay'] as const;
export type BroadcastSource = (typeof BROADCAST_SOURCES)[number];
export const BROADCAST_SOURCE_LABELS: Record<BroadcastSource, { vi: string; en: string }> = {
  own: { vi: 'Tự sản xuất', en: 'Own production' },
  province_source: { vi: 'Hệ thống thông tin nguồn tỉnh', en: 'Province source system' },
  relay: { vi: 'Tiếp sóng', en: 'Relay' },
};

export const PROVENANCES = ['form', 'import', 'monitor', 'api'] as const;
export type Provenance = (typeof PROVENANCES)[number];
export const PROVENANCE_LABELS: Record<Provenance, { vi: string; en: string }> = {
  form: { vi: 'Nhập tay', en: 'Form' },
  import: { vi: 'Nhập từ tệp', en: 'Import' },
  monitor: { vi: 'Thu thập tự động', en: 'Monitor' },
  api: { vi: 'API', en: 'API' },
};

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The D11 topic list of the Kon Rẫy letter; a province may add its own. */
export const DEFAULT_TOPICS: Array<{ code: string; vi: string; en: string }> = [
  {
    code: 'policy',
    vi: 'Chủ trương, chính sách, pháp luật về chuyển đổi số; Ngày Chuyển đổi số quốc gia 10/10',
    en: 'DX policy and law; National DX Day',
  },
  {
    code: 'good_models',
    vi: 'Mô hình hay, tổ công nghệ số cộng đồng',
    en: 'Good models, community digital teams',
  },
  {
    code: 'benefits',
    vi: 'Lợi ích của chính quyền số, kinh tế số, xã hội số',
    en: 'Benefits of digital government, economy, society',
  },
  { code: 'e_commerce', vi: 'Thương mại điện tử', en: 'E-commerce' },
  { code: 'ict_applications', vi: 'Ứng dụng công nghệ thông tin', en: 'ICT applications' },
  { code: 'digital_society', vi: 'Xã hội số, kỹ năng số cho người dân', en: 'Digital society and skills' },
];

/** DOMAIN §6: Vietnamese and the ethnic-minority languages of the demo provinces (editable per province). */
export const DEFAULT_LANGUAGES: Array<{ code: string; vi: string; en: string }> = [
  { code: 'vi', vi: 'Tiếng Việt', en: 'Vietnamese' },
  { code: 'sed', vi: 'Tiếng Xơ Đăng', en: 'Sedang' },
  { code: 'bdq', vi: 'Tiếng Ba Na', en: 'Bahnar' },
  { code: 'jra', vi: 'Tiếng Gia Rai', en: 'Jarai' },
  { code: 'jeh', vi: 'Tiếng Giẻ Triêng', en: 'Jeh' },
  { code: 'hre', vi: 'Tiếng Hrê', en: 'Hre' },
  { code: 'cua', vi: 'Tiếng Co', en: 'Cua' },
  { code: 'cmo', vi: "Tiếng M'Nông", en: 'Mnong' },
  { code: 'rad', vi: 'Tiếng Ê Đê', en: 'Rade' },
  { code: 'cma', vi: 'Tiếng Mạ', en: 'Maa' },
  { code: 'kpm', vi: "Tiếng K'Ho", en: 'Koho' },
  { code: 'cje', vi: 'Tiếng Chu Ru', en: 'Chru' },
  { code: 'rog', vi: 'Tiếng Raglai', en: 'Roglai' },
  { code: 'cjm', vi: 'Tiếng Chăm', en: 'Cham' },
  { code: 'hmn', vi: 'Tiếng Mông', en: 'Hmong' },
];

export const LIBRARY_ITEM_KINDS = ['article', 'radio_script', 'audio', 'banner', 'guidance'] as const;
export type LibraryItemKind = (typeof LIBRARY_ITEM_KINDS)[number];
export const LIBRARY_ITEM_KIND_LABELS: Record<LibraryItemKind, { vi: string; en: string }> = {
  article: { vi: 'Bài viết', en: 'Article' },
  radio_script: { vi: 'Kịch bản phát thanh', en: 'Radio script' },
  audio: { vi: 'Tệp âm thanh', en: 'Audio' },
  banner: { vi: 'Banner', en: 'Banner' },
  guidance: { vi: 'Tài liệu hướng dẫn', en: 'Guidance document' },
};

/**
 * `schedule`: an issued broadcast schedule, its document frozen in the file store on first use.
 * `snapshot`: a page the website monitor received (source 'monitor'), kept and chained (docs/snapshots.md).
 */
export const EVIDENCE_KINDS = ['file', 'url', 'citation', 'schedule', 'snapshot'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SCHEDULE_STATUSES = ['draft', 'issued'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

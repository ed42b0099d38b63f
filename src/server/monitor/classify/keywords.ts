/**
 * The keyword layer: phrases that, in government and press texts, say "this is about digital
 * transformation" (or point to one D11 topic) whatever the trained weights saw. It carries the
 * vocabulary of the national DX programme into items whose words the labelled set never met, and
 * it keeps a few well-known false friends ("xổ số", crops being "chuyển đổi") on the other side.
 *
 * Phrases are written accent-folded and matched on whole syllables. `weight` is added to the DX
 * log-odds (negative: evidence against); `topic` is the D11 code the phrase points to.
 */
export interface KeywordRule {
  phrase: string;
  /** How the reason quotes it when the input has no accents to borrow. */
  label: string;
  weight: number;
  topic?: TopicCode;
}

/** The D11 topics the classifier chooses between (src/shared/activities.ts DEFAULT_TOPICS). */
export const TOPIC_CODES = [
  'policy',
  'good_models',
  'benefits',
  'e_commerce',
  'ict_applications',
  'digital_society',
] as const;
export type TopicCode = (typeof TOPIC_CODES)[number];

const rule = (phrase: string, label: string, weight: number, topic?: TopicCode): KeywordRule =>
  topic ? { phrase, label, weight, topic } : { phrase, label, weight };

export const KEYWORD_RULES: readonly KeywordRule[] = [
  // The programme itself and its three pillars.
  rule('chuyen doi so', 'chuyển đổi số', 3),
  rule('cds', 'CĐS', 2),
  rule('ngay chuyen doi so', 'Ngày Chuyển đổi số', 1.5, 'policy'),
  rule('chinh quyen so', 'chính quyền số', 3, 'benefits'),
  rule('chinh phu so', 'chính phủ số', 3, 'benefits'),
  rule('chinh phu dien tu', 'chính phủ điện tử', 2.5, 'benefits'),
  rule('chinh quyen dien tu', 'chính quyền điện tử', 2.5, 'benefits'),
  rule('kinh te so', 'kinh tế số', 3, 'benefits'),
  rule('xa hoi so', 'xã hội số', 3, 'benefits'),
  rule('ha tang so', 'hạ tầng số', 2.5),
  rule('nen tang so', 'nền tảng số', 2.5),
  rule('cong nghe so', 'công nghệ số', 2),
  rule('du lieu so', 'dữ liệu số', 2),
  rule('so hoa', 'số hóa', 2, 'ict_applications'),
  // Digital society: people's skills and community teams.
  rule('cong dan so', 'công dân số', 2.5, 'digital_society'),
  rule('ky nang so', 'kỹ năng số', 2.5, 'digital_society'),
  rule('binh dan hoc vu so', 'Bình dân học vụ số', 3, 'digital_society'),
  rule('cong nghe so cong dong', 'công nghệ số cộng đồng', 3, 'good_models'),
  rule('to cong nghe cong dong', 'tổ công nghệ cộng đồng', 2.5, 'good_models'),
  // Online public services, digital identity, cashless payment.
  rule('dich vu cong truc tuyen', 'dịch vụ công trực tuyến', 3, 'benefits'),
  rule('cong dich vu cong', 'Cổng Dịch vụ công', 2.5, 'benefits'),
  rule('truc tuyen toan trinh', 'trực tuyến toàn trình', 2.5, 'benefits'),
  rule('ho so truc tuyen', 'hồ sơ trực tuyến', 2, 'benefits'),
  rule('vneid', 'VNeID', 3, 'benefits'),
  rule('dinh danh dien tu', 'định danh điện tử', 3, 'benefits'),
  rule('de an 06', 'Đề án 06', 2.5, 'benefits'),
  rule('khong dung tien mat', 'không dùng tiền mặt', 3, 'benefits'),
  rule('thanh toan dien tu', 'thanh toán điện tử', 2, 'benefits'),
  rule('thanh toan truc tuyen', 'thanh toán trực tuyến', 2, 'benefits'),
  rule('thanh toan so', 'thanh toán số', 2, 'benefits'),
  rule('ma qr', 'mã QR', 1.5, 'benefits'),
  rule('ngan hang so', 'ngân hàng số', 2, 'benefits'),
  // E-commerce.
  rule('thuong mai dien tu', 'thương mại điện tử', 3, 'e_commerce'),
  rule('tmdt', 'TMĐT', 2.5, 'e_commerce'),
  rule('ban hang truc tuyen', 'bán hàng trực tuyến', 2, 'e_commerce'),
  rule('livestream', 'livestream', 1.5, 'e_commerce'),
  rule('gian hang', 'gian hàng', 0.5, 'e_commerce'),
  // ICT applications.
  rule('ung dung cong nghe thong tin', 'ứng dụng công nghệ thông tin', 3, 'ict_applications'),
  rule('cong nghe thong tin', 'công nghệ thông tin', 1.5, 'ict_applications'),
  rule('cntt', 'CNTT', 2, 'ict_applications'),
  rule('phan mem', 'phần mềm', 1.5, 'ict_applications'),
  rule('tri tue nhan tao', 'trí tuệ nhân tạo', 1.5, 'ict_applications'),
  rule('chu ky so', 'chữ ký số', 2.5, 'ict_applications'),
  rule('benh an dien tu', 'bệnh án điện tử', 3, 'ict_applications'),
  rule('hoa don dien tu', 'hóa đơn điện tử', 2, 'ict_applications'),
  rule('co so du lieu', 'cơ sở dữ liệu', 1.5, 'ict_applications'),
  rule('dieu hanh thong minh', 'điều hành thông minh', 2.5, 'ict_applications'),
  rule('do thi thong minh', 'đô thị thông minh', 2, 'ict_applications'),
  rule('an toan thong tin', 'an toàn thông tin', 2, 'ict_applications'),
  rule('van phong dien tu', 'văn phòng điện tử', 2.5, 'ict_applications'),
  rule('y te so', 'y tế số', 2.5, 'ict_applications'),
  rule('hop truc tuyen', 'họp trực tuyến', 1.5, 'ict_applications'),
  // Policy words only choose the topic; they say nothing about DX on their own.
  rule('ke hoach', 'kế hoạch', 0, 'policy'),
  rule('nghi quyet', 'nghị quyết', 0, 'policy'),
  rule('chi thi', 'chỉ thị', 0, 'policy'),
  rule('quyet dinh', 'quyết định', 0, 'policy'),
  rule('chien luoc', 'chiến lược', 0, 'policy'),
  rule('ban chi dao', 'Ban Chỉ đạo', 0, 'policy'),
  rule('chuong trinh chuyen doi so', 'Chương trình chuyển đổi số', 0, 'policy'),
  rule('mo hinh', 'mô hình', 0, 'good_models'),
  // False friends.
  rule('xo so', 'xổ số', -2),
  rule('chuyen doi co cau', 'chuyển đổi cơ cấu', -1.5),
  rule('chuyen doi cay trong', 'chuyển đổi cây trồng', -1.5),
  rule('chuyen doi muc dich', 'chuyển đổi mục đích', -1.5),
  rule('chuyen doi dat', 'chuyển đổi đất', -1.5),
];

/** How much one topic keyword counts toward its topic, against the topic model's log-odds. */
export const TOPIC_KEYWORD_BOOST = 1.5;

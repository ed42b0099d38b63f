import type { Genre } from '../../../shared/activities';
import type { Random } from './random';

/**
 * Title templates of demo records per D11 topic. {unit} is the unit's name, {place} a village or
 * residential group, {market} a market, {year} the year: enough variety for lists and search to
 * look like a real commune's work.
 */
export const TITLE_TEMPLATES: Record<string, string[]> = {
  policy: [
    'Ngày Chuyển đổi số quốc gia 10/10: {unit} hưởng ứng với nhiều hoạt động thiết thực',
    'Triển khai Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    'Tuyên truyền Luật Giao dịch điện tử năm 2023 đến người dân {place}',
    '{unit} ban hành kế hoạch chuyển đổi số năm {year}',
    'Phổ biến Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử',
    'Hội nghị quán triệt các văn bản về chuyển đổi số của tỉnh tại {unit}',
  ],
  good_models: [
    '{unit} triển khai tổ công nghệ số cộng đồng tại {place}',
    'Tổ công nghệ số cộng đồng {place} đến từng nhà hướng dẫn người dân',
    'Mô hình "Thôn thông minh" ở {place}',
    'Đoàn viên thanh niên {unit} ra quân "Bình dân học vụ số"',
    'Gương sáng tổ trưởng tổ công nghệ số cộng đồng {place}',
  ],
  benefits: [
    'Lợi ích của dịch vụ công trực tuyến: không phải đi lại, tiết kiệm thời gian',
    '{unit}: tỷ lệ hồ sơ trực tuyến toàn trình tăng rõ rệt',
    'Chính quyền số giúp người dân {place} làm thủ tục nhanh hơn',
    'Nộp hồ sơ khai sinh, đăng ký thường trú trên Cổng Dịch vụ công quốc gia',
    'Xã hội số mang lại gì cho đồng bào vùng cao?',
  ],
  e_commerce: [
    'Thanh toán không dùng tiền mặt tại {market}',
    'Đưa sâm Ngọc Linh, cà phê và mật ong của {unit} lên sàn thương mại điện tử',
    'Hướng dẫn bà con bán nông sản qua Zalo và Facebook',
    'Tiểu thương {market} dùng mã QR thanh toán',
    'Hộ kinh doanh {place} mở gian hàng trên sàn Postmart, Voso',
  ],
  ict_applications: [
    'Hướng dẫn người dân cài đặt và sử dụng VNeID mức độ 2',
    'Cách tra cứu hồ sơ thủ tục hành chính trên điện thoại',
    'Sử dụng ứng dụng Công dân số tỉnh để phản ánh kiến nghị',
    'Ký số trên điện thoại: hướng dẫn từng bước',
    '{unit} vận hành hệ thống quản lý văn bản và điều hành',
  ],
  digital_society: [
    'Kỹ năng nhận biết lừa đảo qua mạng cho người dân {place}',
    'Bảo vệ dữ liệu cá nhân khi dùng mạng xã hội',
    'Lớp phổ cập kỹ năng số cho phụ nữ {place}',
    'Học sinh {unit} học kỹ năng số an toàn',
    'Cảnh giác với cuộc gọi giả danh công an, ngân hàng',
  ],
};

export const TOPIC_CODES = Object.keys(TITLE_TEMPLATES);

const PLACES = [
  'thôn Kon Rế',
  'thôn Đăk Tiêu',
  'thôn Kon Bỉ',
  'thôn Kon Keng',
  'thôn Đăk Tăng',
  'thôn 3',
  'thôn 5',
  'tổ dân phố 2',
  'tổ dân phố 4',
  'làng Kon Sơ Lăl',
  "bon Bu N'Đơr",
  'buôn Buôr',
];
const MARKETS = ['chợ trung tâm xã', 'chợ phiên thứ Bảy', 'chợ Đăk Rve', 'chợ Đắk Mil', 'chợ nông sản'];

const POST_GENRES: Genre[] = ['tin', 'tin', 'tin', 'bai', 'bai', 'anh', 'infographic', 'video', 'phong_su'];
const BROADCAST_GENRES: Genre[] = ['tin', 'bai', 'bai', 'cau_chuyen', 'phong_su', 'thong_bao'];

export interface Titled {
  title: string;
  topic: string;
  genre: Genre;
}

export function makeTitle(random: Random, kind: 'post' | 'broadcast', unitName: string, day: string): Titled {
  // National DX Day is the talk of October.
  const topic = day.slice(5, 7) === '10' && random.chance(0.4) ? 'policy' : random.pick(TOPIC_CODES);
  const template = random.pick(TITLE_TEMPLATES[topic]!);
  const title = template
    .replace('{unit}', unitName)
    .replace('{place}', random.pick(PLACES))
    .replace('{market}', random.pick(MARKETS))
    .replace('{year}', day.slice(0, 4));
  return { title, topic, genre: random.pick(kind === 'post' ? POST_GENRES : BROADCAST_GENRES) };
}

/** A slug for a made-up article URL on the unit's website. */
export function slugOf(title: string, serial: number): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70);
  return `${slug}-${serial}`;
}

export const AUTHORS = [
  'Y Hằng',
  'A Thuở',
  'Nguyễn Thị Lan',
  'Trần Văn Phúc',
  'A Vinh',
  "H'Lan Niê",
  'Lê Thị Hoa',
  'Đinh Văn Sơn',
];

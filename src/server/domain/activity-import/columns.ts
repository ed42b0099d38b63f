import type { ActivityFileKind } from '../../../shared/api/activity-files';
import { foldForSearch } from '../../../shared/text';

/** What a column of a records spreadsheet holds. */
export type ColumnKey =
  | 'kind'
  | 'unit'
  | 'channel'
  | 'date'
  | 'time'
  | 'title'
  | 'url'
  | 'genre'
  | 'topics'
  | 'language'
  | 'author'
  | 'duration'
  | 'source';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header written in templates and exports, and named in error messages. */
  header: string;
  /** Other headers read as this column (folded, without the part in parentheses). */
  aliases: string[];
  isRequired: boolean;
  width: number;
  /** One line for the "Hướng dẫn" sheet. */
  help: string;
}

const unit: ColumnSpec = {
  key: 'unit',
  header: 'Mã đơn vị',
  aliases: ['ma don vi', 'don vi', 'ma dvhc'],
  isRequired: true,
  width: 16,
  help: 'Mã đơn vị hành chính (ví dụ 23479); đơn vị không có mã thì ghi tên đầy đủ. Chọn trong danh sách. Mã dùng lại sau sáp nhập được hiểu theo ngày của dòng.',
};
const title: ColumnSpec = {
  key: 'title',
  header: 'Tiêu đề',
  aliases: ['tieu de', 'ten tin bai', 'ten bai'],
  isRequired: true,
  width: 60,
  help: 'Bắt buộc, tối đa 1.000 ký tự.',
};
const genre: ColumnSpec = {
  key: 'genre',
  header: 'Thể loại',
  aliases: ['the loai'],
  isRequired: false,
  width: 16,
  help: 'Chọn trong danh sách (Tin, Bài, Phóng sự, Ảnh, Video, Infographic, …); có thể để trống.',
};
const topics: ColumnSpec = {
  key: 'topics',
  header: 'Chủ đề',
  aliases: ['chu de'],
  isRequired: false,
  width: 40,
  help: 'Tên hoặc mã chủ đề trong danh mục của tỉnh; nhiều chủ đề thì ngăn cách bằng dấu chấm phẩy (;). Có thể để trống.',
};
const language: ColumnSpec = {
  key: 'language',
  header: 'Ngôn ngữ',
  aliases: ['ngon ngu'],
  isRequired: false,
  width: 16,
  help: 'Tên hoặc mã ngôn ngữ (Tiếng Việt = vi, Tiếng Xơ Đăng = sed, …); để trống là Tiếng Việt.',
};

const POST_COLUMNS: ColumnSpec[] = [
  unit,
  {
    key: 'channel',
    header: 'Kênh',
    aliases: ['kenh', 'chuyen muc'],
    isRequired: false,
    width: 30,
    help: 'Tên kênh của đơn vị (chuyên mục CĐS trên trang web, trang mạng xã hội, bảng điện tử) như đã khai báo; có thể để trống.',
  },
  {
    key: 'date',
    header: 'Ngày đăng (dd/MM/yyyy)',
    aliases: ['ngay dang', 'ngay'],
    isRequired: true,
    width: 14,
    help: 'Ngày đăng, dạng dd/MM/yyyy (ví dụ 05/03/2025); ô ngày của Excel cũng được. Không được sau hôm nay.',
  },
  {
    key: 'time',
    header: 'Giờ',
    aliases: ['gio', 'gio dang'],
    isRequired: false,
    width: 8,
    help: 'Giờ đăng dạng HH:mm (ví dụ 08:30); có thể để trống.',
  },
  title,
  {
    key: 'url',
    header: 'Đường dẫn',
    aliases: ['duong dan', 'url', 'link', 'lien ket'],
    isRequired: false,
    width: 45,
    help: 'Địa chỉ tin bài, bắt đầu bằng http:// hoặc https://; bắt buộc với tin bài trên trang web.',
  },
  genre,
  topics,
  language,
  {
    key: 'author',
    header: 'Tác giả',
    aliases: ['tac gia', 'nguoi viet'],
    isRequired: false,
    width: 22,
    help: 'Có thể để trống.',
  },
];

const BROADCAST_COLUMNS: ColumnSpec[] = [
  unit,
  {
    key: 'channel',
    header: 'Chương trình',
    aliases: ['chuong trinh', 'kenh'],
    isRequired: true,
    width: 30,
    help: 'Tên chương trình CĐS trên đài truyền thanh của đơn vị, như đã khai báo trong Kênh.',
  },
  {
    key: 'date',
    header: 'Ngày phát',
    aliases: ['ngay phat', 'ngay'],
    isRequired: true,
    width: 14,
    help: 'Ngày phát sóng, dạng dd/MM/yyyy (ví dụ 05/03/2025); ô ngày của Excel cũng được. Không được sau hôm nay.',
  },
  {
    key: 'time',
    header: 'Giờ phát',
    aliases: ['gio phat', 'gio'],
    isRequired: false,
    width: 10,
    help: 'Giờ phát dạng HH:mm (ví dụ 17:00); có thể để trống.',
  },
  title,
  {
    key: 'duration',
    header: 'Thời lượng (phút)',
    aliases: ['thoi luong'],
    isRequired: true,
    width: 12,
    help: 'Số phút phát sóng, lớn hơn 0 (ví dụ 15 hoặc 2,5).',
  },
  genre,
  topics,
  language,
  {
    key: 'source',
    header: 'Nguồn',
    aliases: ['nguon', 'nguon tin'],
    isRequired: false,
    width: 26,
    help: 'Tự sản xuất, Hệ thống thông tin nguồn tỉnh hoặc Tiếp sóng; để trống là Tự sản xuất.',
  },
];

/** Accepted on import but not in templates: exports carry them, and a file may mix kinds. */
const EXTRA_COLUMNS: Record<ActivityFileKind, ColumnSpec[]> = {
  post: [],
  broadcast: [{ ...POST_COLUMNS.find((c) => c.key === 'url')!, help: 'Địa chỉ bản tin trên mạng, nếu có.' }],
};
const KIND_COLUMN: ColumnSpec = {
  key: 'kind',
  header: 'Loại',
  aliases: ['loai', 'loai ban ghi'],
  isRequired: false,
  width: 14,
  help: 'Tin bài hoặc Lượt phát sóng.',
};

/** The columns of a template, in order. */
export function templateColumns(kind: ActivityFileKind): ColumnSpec[] {
  return kind === 'post' ? POST_COLUMNS : BROADCAST_COLUMNS;
}

/** Every column an import of this kind reads. */
export function importColumns(kind: ActivityFileKind): ColumnSpec[] {
  return [...templateColumns(kind), ...EXTRA_COLUMNS[kind], KIND_COLUMN];
}

/** "Ngày đăng (dd/MM/yyyy)" → "ngay dang": how headers are compared. */
export function headerKey(header: string): string {
  return foldForSearch(header.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which column of the file holds each key (the first one when a header repeats). */
export function mapHeaders(headers: string[], columns: ColumnSpec[]): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  const keys = headers.map(headerKey);
  // Exact headers first, so "Ngày" in a file with both "Ngày phát" and "Ngày" is not taken twice.
  for (const column of columns) {
    const index = keys.indexOf(headerKey(column.header));
    if (index >= 0) found.set(column.key, index);
  }
  for (const column of columns) {
    if (found.has(column.key)) continue;
    const taken = new Set(found.values());
    const index = keys.findIndex((key, i) => !taken.has(i) && column.aliases.includes(key));
    if (index >= 0) found.set(column.key, index);
  }
  return found;
}

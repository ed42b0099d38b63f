import { normalizeText } from '../src/shared/text';

/** mulberry32: small, fast and the same sequence on every machine for a given seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// Common syllables of Vietnamese place names; two of them make a plausible commune or district name.
const SYLLABLES = (
  'An Bình Phú Tân Hòa Thạnh Long Đông Tây Nam Bắc Trung Hưng Thịnh Phước Lộc Mỹ Hiệp Thuận Sơn Hải Quang Minh Đức Vĩnh ' +
  'Phong Thành Lợi Nghĩa Hồng Kim Xuân Hà Tiến Cát Thạch Đồng Lâm Hương Thái Yên Gia Định Khánh Tường Quế Liên Hội Trà Ba'
).split(' ');

export function placeName(random: () => number): string {
  const first = pick(random, SYLLABLES);
  let second = pick(random, SYLLABLES);
  while (second === first) second = pick(random, SYLLABLES);
  return normalizeText(`${first} ${second}`);
}

/** The provincial departments after the 2025 reorganisation (15 per province). */
export const DEPARTMENT_NAMES = [
  'Văn phòng Ủy ban nhân dân',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Xây dựng',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Ngoại vụ',
  'Sở Dân tộc và Tôn giáo',
  'Thanh tra',
  'Ban Quản lý các khu công nghiệp',
] as const;

/** "Tỉnh Quảng Ngãi" → "tỉnh Quảng Ngãi", to follow a department's name. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

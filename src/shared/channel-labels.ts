import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind } from './activities';

/**
 * Where a channel is, in a few words: said after its name, because a unit's website column and its
 * radio programme are often both called "Chuyên mục Chuyển đổi số".
 */
export const CHANNEL_KIND_SHORT_LABELS: Record<ChannelKind, { vi: string; en: string }> = {
  website_column: { vi: 'Trang thông tin điện tử', en: 'Website' },
  radio_programme: { vi: 'Đài truyền thanh', en: 'Radio' },
  press_column: { vi: 'Báo, truyền hình', en: 'Press, TV' },
  social_page: { vi: 'Mạng xã hội', en: 'Social media' },
  e_board: { vi: 'Bảng điện tử', en: 'E-board' },
};

export function isChannelKind(kind: string | null | undefined): kind is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(kind ?? '');
}

/** The short name of a channel's kind, or null for an unknown kind. */
export function channelKindShortLabel(kind: string | null | undefined, language: 'vi' | 'en'): string | null {
  return isChannelKind(kind) ? CHANNEL_KIND_SHORT_LABELS[kind][language] : null;
}

/** The long name of a channel's kind ("Chuyên mục CĐS trên trang thông tin điện tử"), for tooltips. */
export function channelKindLongLabel(kind: string | null | undefined, language: 'vi' | 'en'): string | null {
  return isChannelKind(kind) ? CHANNEL_KIND_LABELS[kind][language] : null;
}

/** "Chuyên mục Chuyển đổi số · Trang thông tin điện tử": a channel's name with its kind. */
export function channelLabel(
  channel: { name: string; kind: string | null | undefined },
  language: 'vi' | 'en',
): string {
  const kind = channelKindShortLabel(channel.kind, language);
  return kind ? `${channel.name} · ${kind}` : channel.name;
}

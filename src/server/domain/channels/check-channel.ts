import type { ChannelKind, ChannelPlatform } from '../../../shared/activities';
import { CHANNEL_KIND_LABELS, CHANNEL_PLATFORM_LABELS } from '../../../shared/activities';
import { PLATFORMS_BY_CHANNEL_KIND } from '../../../shared/api/channels';
import { formatVnDate } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';

export interface ChannelValues {
  kind: ChannelKind;
  platform: ChannelPlatform;
  name: string;
  stationName: string | null;
  url: string | null;
  feedUrl: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

/** Text normalised, empty strings read as "none". */
export function normalizeChannel(values: ChannelValues): ChannelValues {
  const orNull = (text: string | null) => (text && normalizeText(text) ? normalizeText(text) : null);
  return {
    ...values,
    name: normalizeText(values.name),
    stationName: orNull(values.stationName),
    url: orNull(values.url),
    feedUrl: orNull(values.feedUrl),
  };
}

/** The rules a channel obeys on its own: kind and platform agree, a website column has its page, dates in order. */
export function checkChannel(values: ChannelValues): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const platforms = PLATFORMS_BY_CHANNEL_KIND[values.kind];
  if (!platforms.includes(values.platform)) {
    const allowed = platforms.map((platform) => CHANNEL_PLATFORM_LABELS[platform].vi).join(', ');
    errors.push({
      field: 'platform',
      message: `${CHANNEL_KIND_LABELS[values.kind].vi} phải thuộc nền tảng: ${allowed} (không phải ${CHANNEL_PLATFORM_LABELS[values.platform].vi}).`,
    });
  }
  if (!values.name) errors.push({ field: 'name', message: 'Nhập tên kênh.' });
  if (values.kind === 'website_column' && !values.url) {
    errors.push({
      field: 'url',
      message: 'Nhập địa chỉ chuyên mục Chuyển đổi số trên trang thông tin điện tử.',
    });
  }
  if (values.feedUrl && values.kind !== 'website_column') {
    errors.push({
      field: 'feedUrl',
      message: 'Chỉ chuyên mục trên trang thông tin điện tử mới có địa chỉ RSS.',
    });
  }
  if (values.startedOn && values.endedOn && values.endedOn < values.startedOn) {
    errors.push({
      field: 'endedOn',
      message: `Ngày kết thúc phải từ ngày bắt đầu (${formatVnDate(values.startedOn)}) trở đi.`,
    });
  }
  return errors;
}

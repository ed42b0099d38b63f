import { Typography } from 'antd';
import { channelKindLongLabel, channelKindShortLabel, channelLabel } from '../../shared/channel-labels';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A channel named with its kind, everywhere a channel is shown: "Chuyên mục Chuyển đổi số" is the
 * name of a website column and of a radio programme alike.
 */
export function ChannelName(props: { name: string; kind: string | null | undefined }) {
  const { language } = useI18n();
  const kind = channelKindShortLabel(props.kind, language);
  return (
    <span title={channelKindLongLabel(props.kind, language) ?? undefined}>
      <span>{props.name}</span>
      {kind ? <Typography.Text type="secondary"> · {kind}</Typography.Text> : null}
    </span>
  );
}

/** The same as text, for select options and other places that take a string. */
export function useChannelLabel(): (channel: { name: string; kind: string | null | undefined }) => string {
  const { language } = useI18n();
  return (channel) => channelLabel(channel, language);
}

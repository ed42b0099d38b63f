import { Drawer, List, Space, Tag, Typography } from 'antd';
import { type RadioStation, useRadioReceived } from '../../api/radio';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

function duration(seconds: number | null): string {
  if (seconds === null) return '';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What a station sent lately, newest first: did the last push arrive, and what became of it. */
export function ReceivedDrawer(props: { station: RadioStation | null; onClose: () => void }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const received = useRadioReceived(props.station?.id ?? null);
  return (
    <Drawer
      open={Boolean(props.station)}
      onClose={props.onClose}
      title={props.station ? `${t('radio.latest')} · ${props.station.code}` : ''}
      size={isDesktop ? 640 : '100%'}
    >
      {received.error ? <ErrorAlert error={received.error} /> : null}
      <List
        loading={received.isPending && Boolean(props.station)}
        dataSource={received.data?.items ?? []}
        locale={{ emptyText: t('radio.latestEmpty') }}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong delete={item.isDeleted}>
                {item.title}
              </Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(item.occurredAt)} · {duration(item.durationSeconds)}
                {item.programme ? ` · ${item.programme}` : ''}
              </Typography.Text>
              <Space wrap size={4}>
                <Tag>
                  {t('radio.externalId')}: {item.externalId}
                </Tag>
                <Tag color={item.provenance === 'api' ? 'blue' : 'default'}>
                  {item.provenance === 'api' ? t('radio.viaApi') : t('radio.viaFile')}
                </Tag>
                {item.isFlagged ? <Tag color="orange">{t('radio.flaggedTag')}</Tag> : null}
                {item.isDeleted ? <Tag color="red">{t('radio.deletedTag')}</Tag> : null}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Drawer>
  );
}

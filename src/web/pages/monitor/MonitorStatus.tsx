import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type MonitorCheck, type UnitMonitor, useCheckNow } from '../../api/monitor';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { CheckProgress } from './CheckProgress';
import { RecordedPosts } from './RecordedPosts';

const STATUS_COLORS: Record<MonitorCheck['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

function CheckLine({ check }: { check: MonitorCheck | null }) {
  const { t } = useI18n();
  if (!check) return <Typography.Text type="secondary">{t('monitor.never')}</Typography.Text>;
  return (
    <Space wrap size={4}>
      <Tag color={STATUS_COLORS[check.status]}>{t(`monitor.status.${check.status}`)}</Tag>
      <Typography.Text>{formatDateTime(check.finishedAt ?? check.queuedAt)}</Typography.Text>
      {check.kind === 'column' && check.status === 'succeeded' && (
        <Typography.Text type="secondary">
          {t('monitor.checkFacts', {
            pages: check.pagesFetched,
            found: check.itemsFound,
            fresh: check.itemsNew,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * A unit's monitored columns and banner: the last check of each, the items found, the latest failures
 * with their reasons in words, the banner's history, and "Kiểm tra ngay" with its live progress.
 */
export function MonitorStatus({ data }: { data: UnitMonitor }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const checkNow = useCheckNow(data.unitId);
  const [started, setStarted] = useState<MonitorCheck[]>([]);

  const handleCheckNow = () =>
    checkNow.mutate(
      {},
      {
        onSuccess: (result) => {
          setStarted(result.checks);
          void message.success(t('monitor.checkNowStarted'));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!data.isEnabled && <Alert type="info" showIcon title={t('monitor.disabled')} />}
      {data.canCheck && data.channels.length > 0 && (
        <Button
          type="primary"
          icon={<SyncOutlined />}
          loading={checkNow.isPending}
          onClick={handleCheckNow}
          block
        >
          {t('monitor.checkNow')}
        </Button>
      )}
      {started.map((check) => (
        <CheckProgress key={check.id} checkId={check.id} unitId={data.unitId} />
      ))}
      {data.channels.length === 0 && <Alert type="warning" showIcon title={t('monitor.noColumns')} />}
      {data.channels.map((channel) => (
        <Card
          key={channel.channelId}
          size="small"
          title={channel.name}
          styles={{ title: { whiteSpace: 'normal' } }}
          extra={channel.hasOverrides ? <Tag>{t('monitor.overrides')}</Tag> : null}
        >
          {channel.url && (
            <Typography.Paragraph ellipsis style={{ marginBottom: 4 }}>
              <a href={channel.url} target="_blank" rel="noreferrer noopener">
                {channel.url}
              </a>
            </Typography.Paragraph>
          )}
          <div>
            <Typography.Text strong>{t('monitor.lastCheck')}: </Typography.Text>
            <CheckLine check={channel.lastCheck} />
          </div>
          <Typography.Paragraph style={{ margin: '4px 0' }}>
            {t('monitor.items', channel.items)}
          </Typography.Paragraph>
          {channel.recentFailures.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('monitor.failures')}</Typography.Text>}
              dataSource={channel.recentFailures}
              renderItem={(failure) => (
                <List.Item>
                  <Typography.Text type="danger">
                    {formatDateTime(failure.finishedAt ?? failure.queuedAt)}: {failure.errorMessage}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
      <Card size="small" title={t('monitor.banner')}>
        {data.banner.isLost && (
          <Alert type="error" showIcon title={t('monitorAdmin.bannerLost')} style={{ marginBottom: 8 }} />
        )}
        {data.bannerTargetUrl ? (
          <Typography.Paragraph ellipsis style={{ marginBottom: 4 }}>
            {t('monitor.bannerTarget', { url: data.bannerTargetUrl })}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary">{t('monitor.bannerNoTarget')}</Typography.Paragraph>
        )}
        {data.banner.lastCheck && (
          <Space wrap style={{ marginBottom: 8 }}>
            {data.banner.lastCheck.status === 'succeeded' && (
              <Tag color={data.banner.lastCheck.bannerFound ? 'success' : 'error'}>
                {t(data.banner.lastCheck.bannerFound ? 'monitor.bannerFound' : 'monitor.bannerMissing')}
              </Tag>
            )}
            <CheckLine check={data.banner.lastCheck} />
          </Space>
        )}
        {data.banner.history.length > 1 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('monitor.bannerHistory')}</Typography.Text>}
            dataSource={data.banner.history}
            renderItem={(check) => (
              <List.Item>
                <Space wrap size={4}>
                  <Typography.Text>{formatDateTime(check.finishedAt ?? check.queuedAt)}</Typography.Text>
                  {check.status === 'failed' ? (
                    <Typography.Text type="danger">{check.errorMessage}</Typography.Text>
                  ) : check.status === 'succeeded' ? (
                    <Tag color={check.bannerFound ? 'success' : 'error'}>
                      {t(check.bannerFound ? 'monitor.bannerFound' : 'monitor.bannerMissing')}
                    </Tag>
                  ) : (
                    <Tag>{t(`monitor.status.${check.status}`)}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {/* After the banner: on a phone the status of both checks comes before the long list of posts. */}
      {data.channels.length > 0 && <RecordedPosts unitId={data.unitId} />}
    </Space>
  );
}

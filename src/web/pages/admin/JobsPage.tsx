import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { type JobFailure, useJobOverview, useRetryJob } from '../../api/jobs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';

const COUNTS = ['queued', 'active', 'completed', 'retrying', 'failed', 'deadLetters'] as const;
const ALARMING = new Set<string>(['failed', 'deadLetters']);
const STATE_COLORS = { retry: 'gold', failed: 'red', dead_letter: 'volcano' } as const;

/**
 * The administrators' view of the background jobs: each queue by its name in words with its counts,
 * the latest failed attempts with their error, and the dead letters, each with "run again". Lists,
 * not tables, so that it reads on a 360 px phone.
 */
export function JobsPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const overview = useJobOverview();
  const retry = useRetryJob();

  const handleRetry = (job: JobFailure) => {
    retry.mutate(
      { queue: job.queue, id: job.id },
      {
        onSuccess: () => void message.success(t('jobs.retried')),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  const failureItem = (job: JobFailure) => (
    <List.Item
      key={`${job.queue}:${job.id}`}
      actions={
        job.canRetry
          ? [
              <Button
                key="retry"
                size="small"
                loading={retry.isPending && retry.variables?.id === job.id}
                onClick={() => handleRetry(job)}
              >
                {t('jobs.retry')}
              </Button>,
            ]
          : []
      }
      style={{ flexWrap: 'wrap', rowGap: 8 }}
    >
      <List.Item.Meta
        title={
          <Space size={[8, 4]} wrap>
            <span>{label(job.label, job.sourceQueue)}</span>
            <Tag color={STATE_COLORS[job.state]}>{t(`jobs.state.${job.state}` as MessageKey)}</Tag>
          </Space>
        }
        description={
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('jobs.at', { at: formatDateTime(job.at) })} ·{' '}
              {t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}
            </Typography.Text>
            <Typography.Paragraph
              style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
              type={job.error ? 'danger' : 'secondary'}
              ellipsis={{ rows: 4, expandable: true }}
            >
              {job.error ?? t('jobs.noError')}
            </Typography.Paragraph>
            {Object.keys(job.data).length > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {t('jobs.data')}: {JSON.stringify(job.data)}
              </Typography.Text>
            ) : null}
          </div>
        }
      />
    </List.Item>
  );

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('jobs.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void overview.refetch()}
          loading={overview.isFetching}
        >
          {t('jobs.refresh')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('jobs.intro')}
      </Typography.Paragraph>
      {overview.error ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            {overview.data.queues.map((queue) => (
              <Col key={queue.name} xs={24} md={12}>
                <Card size="small" title={label(queue.label, queue.name)} style={{ height: '100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {queue.cron
                      ? t('jobs.cron', { when: label(queue.cron.label, queue.cron.expression) })
                      : t('jobs.onDemand')}{' '}
                    · {t('jobs.maxAttempts', { count: queue.maxAttempts })}
                  </Typography.Text>
                  <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
                    {COUNTS.map((key) => {
                      const value = queue.counts[key];
                      return (
                        <Col key={key} xs={12} sm={8}>
                          <div style={{ fontSize: 12, color: '#666' }}>
                            {t(`jobs.count.${key}` as MessageKey)}
                          </div>
                          <div
                            style={{
                              fontSize: 20,
                              fontWeight: 600,
                              color: ALARMING.has(key) && value > 0 ? '#cf1322' : undefined,
                            }}
                          >
                            {value}
                          </div>
                        </Col>
                      );
                    })}
                  </Row>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('jobs.deadLetters')}>
            {overview.data.deadLetters.length ? (
              <List dataSource={overview.data.deadLetters} renderItem={failureItem} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.deadLettersEmpty')} />
            )}
          </Card>
          <Card size="small" title={t('jobs.failures')}>
            {overview.data.failures.length ? (
              <List dataSource={overview.data.failures} renderItem={failureItem} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.failuresEmpty')} />
            )}
          </Card>
        </Space>
      ) : null}
    </div>
  );
}

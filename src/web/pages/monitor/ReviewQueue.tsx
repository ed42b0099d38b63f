import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useVocabulary } from '../../api/activities';
import {
  decisionsExportUrl,
  type MonitorItem,
  type UnitMonitor,
  useDecideItem,
  useMonitorItems,
} from '../../api/monitor';
import { DayPicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, toIsoDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { ClassifierNote } from './ClassifierNote';

const PAGE_SIZE = 20;

/** One item waiting for a person: the page, the classifier's verdict and why, and the two decisions. */
function ReviewCard({
  item,
  topics,
}: {
  item: MonitorItem;
  topics: Array<{ value: string; label: string }>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const decide = useDecideItem();
  const [topic, setTopic] = useState<string | undefined>(item.topic ?? undefined);
  const [publishedOn, setPublishedOn] = useState<Dayjs | null>(null);

  const handleDecide = (isDx: boolean) =>
    decide.mutate(
      {
        itemId: item.id,
        body: isDx
          ? { isDx, topic: topic ?? null, occurredOn: publishedOn ? toIsoDay(publishedOn) : null }
          : { isDx },
      },
      {
        onSuccess: () => void message.success(t('monitor.review.decided')),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const verdict = t('monitor.review.verdict', {
    verdict: t(item.isDx ? 'monitor.review.verdictDx' : 'monitor.review.verdictNot'),
    confidence: Math.round(item.confidence * 100),
  });
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <a href={item.url} target="_blank" rel="noreferrer noopener">
          {item.title}
        </a>
      </Typography.Title>
      {item.lead && <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.lead}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {item.unitName} · {item.channelName} ·{' '}
        {item.publishedAt ? formatDateTime(item.publishedAt) : t('monitor.review.noDate')}
      </Typography.Paragraph>
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <Tag color={item.isDx ? 'blue' : 'default'}>{verdict}</Tag>
        {item.reasons.slice(0, 5).map((reason) => (
          <Tag key={reason}>{reason}</Tag>
        ))}
      </Space>
      {item.canDecide && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            aria-label={t('monitor.review.topic')}
            placeholder={t('monitor.review.topic')}
            value={topic}
            onChange={setTopic}
            options={topics}
            style={{ width: '100%' }}
          />
          {!item.publishedAt && (
            <DayPicker
              aria-label={t('monitor.review.publishedOn')}
              placeholder={t('monitor.review.publishedOn')}
              value={publishedOn}
              onChange={(value) => setPublishedOn(value as Dayjs | null)}
              style={{ width: '100%' }}
            />
          )}
          <Space wrap>
            <Button
              type="primary"
              loading={decide.isPending}
              disabled={!topic}
              onClick={() => handleDecide(true)}
            >
              {t('monitor.review.isDx')}
            </Button>
            <Button loading={decide.isPending} onClick={() => handleDecide(false)}>
              {t('monitor.review.notDx')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}

/** The review queue of the unit's roll-up: cards on a phone as on a desktop, newest first. */
export function ReviewQueue({
  unitId,
  canExport,
  classifier,
}: {
  unitId: string;
  canExport: boolean;
  classifier: UnitMonitor['classifier'];
}) {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const list = useMonitorItems({ unitId, state: 'review', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const vocabulary = useVocabulary(unitId).data;
  const topics = (vocabulary?.topics ?? []).map((topic) => ({
    value: topic.code,
    label: language === 'en' && topic.nameEn ? topic.nameEn : topic.name,
  }));
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data?.items ?? [];
  return (
    <div>
      <ClassifierNote classifier={classifier} />
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text>{t('monitor.review.total', { count: list.data?.total ?? 0 })}</Typography.Text>
        {canExport && (
          <Button icon={<DownloadOutlined />} href={decisionsExportUrl(unitId)}>
            {t('monitor.review.export')}
          </Button>
        )}
      </Space>
      {items.length === 0 && !list.isLoading ? (
        <Empty description={t('monitor.review.empty')} />
      ) : (
        <List
          loading={list.isLoading}
          dataSource={items}
          renderItem={(item) => <ReviewCard key={item.id} item={item} topics={topics} />}
        />
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          onChange={setPage}
          simple
          style={{ marginTop: 12 }}
        />
      )}
    </div>
  );
}

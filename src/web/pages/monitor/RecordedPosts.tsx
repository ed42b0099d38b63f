import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useVocabulary } from '../../api/activities';
import { useMonitorItems } from '../../api/monitor';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { RecordDrawer } from '../records/RecordDrawer';

const SHOWN = 20;

/**
 * The posts the monitor recorded for the unit, newest first, each with its topic and a way to open the
 * record it made (whose drawer shows the page's snapshot): what "check now" found, without leaving the page.
 */
export function RecordedPosts({ unitId }: { unitId: string }) {
  const { t, language } = useI18n();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useMonitorItems({ unitId, state: 'recorded', limit: SHOWN, offset: 0 });
  const topics = new Map(
    (useVocabulary(unitId).data?.topics ?? []).map((topic) => [
      topic.code,
      language === 'en' && topic.nameEn ? topic.nameEn : topic.name,
    ]),
  );
  const items = list.data?.items ?? [];
  return (
    <Card size="small" title={t('monitor.posts.title', { count: list.data?.total ?? 0 })}>
      <List
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('monitor.posts.empty') }}
        renderItem={(item) => {
          const topic = item.decidedTopic ?? item.topic;
          return (
            <List.Item>
              <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                <a
                  href={item.url}
                  target="_blank"
                  rel="noreferrer noopener"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {item.title}
                </a>
                <Space wrap size={4}>
                  {topic && <Tag color="blue">{topics.get(topic) ?? topic}</Tag>}
                  {item.decidedAt && <Tag>{t('monitor.posts.decided')}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.publishedAt ? formatDateTime(item.publishedAt) : t('monitor.review.noDate')}
                  </Typography.Text>
                  {item.activityId && (
                    <Button size="small" type="link" onClick={() => setOpenId(item.activityId)}>
                      {t('monitor.posts.open')}
                    </Button>
                  )}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
      <RecordDrawer activityId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </Card>
  );
}

import { Card, Checkbox, Empty, List, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { ACTIVITY_KIND_LABELS } from '../../../shared/activities';
import type { ActivityListItem } from '../../api/activities';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

export const REVIEW_COLOURS = { pending: 'default', accepted: 'green', rejected: 'red' } as const;

/**
 * The records list on a phone: one card per record, with a box to select it for a bulk review where
 * the server says the user may review it. Tapping the card opens the record.
 */
export function RecordCards(props: {
  items: ActivityListItem[];
  isLoading: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, isSelected: boolean) => void;
  onOpen: (id: string) => void;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t, label } = useI18n();
  return (
    <Spin spinning={props.isLoading}>
      {props.items.length === 0 && !props.isLoading ? <Empty /> : null}
      <List<ActivityListItem>
        dataSource={props.items}
        split={false}
        renderItem={(record) => (
          <List.Item style={{ padding: '4px 0' }}>
            <Card
              size="small"
              style={{ width: '100%', cursor: 'pointer' }}
              onClick={() => props.onOpen(record.id)}
              aria-label={record.title}
            >
              <div style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
                {record.canReview ? (
                  // A wide target for a thumb; the click must not open the record.
                  // biome-ignore lint/a11y/noStaticElementInteractions: the checkbox inside takes the keyboard
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside takes the keyboard
                  <div onClick={(event) => event.stopPropagation()} style={{ padding: 4, margin: -4 }}>
                    <Checkbox
                      aria-label={t('bulkReview.select', { title: record.title })}
                      checked={props.selected.has(record.id)}
                      onChange={(event) => props.onToggle(record.id, event.target.checked)}
                    />
                  </div>
                ) : null}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                    {record.title}
                  </Typography.Text>
                  <div>
                    <Space wrap size={4}>
                      <Typography.Text type="secondary">{formatDay(record.occurredOn)}</Typography.Text>
                      <Tag>{label(ACTIVITY_KIND_LABELS[record.kind])}</Tag>
                      <Tag color={REVIEW_COLOURS[record.reviewStatus]}>
                        {t(`records.review.${record.reviewStatus}`)}
                      </Tag>
                      {record.duplicateOfId ? <Tag color="orange">{t('records.duplicate')}</Tag> : null}
                      {record.deletedAt ? <Tag color="red">{t('records.deleted')}</Tag> : null}
                      {record.language !== 'vi' ? <Tag color="purple">{record.language}</Tag> : null}
                    </Space>
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[record.channelName, record.unitName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
            </Card>
          </List.Item>
        )}
      />
      {props.total > props.pageSize ? (
        <Pagination
          simple
          style={{ marginTop: 8, textAlign: 'center' }}
          current={props.page}
          pageSize={props.pageSize}
          total={props.total}
          onChange={props.onPage}
        />
      ) : null}
    </Spin>
  );
}

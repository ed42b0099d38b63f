import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type AppNotification, useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { formatDateTime } from '../format/dates';
import { useIsDesktop } from '../hooks/use-is-desktop';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

/**
 * The bell in the header: the count of unread in-app notifications, and a drawer listing them. Opening
 * one marks it read and goes where it acts (an assessment to submit, to appraise, to publish).
 */
export function NotificationBell() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = list.data?.unread ?? 0;

  const openItem = (item: AppNotification) => {
    if (!item.readAt) markRead.mutate([item.id]);
    if (item.link) {
      setOpen(false);
      void navigate(item.link);
    }
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell', { count: unread })}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={isDesktop ? 400 : '100%'}
        title={t('notifications.title')}
        extra={
          unread > 0 ? (
            <Button size="small" loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
              {t('notifications.markAll')}
            </Button>
          ) : null
        }
        styles={{ body: { paddingBlock: 8 } }}
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <List<AppNotification>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          rowKey="id"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />,
          }}
          renderItem={(item) => (
            <List.Item
              style={{ display: 'block', cursor: item.link ? 'pointer' : undefined, paddingInline: 4 }}
              onClick={() => openItem(item)}
              data-testid="notification-item"
              data-unread={item.readAt ? undefined : 'true'}
            >
              <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                {item.readAt ? null : <Badge status="processing" aria-label={t('notifications.unread')} />}
                <Typography.Text strong={!item.readAt} style={{ overflowWrap: 'anywhere' }}>
                  {item.title}
                </Typography.Text>
              </div>
              <Typography.Paragraph style={{ margin: '2px 0', overflowWrap: 'anywhere' }}>
                {item.body}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(item.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}

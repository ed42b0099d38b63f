import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../../api/types';
import { useUsers } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { CreateUserModal } from './CreateUserModal';
import { GrantTag } from './GrantTag';
import { UserDrawer } from './UserDrawer';
import { UserStatusTags } from './UserStatusTags';

const PAGE_SIZE = 20;

/** Accounts the manager reaches, with search; a row opens the account, a button creates one. */
export function UsersPage() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const users = useUsers({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [isCreating, setCreating] = useState(false);
  const [openUserId, setOpenUserId] = useState<string | null>(null);

  const columns: TableColumnsType<User> = [
    {
      key: 'user',
      title: t('users.user'),
      render: (_, user) => (
        <div>
          <Button
            type="link"
            onClick={() => setOpenUserId(user.id)}
            style={{ padding: 0, height: 'auto', fontWeight: 600, whiteSpace: 'normal', textAlign: 'start' }}
          >
            {user.fullName}
          </Button>
          <div>
            <Typography.Text type="secondary">{user.username}</Typography.Text>
          </div>
          {isDesktop ? null : (
            <div style={{ marginTop: 4 }}>
              {user.grants.map((grant) => (
                <GrantTag key={grant.id} grant={grant} />
              ))}
              <UserStatusTags user={user} />
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'grants',
      title: t('users.grants'),
      responsive: ['md'],
      render: (_, user) => user.grants.map((grant) => <GrantTag key={grant.id} grant={grant} />),
    },
    {
      key: 'status',
      title: t('users.status'),
      responsive: ['md'],
      render: (_, user) => <UserStatusTags user={user} />,
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      responsive: ['lg'],
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')),
    },
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 24 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.add')}
        </Button>
      </Flex>
      <Input.Search
        allowClear
        aria-label={t('users.searchPlaceholder')}
        placeholder={t('users.searchPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setPage(1);
        }}
        style={{ marginBottom: 16, maxWidth: 480 }}
      />
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        locale={{ emptyText: t('users.empty') }}
        // On a phone the one column wraps; wider screens scroll the table inside itself if needed.
        scroll={isDesktop ? { x: 'max-content' } : undefined}
        onRow={(user) => ({ onDoubleClick: () => setOpenUserId(user.id) })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
      <CreateUserModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          setText('');
          setPage(1);
        }}
      />
      <UserDrawer userId={openUserId} onClose={() => setOpenUserId(null)} />
    </>
  );
}

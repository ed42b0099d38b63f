import { DeleteOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ErrorDetail } from '../../../shared/errors';
import { MIN_PASSWORD_LENGTH } from '../../../shared/password-rule';
import { ROLE_LABELS } from '../../../shared/roles';
import type { Grant, User } from '../../api/types';
import { useAddGrant, useRevokeGrant, useUpdateUser, useUser } from '../../api/users';
import { ErrorAlert, FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { unitPath } from '../../components/unit-path';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { GRANT_FIELD_ALIASES, GrantFields, type GrantValues } from './GrantFields';
import { UserStatusTags } from './UserStatusTags';

/** One account: profile, activation, password reset, unlock, and its roles. */
export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const user = useUser(userId);
  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={isDesktop ? 560 : '100%'}
      title={user.data ? t('users.edit', { username: user.data.username }) : t('common.loading')}
      destroyOnHidden
      styles={{ body: { padding: isDesktop ? 24 : 12 } }}
    >
      {user.isError ? <ErrorAlert error={user.error} onRetry={() => void user.refetch()} /> : null}
      {user.isPending && userId !== null ? <Skeleton active /> : null}
      {user.data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ProfileCard key={user.data.id} user={user.data} />
          <PasswordCard user={user.data} />
          <GrantsCard user={user.data} />
        </Space>
      ) : null}
    </Drawer>
  );
}

interface ProfileValues {
  fullName: string;
  email: string;
  isActive: boolean;
}

function ProfileCard({ user }: { user: User }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateUser(user.id);
  const unlock = useUpdateUser(user.id);
  const errorText = useErrorText();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  useEffect(() => {
    form.setFieldsValue({ fullName: user.fullName, email: user.email ?? '', isActive: user.isActive });
  }, [form, user.fullName, user.email, user.isActive]);

  const handleFinish = (values: ProfileValues) => {
    const email = values.email.trim();
    update.mutate(
      { fullName: values.fullName.trim(), email: email ? email : null, isActive: values.isActive },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => setUnplaced(applyFieldErrors(form, error, ['fullName', 'email', 'isActive'])),
      },
    );
  };

  return (
    <Card size="small" title={t('users.profile')}>
      <div style={{ marginBottom: 12 }}>
        <UserStatusTags user={user} />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('users.lastLogin')}: {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}
        </Typography.Text>
      </div>
      {user.isLocked ? (
        <Alert
          type="warning"
          showIcon
          title={t('users.lockedNotice')}
          action={
            <Button
              size="small"
              icon={<UnlockOutlined />}
              loading={unlock.isPending}
              onClick={() =>
                unlock.mutate(
                  { unlock: true },
                  {
                    onSuccess: () => void message.success(t('users.unlocked')),
                    onError: (error) => void message.error(errorText(error)),
                  },
                )
              }
            >
              {t('users.unlock')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <FormErrorAlert error={update.error} unplaced={unplaced} />
      <Form<ProfileValues>
        form={form}
        name="edit-user"
        layout="vertical"
        onFinish={handleFinish}
        requiredMark={false}
      >
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[{ type: 'email', message: t('users.emailInvalid') }]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="isActive" label={t('users.isActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard({ user }: { user: User }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser(user.id);
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  return (
    <Card size="small" title={t('users.resetPassword')}>
      <FormErrorAlert error={update.error} unplaced={unplaced} />
      <Form<{ password: string }>
        form={form}
        name="reset-password"
        layout="vertical"
        requiredMark={false}
        onFinish={({ password }) =>
          update.mutate(
            { password },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('users.passwordReset'));
              },
              onError: (error) => setUnplaced(applyFieldErrors(form, error, ['password'])),
            },
          )
        }
      >
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('users.required') },
            { min: MIN_PASSWORD_LENGTH, message: t('account.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button htmlType="submit" loading={update.isPending}>
          {t('users.resetPassword')}
        </Button>
      </Form>
    </Card>
  );
}

function GrantsCard({ user }: { user: User }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const revoke = useRevokeGrant(user.id);
  const add = useAddGrant(user.id);
  const [form] = Form.useForm<GrantValues>();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const handleAdd = (values: GrantValues) => {
    if (!values.role) return;
    add.mutate(
      { role: values.role, unitId: values.unitId ?? null },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('users.grantAdded'));
        },
        onError: (error) =>
          setUnplaced(applyFieldErrors(form, error, ['role', 'unitId'], GRANT_FIELD_ALIASES)),
      },
    );
  };

  return (
    <Card size="small" title={t('users.grants')}>
      <List<Grant>
        size="small"
        dataSource={user.grants}
        locale={{ emptyText: t('users.noGrants') }}
        renderItem={(grant) => (
          <List.Item
            actions={[
              <Popconfirm
                key="revoke"
                title={t('users.revokeConfirm')}
                okText={t('users.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  revoke.mutateAsync(grant.id).then(
                    () => void message.success(t('users.revoked')),
                    (error: unknown) => void message.error(errorText(error)),
                  )
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />}>
                  {t('users.revoke')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <div>
              <strong>{label(ROLE_LABELS[grant.role])}</strong>
              <div>
                {grant.unitId ? (
                  <Link to={unitPath(grant.unitId, undefined)}>{grant.unitName}</Link>
                ) : (
                  t('users.wholeSystem')
                )}
              </div>
            </div>
          </List.Item>
        )}
      />
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
        {t('users.addGrant')}
      </Typography.Title>
      <FormErrorAlert error={add.error} unplaced={unplaced} />
      <Form<GrantValues>
        form={form}
        name="add-grant"
        layout="vertical"
        onFinish={handleAdd}
        requiredMark={false}
      >
        <GrantFields />
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('users.addGrant')}
        </Button>
      </Form>
    </Card>
  );
}

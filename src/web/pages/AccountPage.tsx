import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Form, Input, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ErrorDetail } from '../../shared/errors';
import { MIN_PASSWORD_LENGTH } from '../../shared/password-rule';
import { ROLE_LABELS } from '../../shared/roles';
import { useChangePassword, useLogout, useLogoutAll, useMe } from '../api/auth';
import type { Grant } from '../api/types';
import { FormErrorAlert } from '../components/ErrorAlert';
import { applyFieldErrors } from '../components/form-errors';
import { unitPath } from '../components/unit-path';
import { useErrorText } from '../hooks/use-error-text';
import { useI18n } from '../i18n/I18nProvider';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The signed-in user's own page: who they are, their roles, password change and logout. */
export function AccountPage() {
  const { t, label } = useI18n();
  const me = useMe().data;
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutAll = useLogoutAll();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  if (!me) return null;

  const confirmLogoutAll = () => {
    void modal.confirm({
      title: t('account.logoutAllConfirm'),
      content: t('account.logoutAllConfirmText'),
      okText: t('account.logoutAllOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      // The dialog stays open until the server has ended the sessions; a failure is shown, not hidden.
      onOk: () =>
        logoutAll
          .mutateAsync()
          .then(() => navigate('/login', { replace: true }))
          .catch((error: unknown) => {
            void message.error(errorText(error));
          }),
    });
  };

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 24 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('users.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'fullName', label: t('users.fullName'), children: me.user.fullName },
                { key: 'username', label: t('users.username'), children: me.user.username },
              ]}
            />
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
              {t('account.roles')}
            </Typography.Title>
            <List<Grant>
              size="small"
              dataSource={me.grants}
              locale={{ emptyText: t('users.noGrants') }}
              renderItem={(grant) => (
                <List.Item>
                  <div>
                    <strong>{label(ROLE_LABELS[grant.role])}</strong>
                    {' — '}
                    {grant.unitId ? (
                      <Link to={unitPath(grant.unitId, undefined)}>{grant.unitName}</Link>
                    ) : (
                      t('users.wholeSystem')
                    )}
                  </div>
                </List.Item>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
              {t('account.logoutHint')}
            </Typography.Paragraph>
            <Button
              danger
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
              }
            >
              {t('nav.logout')}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
              {t('account.logoutAllHint')}
            </Typography.Paragraph>
            <Button danger icon={<LogoutOutlined />} loading={logoutAll.isPending} onClick={confirmLogoutAll}>
              {t('account.logoutAll')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ChangePasswordCard />
        </Col>
      </Row>
    </>
  );
}

function ChangePasswordCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const handleFinish = ({ currentPassword, newPassword }: PasswordValues) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, ['currentPassword', 'newPassword'])),
      },
    );
  };

  return (
    <Card size="small" title={t('account.changePassword')}>
      <FormErrorAlert error={change.error} unplaced={unplaced} />
      <Form<PasswordValues> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[
            { required: true, message: t('users.required') },
            { min: MIN_PASSWORD_LENGTH, message: t('account.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('users.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

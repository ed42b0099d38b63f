import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useLogin, useMe } from '../api/auth';
import { isApiError } from '../api/client';
import { consumeSessionExpired } from '../api/session-events';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageSpinner } from '../components/PageSpinner';
import { useErrorText } from '../hooks/use-error-text';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages-vi';
import { prefetchSignedInPages } from '../page-loaders';

interface LoginValues {
  username: string;
  password: string;
}

/** Only paths inside the app: a crafted ?next= must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

const TITLE_BY_CODE: Partial<Record<string, MessageKey>> = {
  ACCOUNT_LOCKED: 'login.locked',
  RATE_LIMITED: 'login.rateLimited',
};

export function LoginPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<LoginValues>();

  const [isSessionExpired] = useState(consumeSessionExpired);

  useEffect(prefetchSignedInPages, []);

  if (me.isPending) return <PageSpinner />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const handleFinish = (values: LoginValues) => {
    login.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: () => form.setFieldValue('password', ''),
    });
  };

  const error = login.error;
  const errorCode = isApiError(error) ? error.code : undefined;
  const isLockout = errorCode === 'ACCOUNT_LOCKED' || errorCode === 'RATE_LIMITED';

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '16px 12px',
        background: '#f5f5f5',
      }}
    >
      <div
        style={{
          width: '100%',
          maxWidth: 400,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          marginBottom: 24,
        }}
      >
        <Brand />
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {isSessionExpired && !error ? (
          <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert
            type={isLockout ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={t(TITLE_BY_CODE[errorCode ?? ''] ?? 'login.failed')}
            description={errorText(error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={handleFinish}
          requiredMark={false}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

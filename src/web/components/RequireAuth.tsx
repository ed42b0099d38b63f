import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/auth';
import type { Me } from '../api/types';
import { useErrorText } from '../hooks/use-error-text';
import { useI18n } from '../i18n/I18nProvider';
import { PageSpinner } from './PageSpinner';

/** Renders its children for a signed-in user; anyone else goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useI18n();
  const errorText = useErrorText();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('error.title')}
        subTitle={errorText(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** A page only some users may open (the menus hide it from others; the server refuses them anyway). */
export function RequirePermission({
  allowed,
  children,
}: {
  allowed: (me: Me) => boolean;
  children: ReactNode;
}) {
  const me = useMe();
  const { t } = useI18n();
  if (!me.data || !allowed(me.data)) return <Result status="403" title={t('forbidden.title')} />;
  return children;
}

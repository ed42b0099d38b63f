import { Badge, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * One card of a home block: its title with the count, up to a handful of items, a "Xem tất cả" link
 * into the list page with the same filter, and a plain sentence when there is nothing to do.
 */
export function HomeCard(props: {
  title: string;
  count: number;
  /** Red count when something is late; green when the list is empty. */
  isUrgent?: boolean;
  viewAll?: string | undefined;
  empty: string;
  children?: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const { count } = props;
  return (
    <Card
      size="small"
      data-testid={props.testId}
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'normal' }}>
          <Badge
            count={count}
            showZero
            overflowCount={999}
            color={count === 0 ? '#52c41a' : props.isUrgent ? '#ff4d4f' : '#1677ff'}
          />
          <span>{props.title}</span>
        </span>
      }
      extra={props.viewAll && count > 0 ? <Link to={props.viewAll}>{t('home.viewAll')}</Link> : null}
    >
      {count === 0 && !props.extra ? (
        <Typography.Text type="secondary">{props.empty}</Typography.Text>
      ) : (
        <>
          {props.extra}
          {props.children}
        </>
      )}
    </Card>
  );
}

/** One line of a card: what it is, then in grey why and when. */
export function HomeItem(props: {
  title: ReactNode;
  detail?: ReactNode;
  to?: string | undefined;
  tag?: ReactNode;
}) {
  const title = props.to ? <Link to={props.to}>{props.title}</Link> : props.title;
  return (
    <div style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5', overflowWrap: 'anywhere' }}>
      <div>
        {title} {props.tag}
      </div>
      {props.detail ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {props.detail}
        </Typography.Text>
      ) : null}
    </div>
  );
}

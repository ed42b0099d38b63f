import { Empty, Skeleton, Space, Typography } from 'antd';
import { useFrameworkList } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { FrameworkFileTools } from './FrameworkFileTools';
import { FrameworkGroupCard } from './FrameworkGroupCard';
import { groupByCode } from './framework-groups';

/**
 * The scoring frameworks (/frameworks): every stored version grouped by code, for everyone signed in;
 * checking and importing files for those the server lets import (a DX office, an administrator).
 */
export function FrameworksPage() {
  const { t } = useI18n();
  const list = useFrameworkList();
  const groups = list.data ? groupByCode(list.data.items) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('frameworks.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('frameworks.intro')}
        </Typography.Paragraph>
      </div>
      {list.data?.canManage ? <FrameworkFileTools /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? <Skeleton active /> : null}
      {list.data && groups.length === 0 ? <Empty description={t('frameworks.empty')} /> : null}
      {groups.map((group) => (
        <FrameworkGroupCard key={group.code} group={group} />
      ))}
    </Space>
  );
}

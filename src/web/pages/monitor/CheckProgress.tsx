import { useQueryClient } from '@tanstack/react-query';
import { Alert, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { type MonitorCheck, useMonitorCheck } from '../../api/monitor';
import { useI18n } from '../../i18n/I18nProvider';

const isRunning = (check: MonitorCheck) => check.status === 'queued' || check.status === 'running';

/**
 * The live progress of one check started with "Kiểm tra ngay": polled every second while it waits or
 * runs (what it reads now, pages and items so far); once finished, the unit's page and item lists are refreshed.
 */
export function CheckProgress({ checkId, unitId }: { checkId: string; unitId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const check = useMonitorCheck(checkId).data;
  const running = check ? isRunning(check) : true;
  useEffect(() => {
    // The unit's counts, and the lists of items (recorded posts, review queue) the check may have filled.
    if (!running) {
      void queryClient.invalidateQueries({ queryKey: ['monitor', 'unit', unitId] });
      void queryClient.invalidateQueries({ queryKey: ['monitor', 'items'] });
    }
  }, [running, queryClient, unitId]);
  if (!check) return <Progress percent={5} status="active" showInfo={false} />;
  const facts = t('monitor.checkFacts', {
    pages: check.pagesFetched,
    found: check.itemsFound,
    fresh: check.itemsNew,
  });
  const title = `${t(`monitor.kind.${check.kind}`)}: ${t(`monitor.status.${check.status}`)}`;
  if (check.status === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        title={title}
        description={check.errorMessage}
        style={{ marginBottom: 8 }}
      />
    );
  // A banner check that ran but found no banner is a result to act on, not a green light.
  const isBannerMissing = check.kind === 'banner' && check.bannerFound === false;
  if (check.status === 'succeeded')
    return (
      <Alert
        type={isBannerMissing ? 'warning' : 'success'}
        showIcon
        title={title}
        description={
          check.kind === 'banner'
            ? t(check.bannerFound ? 'monitor.bannerFound' : 'monitor.bannerMissing')
            : facts
        }
        style={{ marginBottom: 8 }}
      />
    );
  return (
    <div role="status" aria-live="polite" style={{ marginBottom: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={check.status === 'queued' ? 5 : 50} status="active" showInfo={false} />
      <Typography.Text type="secondary">{check.progress ?? facts}</Typography.Text>
    </div>
  );
}

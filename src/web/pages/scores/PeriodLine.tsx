import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { Scoreboard } from '../../api/scoring';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { periodName } from './periods';

/**
 * Which days the scores count: a closed period whole, a running one up to today, when the
 * projections at the current pace matter.
 */
export function PeriodLine({ period }: { period: Scoreboard['period'] }) {
  const { t } = useI18n();
  const name = periodName(period.key, t);
  return (
    <Typography.Text>
      <ClockCircleOutlined />{' '}
      {period.isRunning
        ? t('scoring.runningPeriod', {
            period: name,
            through: formatDay(period.through),
            end: formatDay(period.to),
          })
        : t('scoring.closedPeriod', { period: name, from: formatDay(period.from), to: formatDay(period.to) })}
    </Typography.Text>
  );
}

import { Tag } from 'antd';
import type { HomeBlock } from '../../api/home';
import { formatDateTime, formatDay, formatMonth } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { HomeCard, HomeItem } from './HomeCard';

type HeadBlockData = Extract<HomeBlock, { role: 'head' }>;

/** The unit head's block: schedules to issue, reports to approve or submit, assessments to submit. */
export function HeadBlock({ block }: { block: HeadBlockData }) {
  const { t } = useI18n();
  return (
    <>
      <HomeCard
        testId="home-to-issue"
        title={t('home.toIssue.title')}
        count={block.toIssue.total}
        empty={t('home.toIssue.empty')}
        viewAll="/schedules"
      >
        {block.toIssue.items.map((item) => (
          <HomeItem
            key={item.scheduleId}
            to={`/schedules/${item.scheduleId}`}
            title={t('home.toIssue.item', {
              month: formatMonth(item.month.slice(0, 7)),
              programme: item.channelName,
              count: item.entryCount,
            })}
          />
        ))}
      </HomeCard>
      <HomeCard
        testId="home-to-approve"
        title={t('home.toApprove.title')}
        count={block.toApprove.total}
        empty={t('home.toApprove.empty')}
      >
        {block.toApprove.items.map((item) => (
          <HomeItem
            key={item.reportId}
            title={t('home.due.report', { type: item.title, period: item.periodLabel })}
            to={`/reports/${item.reportId}`}
            tag={
              <Tag color={item.status === 'approved' ? 'blue' : 'gold'}>
                {t(`home.toApprove.${item.status}`)}
              </Tag>
            }
            detail={t('home.toApprove.due', { day: formatDay(item.dueOn) })}
          />
        ))}
      </HomeCard>
      <HomeCard
        testId="home-to-submit"
        title={t('home.toSubmit.title')}
        count={block.toSubmit.total}
        empty={t('home.toSubmit.empty')}
        viewAll="/assessments"
      >
        {block.toSubmit.items.map((item) => (
          <HomeItem
            key={item.assessmentId}
            to={`/assessments/${item.assessmentId}`}
            title={t('home.toSubmit.item', { framework: item.title, period: item.periodKey })}
            detail={t('home.toSubmit.ready', { day: formatDateTime(item.readyAt) })}
          />
        ))}
      </HomeCard>
    </>
  );
}

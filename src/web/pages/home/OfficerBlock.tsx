import { Tag, Typography } from 'antd';
import { DUE_SOON_DAYS } from '../../../shared/api/home';
import type { HomeBlock } from '../../api/home';
import { formatDay, formatMonth } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { HomeCard, HomeItem } from './HomeCard';

type OfficerBlockData = Extract<HomeBlock, { role: 'officer' }>;
type DueItem = OfficerBlockData['due']['items'][number];

function useDueText() {
  const { t } = useI18n();
  return (item: DueItem) => {
    const title =
      item.kind === 'schedule'
        ? t('home.due.schedule', { month: formatMonth(item.periodLabel), programme: item.title })
        : t('home.due.report', { type: item.title, period: item.periodLabel });
    const when = item.isOverdue
      ? t('home.due.overdue', { days: -item.daysLeft, day: formatDay(item.dueOn) })
      : item.daysLeft === 0
        ? t('home.due.dueToday', { day: formatDay(item.dueOn) })
        : t('home.due.dueIn', { days: item.daysLeft, day: formatDay(item.dueOn) });
    const status =
      item.kind === 'schedule'
        ? item.status === 'draft'
          ? t('home.due.status.draft')
          : t('home.due.status.notIssued')
        : item.status === 'approved'
          ? t('home.due.status.approved')
          : item.status === 'draft'
            ? t('home.due.status.draft')
            : t('home.due.status.none');
    return { title, when, status };
  };
}

/** The officer's block: due and overdue, this week's and this period's gaps, evidence, returned. */
export function OfficerBlock({ block }: { block: OfficerBlockData }) {
  const { t } = useI18n();
  const dueText = useDueText();
  const unitId = block.unit.id;
  const overdue = block.due.items.filter((item) => item.isOverdue).length;
  const gapsFramework = block.gaps.framework;
  return (
    <>
      <HomeCard
        testId="home-due"
        title={t('home.due.title')}
        count={block.due.total}
        isUrgent={overdue > 0}
        empty={t('home.due.empty', { days: DUE_SOON_DAYS })}
        viewAll={block.due.total > block.due.items.length ? `/reports?unit=${unitId}&tab=unit` : undefined}
      >
        <Typography.Text type={overdue > 0 ? 'danger' : 'success'} style={{ fontSize: 13 }}>
          {overdue > 0 ? t('home.due.overdueCount', { count: overdue }) : t('home.due.noOverdue')}
        </Typography.Text>
        {block.due.items.map((item) => {
          const text = dueText(item);
          return (
            <HomeItem
              key={`${item.kind}-${item.periodId ?? item.channelId}-${item.periodLabel}`}
              title={text.title}
              to={
                item.kind === 'schedule'
                  ? item.scheduleId
                    ? `/schedules/${item.scheduleId}`
                    : '/schedules'
                  : item.reportId
                    ? `/reports/${item.reportId}`
                    : `/reports?unit=${unitId}&tab=unit`
              }
              tag={<Tag color={item.isOverdue ? 'red' : 'gold'}>{text.status}</Tag>}
              detail={text.when}
            />
          );
        })}
      </HomeCard>
      <HomeCard
        testId="home-gaps"
        title={t('home.gaps.title')}
        count={block.gaps.items.length}
        empty={t('home.gaps.empty')}
        viewAll={
          gapsFramework
            ? `/units/${unitId}/scores?framework=${gapsFramework.code}&period=${gapsFramework.periodKey}`
            : undefined
        }
      >
        {block.gaps.items
          .filter((gap) => gap.kind === 'weekly_broadcast')
          .map((gap) => (
            <HomeItem
              key="week"
              title={
                <Typography.Text type="danger">
                  {t('home.gaps.weekly', { from: formatDay(gap.weekFrom), to: formatDay(gap.weekTo) })}
                </Typography.Text>
              }
              to={`/units/${unitId}/calendar`}
            />
          ))}
        {gapsFramework && block.gaps.items.some((gap) => gap.kind === 'criterion') ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('home.gaps.framework', { framework: gapsFramework.name, period: gapsFramework.periodLabel })}
          </Typography.Text>
        ) : null}
        {block.gaps.items
          .filter((gap) => gap.kind === 'criterion')
          .map((gap) => (
            <HomeItem
              key={gap.criterionCode}
              title={`${gap.criterionCode} ${gap.criterionTitle ?? ''}`}
              detail={gap.text}
            />
          ))}
      </HomeCard>
      <HomeCard
        testId="home-evidence"
        title={t('home.evidence.title')}
        count={block.withoutEvidence.total}
        empty={t('home.evidence.empty', { day: formatDay(block.withoutEvidence.from) })}
        viewAll={`/records?unitId=${unitId}&from=${block.withoutEvidence.from}&hasEvidence=false`}
      >
        {t('home.evidence.count', {
          count: block.withoutEvidence.total,
          day: formatDay(block.withoutEvidence.from),
        })}
      </HomeCard>
      <HomeCard
        testId="home-returned"
        title={t('home.returned.title')}
        count={block.returned.total}
        isUrgent
        empty={t('home.returned.empty')}
      >
        {block.returned.items.map((item) => (
          <HomeItem
            key={`${item.kind}-${item.id}`}
            title={item.title}
            to={
              item.kind === 'assessment'
                ? `/assessments/${item.id}`
                : item.kind === 'record'
                  ? `/records?unitId=${unitId}&reviewStatus=rejected&open=${item.id}`
                  : `/reports/${item.id}`
            }
            tag={<Tag color="orange">{t(`home.returned.${item.kind}`)}</Tag>}
            detail={item.note ?? undefined}
          />
        ))}
      </HomeCard>
    </>
  );
}

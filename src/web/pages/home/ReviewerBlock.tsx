import { Tag } from 'antd';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../shared/activities';
import type { HomeBlock } from '../../api/home';
import { useI18n } from '../../i18n/I18nProvider';
import { HomeCard, HomeItem } from './HomeCard';

type ReviewerBlockData = Extract<HomeBlock, { role: 'reviewer' }>;

/** The reviewer's queue: records and assessments waiting, oldest first, each with its age. */
export function ReviewerBlock({ block }: { block: ReviewerBlockData }) {
  const { t, label } = useI18n();
  const unitQuery = block.unit ? `unitId=${block.unit.id}&` : '';
  const age = (days: number) => (
    <Tag color={days > 14 ? 'red' : days > 7 ? 'orange' : 'default'}>
      {days === 0 ? t('home.review.ageToday') : t('home.review.age', { days })}
    </Tag>
  );
  return (
    <>
      <HomeCard
        testId="home-review-records"
        title={t('home.review.records')}
        count={block.records.total}
        isUrgent={(block.oldestRecordDays ?? 0) > 14}
        empty={t('home.review.recordsEmpty')}
        viewAll={`/records?${unitQuery}reviewStatus=pending`}
      >
        {block.records.items.map((item) => (
          <HomeItem
            key={item.id}
            to={`/records?${unitQuery}reviewStatus=pending&open=${item.id}`}
            title={item.title}
            tag={age(item.ageDays)}
            detail={`${label(ACTIVITY_KIND_LABELS[item.kind as ActivityKind])} · ${item.unitName}`}
          />
        ))}
      </HomeCard>
      <HomeCard
        testId="home-review-assessments"
        title={t('home.review.assessments')}
        count={block.assessments.total}
        isUrgent={(block.oldestAssessmentDays ?? 0) > 14}
        empty={t('home.review.assessmentsEmpty')}
        viewAll="/assessments?status=submitted"
      >
        {block.assessments.items.map((item) => (
          <HomeItem
            key={item.id}
            to={`/assessments/${item.id}`}
            title={item.unitName}
            tag={age(item.ageDays)}
            detail={t('home.toSubmit.item', { framework: item.title, period: item.periodKey })}
          />
        ))}
      </HomeCard>
    </>
  );
}

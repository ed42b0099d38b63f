import { ArrowLeftOutlined } from '@ant-design/icons';
import { Result, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useAssessment, useAssessmentTransition } from '../../api/assessments';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { useI18n } from '../../i18n/I18nProvider';
import { AssessmentActions } from './AssessmentActions';
import { AssessmentHeader } from './AssessmentHeader';
import { CriterionAssessmentCard } from './CriterionAssessmentCard';
import { problemsByCriterion } from './criterion-errors';
import { ReadyCard } from './ReadyCard';
import { TransitionTimeline } from './TransitionTimeline';

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/assessments">
      <ArrowLeftOutlined /> {t('assessments.title')}
    </Link>
  );
}

/**
 * One assessment (/assessments/:assessmentId): the header, the steps the user may take, a card per
 * criterion (filled by the unit, appraised by the reviewer), and the history. Cards stack in one
 * column: officers fill them on phones.
 */
export function AssessmentDetailPage() {
  const { assessmentId = '' } = useParams();
  const { t } = useI18n();
  const query = useAssessment(assessmentId);
  const transition = useAssessmentTransition(assessmentId);

  if (query.isLoading) return <PageSpinner />;
  if (isApiError(query.error, 'NOT_FOUND'))
    return <Result status="404" title={t('assessments.notFound')} extra={<BackLink />} />;
  if (query.error || !query.data)
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const assessment = query.data;
  const canEdit = assessment.actions.includes('edit');
  const canAppraise = assessment.actions.includes('appraise');
  const problems = problemsByCriterion(transition.error);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <BackLink />
      <AssessmentHeader assessment={assessment} />
      <AssessmentActions assessment={assessment} transition={transition} />
      <ReadyCard assessment={assessment} />
      {assessment.criteria.map((criterion) => (
        <CriterionAssessmentCard
          // A new status or version starts each card's form from what the server holds.
          key={`${assessment.id}-${assessment.status}-${criterion.code}`}
          assessmentId={assessment.id}
          unitId={assessment.unit.id}
          status={assessment.status}
          criterion={criterion}
          canEdit={canEdit}
          canAppraise={canAppraise}
          problems={problems.get(criterion.code) ?? []}
        />
      ))}
      <TransitionTimeline transitions={assessment.transitions} />
    </Space>
  );
}

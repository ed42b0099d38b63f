import { LockOutlined } from '@ant-design/icons';
import { Alert, Card, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AssessmentDetail } from '../../api/assessments';
import { UnitKindTag } from '../../components/UnitTags';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { periodName } from '../scores/periods';
import { AssessmentStatusTag, TotalsLine } from './assessment-format';

/**
 * Why the assessment can or cannot change now: published ones are locked (a new version replaces
 * them), superseded ones point at their successor, a returned one says what the reviewer wants.
 */
function StateNotice({ assessment }: { assessment: AssessmentDetail }) {
  const { t } = useI18n();
  switch (assessment.status) {
    case 'published':
      return (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          data-testid="assessment-locked"
          title={t('assessments.locked.published', { day: formatDateTime(assessment.publishedAt) })}
          description={t('assessments.locked.publishedHint')}
        />
      );
    case 'superseded':
      return (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          data-testid="assessment-locked"
          title={t('assessments.locked.superseded')}
          description={
            assessment.supersededById ? (
              <Link to={`/assessments/${assessment.supersededById}`}>{t('assessments.locked.openNext')}</Link>
            ) : undefined
          }
        />
      );
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="review-note"
          title={t('assessments.returnedNote')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{assessment.reviewNote}</span>}
        />
      );
    case 'submitted':
      return <Alert type="info" showIcon title={t('assessments.waitingAppraisal')} />;
    default:
      return null;
  }
}

/** The unit, the framework and its legal basis, the period, version, status and the three totals. */
export function AssessmentHeader({ assessment }: { assessment: AssessmentDetail }) {
  const { t } = useI18n();
  const { progress } = assessment;
  const showReviewNote =
    assessment.reviewNote && (assessment.status === 'appraised' || assessment.status === 'published');

  return (
    <Card size="small">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20, overflowWrap: 'anywhere' }}>
          {t('assessments.detail.title', { unit: assessment.unit.name })}
        </Typography.Title>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <UnitKindTag kind={assessment.unit.kind} />
          <AssessmentStatusTag status={assessment.status} />
          <Typography.Text>
            {periodName(assessment.period.key, t)} ·{' '}
            {t('assessments.version', { version: assessment.version })}
          </Typography.Text>
        </div>
        <div style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{assessment.framework.name}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{assessment.framework.legalBasis}</Typography.Text>
          </div>
        </div>
        <Typography.Text strong data-testid="assessment-totals">
          <TotalsLine totals={assessment.totals} />
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {t('assessments.progress', {
              self: progress.selfScored,
              appraised: progress.appraised,
              count: progress.criteria,
            })}
          </Typography.Text>
          <Progress
            percent={progress.criteria ? Math.round((progress.selfScored / progress.criteria) * 100) : 0}
            size="small"
            aria-label={t('assessments.progressLabel')}
          />
        </div>
        {assessment.supersedesId ? (
          <Link to={`/assessments/${assessment.supersedesId}`}>{t('assessments.openPrevious')}</Link>
        ) : null}
        <StateNotice assessment={assessment} />
        {showReviewNote ? (
          <Alert
            type="info"
            showIcon
            title={t('assessments.appraisalNote')}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{assessment.reviewNote}</span>}
          />
        ) : null}
      </Space>
    </Card>
  );
}

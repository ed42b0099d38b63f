import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AssessmentSummary } from '../../api/assessments';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { periodName } from '../scores/periods';
import { AssessmentStatusTag, TotalsLine } from './assessment-format';

/** One assessment in a list: unit, status, framework, period and version, totals, progress. */
export function AssessmentListItem({ assessment }: { assessment: AssessmentSummary }) {
  const { t } = useI18n();
  const { progress } = assessment;
  return (
    <Card size="small" style={{ width: '100%' }} data-assessment-id={assessment.id}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4, overflowWrap: 'anywhere' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <Link to={`/assessments/${assessment.id}`} style={{ fontWeight: 600 }}>
            {assessment.unit.name} – {periodName(assessment.period.key, t)}
          </Link>
          <AssessmentStatusTag status={assessment.status} />
        </div>
        <Typography.Text>{assessment.framework.name}</Typography.Text>
        <Typography.Text>
          <TotalsLine totals={assessment.totals} />
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            t('assessments.version', { version: assessment.version }),
            t('assessments.progress', {
              self: progress.selfScored,
              appraised: progress.appraised,
              count: progress.criteria,
            }),
            t('assessments.updatedAt', { at: formatDateTime(assessment.updatedAt) }),
          ].join(' · ')}
        </Typography.Text>
      </div>
    </Card>
  );
}

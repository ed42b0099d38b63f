import { Alert } from 'antd';
import type { AssessmentDetail } from '../../api/assessments';
import { formatDay, todayIso } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';

/** Whether the assessment's period is still running today (submitting or publishing would be early). */
export function isEarly(assessment: AssessmentDetail): boolean {
  return todayIso() < assessment.period.to;
}

/**
 * Inside the confirmation of an early submission or publication: the period's last day and the
 * criteria whose scores are still provisional (those counting records, which keep arriving until the
 * period ends), each with the score it has now.
 */
export function EarlyWarning(props: { assessment: AssessmentDetail; step: 'submit' | 'publish' }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { assessment } = props;
  const provisional = assessment.criteria.filter((criterion) => criterion.countsRecords);
  const end = formatDay(assessment.period.to);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('flows.early.title')}
      data-testid="early-warning"
      description={
        <div>
          <div>{t(props.step === 'submit' ? 'flows.early.submit' : 'flows.early.publish', { end })}</div>
          {provisional.length ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
              {provisional.map((criterion) => {
                const score =
                  props.step === 'publish'
                    ? (criterion.reviewerScore ?? criterion.auto.score)
                    : (criterion.selfScore ?? criterion.auto.score);
                return (
                  <li key={criterion.code}>
                    {criterion.code} · {criterion.title}: {format.fraction(score, criterion.max)}
                  </li>
                );
              })}
            </ul>
          ) : (
            <div>{t('flows.early.none')}</div>
          )}
        </div>
      }
    />
  );
}

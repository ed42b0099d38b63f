import { Tag } from 'antd';
import { ASSESSMENT_STATUS_LABELS } from '../../../shared/api/assessments';
import type { AssessmentStatus, AssessmentTotals } from '../../api/assessments';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';

/**
 * How an assessment's state reads everywhere: the status as the server names it (its messages quote
 * the same words), on a colour that says whose turn it is.
 */
const STATUS_COLOURS: Record<AssessmentStatus, string> = {
  draft: 'blue',
  submitted: 'processing',
  returned: 'warning',
  appraised: 'purple',
  published: 'success',
  superseded: 'default',
};

export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="assessment-status">
      {label(ASSESSMENT_STATUS_LABELS[status])}
    </Tag>
  );
}

export function useStatusLabel(): (status: AssessmentStatus) => string {
  const { label } = useI18n();
  return (status) => label(ASSESSMENT_STATUS_LABELS[status]);
}

/**
 * "Tự động 7 · Tự chấm 18 · Thẩm định 0 / 26": the three totals side by side, so the gap between
 * what the records say, what the unit claims and what the reviewer granted is seen at a glance.
 */
export function TotalsLine({ totals }: { totals: AssessmentTotals }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const parts = [
    t('assessments.totals.auto', { score: totals.auto === null ? '–' : format.points(totals.auto) }),
    t('assessments.totals.self', { score: format.points(totals.self) }),
    t('assessments.totals.appraised', { score: format.points(totals.appraised) }),
  ];
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {parts.join(' · ')} {t('assessments.totals.max', { max: format.points(totals.max) })}
    </span>
  );
}

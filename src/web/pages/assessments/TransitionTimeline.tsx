import { Card, Timeline, Typography } from 'antd';
import type { AssessmentStatus, AssessmentTransition } from '../../api/assessments';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';
import { AssessmentStatusTag } from './assessment-format';

const STEP_KEYS: Partial<Record<AssessmentStatus, MessageKey>> = {
  draft: 'assessments.history.created',
  submitted: 'assessments.history.submitted',
  returned: 'assessments.history.returned',
  appraised: 'assessments.history.appraised',
  published: 'assessments.history.published',
  superseded: 'assessments.history.superseded',
};

const STEP_COLOURS: Record<AssessmentStatus, string> = {
  draft: 'blue',
  submitted: 'blue',
  returned: 'orange',
  appraised: 'purple',
  published: 'green',
  superseded: 'gray',
};

/** Who moved the assessment on, when, and what they wrote: every step since it was created. */
export function TransitionTimeline({ transitions }: { transitions: readonly AssessmentTransition[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('assessments.history.title')}>
      <Timeline
        items={transitions.map((transition, index) => ({
          // Steps have no id; their order is the history's.
          key: `${index}-${transition.at}`,
          color: STEP_COLOURS[transition.toStatus],
          // Everything in the content: a title column would halve a phone's width.
          content: (
            <div data-testid="assessment-transition" style={{ overflowWrap: 'anywhere' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                <Typography.Text strong>
                  {t(STEP_KEYS[transition.toStatus] ?? 'assessments.history.created')}
                </Typography.Text>
                <AssessmentStatusTag status={transition.toStatus} />
              </div>
              <Typography.Text type="secondary">
                {[formatDateTime(transition.at), transition.actorName].filter(Boolean).join(' · ')}
              </Typography.Text>
              {transition.note ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {transition.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

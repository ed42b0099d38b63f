import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { type AssessmentDetail, useAssessmentReady } from '../../api/assessments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The officer's last step: once every criterion has a self score, the next step is said in words and
 * one tap tells the unit head (who submits) in the app. Shown to those who fill the assessment but
 * do not submit it.
 */
export function ReadyCard({ assessment }: { assessment: AssessmentDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const ready = useAssessmentReady(assessment.id);
  const canFill = assessment.actions.includes('edit') && !assessment.actions.includes('submit');
  const count = assessment.criteria.length;
  const finished = count > 0 && assessment.criteria.every((criterion) => criterion.selfScore !== null);
  if (!canFill || !finished) return null;
  const notified = ready.data?.notified;

  return (
    <Card size="small" data-testid="ready-card">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('flows.ready.hint', { count })}
      </Typography.Paragraph>
      {ready.error ? <ErrorAlert error={ready.error} /> : null}
      {notified === undefined ? (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          loading={ready.isPending}
          onClick={() =>
            ready.mutate(undefined, {
              onSuccess: (answer) =>
                void message.success(
                  answer.notified > 0
                    ? t('flows.ready.done', { count: answer.notified })
                    : t('flows.ready.noHead'),
                ),
            })
          }
        >
          {t('flows.ready.button')}
        </Button>
      ) : (
        <Alert
          type={notified > 0 ? 'success' : 'warning'}
          showIcon
          title={notified > 0 ? t('flows.ready.done', { count: notified }) : t('flows.ready.noHead')}
          data-testid="ready-done"
        />
      )}
    </Card>
  );
}

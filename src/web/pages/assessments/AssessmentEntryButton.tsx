import { AuditOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCreateAssessment, useUnitAssessments } from '../../api/assessments';
import { useUnitActions } from '../../api/evidence';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { existingAssessmentId } from './CreateAssessmentModal';

/**
 * The way from a unit's live scores to its assessment for the same framework and period: "Mở bản
 * đánh giá" when one exists, "Tự đánh giá" (which starts it) when the user may prepare one, nothing
 * otherwise. Meant for the unit scores page, beside the framework and period choices.
 */
export function AssessmentEntryButton(props: { unitId: string; framework: string; period: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const assessments = useUnitAssessments(props.unitId);
  const actions = useUnitActions(props.unitId);
  const create = useCreateAssessment();
  const current = (assessments.data?.items ?? []).find(
    (item) =>
      item.framework.code === props.framework &&
      item.period.key === props.period &&
      item.status !== 'superseded',
  );

  if (current)
    return (
      <Button icon={<AuditOutlined />} onClick={() => void navigate(`/assessments/${current.id}`)}>
        {t('assessments.entry.open')}
      </Button>
    );
  if (!assessments.data || !actions.includes('assessment.prepare')) return null;
  return (
    <Button
      type="primary"
      icon={<AuditOutlined />}
      loading={create.isPending}
      onClick={() =>
        create.mutate(
          { unitId: props.unitId, body: { framework: props.framework, period: props.period } },
          {
            onSuccess: (created) => void navigate(`/assessments/${created.id}`),
            onError: (error) => {
              const existing = existingAssessmentId(error);
              if (existing) void navigate(`/assessments/${existing}`);
              else void message.error(errorText(error));
            },
          },
        )
      }
    >
      {t('assessments.entry.start')}
    </Button>
  );
}

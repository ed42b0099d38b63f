import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ErrorDetail } from '../../../shared/errors';
import { useCreateAssessment } from '../../api/assessments';
import { isApiError } from '../../api/client';
import { type FrameworkVersion, useFrameworks } from '../../api/scoring';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { RecordUnitField } from '../../components/RecordUnitField';
import { todayIso } from '../../format/dates';
import { useRecordScope } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';
import { DEFAULT_FRAMEWORK, offeredPeriods, periodName } from '../scores/periods';

interface CreateValues {
  unitId: string | null;
  framework: string;
  period: string;
}

/** One entry per framework code, named by its newest version. */
function distinctFrameworks(versions: readonly FrameworkVersion[]): FrameworkVersion[] {
  const byCode = new Map<string, FrameworkVersion>();
  for (const version of versions) {
    const known = byCode.get(version.code);
    if (!known || version.validFrom > known.validFrom) byCode.set(version.code, version);
  }
  return [...byCode.values()];
}

/**
 * The id of the assessment the unit already has for this framework and period: the server names it
 * when it refuses a second one.
 */
export function existingAssessmentId(error: unknown): string | null {
  if (!isApiError(error, 'CONFLICT')) return null;
  return error.details.find((detail) => detail.field === 'assessmentId')?.message ?? null;
}

/**
 * Starts a unit's self-assessment for a framework and a period (it opens on the automatic scores).
 * The unit comes from the user's grants; when the unit already has one, that one is opened instead.
 */
export function CreateAssessmentModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scope = useRecordScope();
  const frameworks = useFrameworks();
  const create = useCreateAssessment();
  const [form] = Form.useForm<CreateValues>();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const all = frameworks.data ?? [];
  const chosenCode = Form.useWatch('framework', form) ?? DEFAULT_FRAMEWORK;
  const periodsOf = (code: string) => {
    const versions = all.filter((version) => version.code === code);
    return offeredPeriods(versions[0]?.periodKind ?? 'year', versions, todayIso());
  };
  const periods = periodsOf(chosenCode);
  const frameworkOptions = all.length
    ? distinctFrameworks(all).map((version) => ({ value: version.code, label: version.name }))
    : [{ value: DEFAULT_FRAMEWORK, label: DEFAULT_FRAMEWORK }];

  const submit = (values: CreateValues) => {
    const unitId = values.unitId ?? scope.grantUnits[0]?.id;
    if (!unitId) return;
    create.mutate(
      { unitId, body: { framework: values.framework, period: values.period } },
      {
        onSuccess: (created) => {
          props.onClose();
          void navigate(`/assessments/${created.id}`);
        },
        onError: (error) => {
          const existing = existingAssessmentId(error);
          if (existing) {
            void message.info(t('assessments.create.exists'));
            props.onClose();
            void navigate(`/assessments/${existing}`);
            return;
          }
          setUnplaced(applyFieldErrors(form, error, ['framework', 'period']));
        },
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('assessments.create.title')}
      okText={t('assessments.create.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessments.create.hint')}</Typography.Paragraph>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        className="compact-form"
        initialValues={{
          unitId: scope.grantUnits[0]?.id ?? null,
          framework: DEFAULT_FRAMEWORK,
          period: periods[0],
        }}
        onFinish={submit}
      >
        {scope.isSingleUnit ? (
          <Form.Item label={t('assessments.unit')}>
            <Typography.Text strong>{scope.grantUnits[0]?.name}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="unitId"
            label={t('assessments.unit')}
            rules={[{ required: true, message: t('assessments.create.unitRequired') }]}
          >
            <RecordUnitField scope={scope} aria-label={t('assessments.unit')} />
          </Form.Item>
        )}
        <Form.Item name="framework" label={t('scoring.framework')} rules={[{ required: true }]}>
          <Select
            options={frameworkOptions}
            loading={frameworks.isLoading}
            optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
            onChange={(code: string) => form.setFieldValue('period', periodsOf(code)[0])}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('scoring.period')}
          rules={[{ required: true, message: t('assessments.create.periodRequired') }]}
        >
          <Select options={periods.map((key) => ({ value: key, label: periodName(key, t) }))} />
        </Form.Item>
        <FormErrorAlert error={create.error} unplaced={unplaced} />
      </Form>
    </Modal>
  );
}

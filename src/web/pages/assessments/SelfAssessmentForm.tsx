import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type AssessmentCriterion, type AssessmentDetail, useUpdateCriterion } from '../../api/assessments';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';
import { CriterionInputField } from './CriterionInputField';
import { applyCriterionErrors } from './criterion-errors';

type InputValue = number | boolean | string | null | undefined;

interface SelfValues {
  selfScore: number | null;
  selfExplanation: string;
  inputs: Record<string, InputValue>;
}

function valuesOf(criterion: AssessmentCriterion): SelfValues {
  return {
    selfScore: criterion.selfScore,
    selfExplanation: criterion.selfExplanation ?? '',
    inputs: Object.fromEntries(criterion.inputSpecs.map((spec) => [spec.key, criterion.inputs[spec.key]])),
  };
}

/**
 * The unit's part of a criterion: the declared inputs, the self score (the automatic one a tap away)
 * and the explanation. Saved by its own button, never as the user types: officers fill this on
 * phones over slow connections, and one request per criterion is what they can afford.
 */
export function SelfAssessmentForm(props: { assessmentId: string; criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const format = useScoreFormat();
  const { criterion } = props;
  const [form] = Form.useForm<SelfValues>();
  const update = useUpdateCriterion(props.assessmentId);
  const [isDirty, setDirty] = useState(false);
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const fields = [
    'selfScore',
    'selfExplanation',
    ...criterion.inputSpecs.map((spec) => ['inputs', spec.key]),
  ];
  const autoScore = criterion.auto.score;

  const save = (values: SelfValues) => {
    const inputs = Object.fromEntries(
      criterion.inputSpecs.map((spec) => [spec.key, values.inputs?.[spec.key] ?? null]),
    );
    update.mutate(
      {
        code: criterion.code,
        body: {
          selfScore: values.selfScore ?? null,
          selfExplanation: values.selfExplanation?.trim() || null,
          ...(criterion.inputSpecs.length ? { inputs } : {}),
        },
      },
      {
        onSuccess: (answer: AssessmentDetail) => {
          const saved = answer.criteria.find((item) => item.code === criterion.code);
          if (saved) form.setFieldsValue(valuesOf(saved));
          setDirty(false);
          setUnplaced([]);
          void message.success(t('assessments.criterion.saved', { code: criterion.code }));
        },
        onError: (error) => setUnplaced(applyCriterionErrors(form, error, fields)),
      },
    );
  };

  return (
    <Form<SelfValues>
      form={form}
      // Unique per card: field ids (and so the labels' targets) must not repeat on the page.
      name={`self-${criterion.code}`}
      layout="vertical"
      className="compact-form"
      initialValues={valuesOf(criterion)}
      onValuesChange={() => setDirty(true)}
      onFinish={save}
    >
      {criterion.inputSpecs.map((spec) => (
        <CriterionInputField key={spec.key} spec={spec} disabled={update.isPending} />
      ))}
      <Form.Item label={t('assessments.criterion.selfScore', { max: format.points(criterion.max) })} required>
        <Space wrap size={8} style={{ width: '100%' }}>
          <Form.Item name="selfScore" noStyle>
            <InputNumber
              min={0}
              max={criterion.max}
              step={1}
              inputMode="decimal"
              aria-label={t('assessments.criterion.selfScoreLabel')}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Button
            icon={<ThunderboltOutlined />}
            disabled={autoScore === null}
            onClick={() => {
              form.setFieldValue('selfScore', autoScore);
              setDirty(true);
            }}
          >
            {t('assessments.criterion.useAuto')}
          </Button>
        </Space>
      </Form.Item>
      <Form.Item name="selfExplanation" label={t('assessments.criterion.selfExplanation')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          placeholder={t('assessments.criterion.selfExplanationPlaceholder')}
        />
      </Form.Item>
      <FormErrorAlert error={update.error} unplaced={unplaced} />
      <Space wrap align="center">
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('assessments.criterion.save', { code: criterion.code })}
        </Button>
        {isDirty ? (
          <Typography.Text type="warning">{t('assessments.criterion.unsaved')}</Typography.Text>
        ) : null}
      </Space>
    </Form>
  );
}

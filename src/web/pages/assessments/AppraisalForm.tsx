import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type AssessmentCriterion, type AssessmentDetail, useAppraiseCriterion } from '../../api/assessments';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';
import { applyCriterionErrors } from './criterion-errors';

interface AppraisalValues {
  reviewerScore: number | null;
  reviewerComment: string;
}

const FIELDS = ['reviewerScore', 'reviewerComment'];

/** The reviewer's score and comment on one criterion, saved by its own button like the unit's part. */
export function AppraisalForm(props: { assessmentId: string; criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const format = useScoreFormat();
  const { criterion } = props;
  const [form] = Form.useForm<AppraisalValues>();
  const appraise = useAppraiseCriterion(props.assessmentId);
  const [isDirty, setDirty] = useState(false);
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const save = (values: AppraisalValues) =>
    appraise.mutate(
      {
        code: criterion.code,
        body: {
          reviewerScore: values.reviewerScore ?? null,
          reviewerComment: values.reviewerComment?.trim() || null,
        },
      },
      {
        onSuccess: (answer: AssessmentDetail) => {
          const saved = answer.criteria.find((item) => item.code === criterion.code);
          if (saved)
            form.setFieldsValue({
              reviewerScore: saved.reviewerScore,
              reviewerComment: saved.reviewerComment ?? '',
            });
          setDirty(false);
          setUnplaced([]);
          void message.success(t('assessments.appraisal.saved', { code: criterion.code }));
        },
        onError: (error) => setUnplaced(applyCriterionErrors(form, error, FIELDS)),
      },
    );

  return (
    <Form<AppraisalValues>
      form={form}
      // Unique per card: field ids (and so the labels' targets) must not repeat on the page.
      name={`appraisal-${criterion.code}`}
      layout="vertical"
      className="compact-form"
      initialValues={{
        reviewerScore: criterion.reviewerScore,
        reviewerComment: criterion.reviewerComment ?? '',
      }}
      onValuesChange={() => setDirty(true)}
      onFinish={save}
    >
      <Form.Item label={t('assessments.appraisal.score', { max: format.points(criterion.max) })} required>
        <Space wrap size={8}>
          <Form.Item name="reviewerScore" noStyle>
            <InputNumber
              min={0}
              max={criterion.max}
              step={1}
              inputMode="decimal"
              aria-label={t('assessments.appraisal.scoreLabel')}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Button
            icon={<CopyOutlined />}
            disabled={criterion.selfScore === null}
            onClick={() => {
              form.setFieldValue('reviewerScore', criterion.selfScore);
              setDirty(true);
            }}
          >
            {t('assessments.appraisal.useSelf')}
          </Button>
        </Space>
      </Form.Item>
      <Form.Item name="reviewerComment" label={t('assessments.appraisal.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <FormErrorAlert error={appraise.error} unplaced={unplaced} />
      <Space wrap align="center">
        <Button type="primary" htmlType="submit" loading={appraise.isPending}>
          {t('assessments.appraisal.save', { code: criterion.code })}
        </Button>
        {isDirty ? (
          <Typography.Text type="warning">{t('assessments.criterion.unsaved')}</Typography.Text>
        ) : null}
      </Space>
    </Form>
  );
}

import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import type { AssessmentCriterion, AssessmentReturnInput } from '../../api/assessments';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';

interface ReturnValues {
  note: string;
  /** By criterion code; empty ones are not sent. */
  requests?: Record<string, string | undefined>;
}

/**
 * Sends the assessment back to the unit: why (required), and what to fix on each criterion that
 * needs it; the unit sees each request on its criterion's card.
 */
export function ReturnModal(props: {
  open: boolean;
  criteria: readonly AssessmentCriterion[];
  loading: boolean;
  error: unknown;
  onReturn: (body: AssessmentReturnInput, onFailure: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReturnValues>();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const send = (values: ReturnValues) => {
    const requests = props.criteria
      .map((criterion) => ({
        code: criterion.code,
        request: values.requests?.[criterion.code]?.trim() ?? '',
      }))
      .filter((entry) => entry.request !== '');
    props.onReturn({ note: values.note.trim(), requests }, (error) =>
      setUnplaced(applyFieldErrors(form, error, ['note'])),
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('assessments.return.title')}
      okText={t('assessments.action.return')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.loading, danger: true }}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessments.return.hint')}</Typography.Paragraph>
      <Form<ReturnValues> form={form} layout="vertical" className="compact-form" onFinish={send}>
        <Form.Item
          name="note"
          label={t('assessments.return.note')}
          rules={[{ required: true, whitespace: true, message: t('assessments.return.noteRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        {props.criteria.map((criterion) => (
          <Form.Item
            key={criterion.code}
            name={['requests', criterion.code]}
            label={
              <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {t('assessments.return.request', { code: criterion.code })}
              </span>
            }
            tooltip={criterion.title}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        ))}
        <FormErrorAlert error={props.error} unplaced={unplaced} />
      </Form>
    </Modal>
  );
}

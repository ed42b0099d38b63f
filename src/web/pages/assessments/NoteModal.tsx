import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Confirms a step of the workflow, with a note kept in the history: optional for submitting,
 * appraising and publishing, required as the reason for a new version.
 */
export function NoteModal(props: {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  noteLabel: string;
  noteRequired?: string;
  loading: boolean;
  danger?: boolean;
  /** Shown above the note: what the user should know before confirming (a period not ended). */
  warning?: ReactNode;
  onOk: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.loading, danger: props.danger }}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.description}</Typography.Paragraph>
      {props.warning}
      <Form form={form} layout="vertical" onFinish={(values) => props.onOk(values.note?.trim() ?? '')}>
        <Form.Item
          name="note"
          label={props.noteLabel}
          rules={
            props.noteRequired ? [{ required: true, whitespace: true, message: props.noteRequired }] : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

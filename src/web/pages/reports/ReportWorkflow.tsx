import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ReportDetail, type ReportStep, useReportStep } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** The steps the server allows the user now, each confirmed; returning and new versions ask for a reason. */
export function ReportWorkflow({ report, isDirty }: { report: ReportDetail; isDirty?: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const step = useReportStep(report.id);
  const [asking, setAsking] = useState<'return' | 'versions' | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const actions = new Set(report.actions);

  const run = (which: ReportStep, body?: Record<string, string>) =>
    step.mutate(
      { step: which, ...(body ? { body } : {}) },
      {
        onSuccess: (answer) => {
          if (which === 'ready')
            void message.success(
              answer.notified
                ? t('reports.page.readyDone', { count: answer.notified })
                : t('reports.page.readyNoHead'),
            );
          if (which === 'submit') void message.success(t('reports.page.submitted'));
          if (which === 'versions') void navigate(`/reports/${answer.report.id}`);
          setAsking(null);
        },
      },
    );

  const confirm = (which: ReportStep, content: string) =>
    modal.confirm({
      title: content,
      okText: t('reports.page.ok'),
      cancelText: t('reports.page.cancel'),
      onOk: () => run(which),
    });

  const handleAsk = async () => {
    const { text } = await form.validateFields();
    if (asking === 'return') run('return', { note: text });
    if (asking === 'versions') run('versions', { reason: text });
  };

  const recipients = report.recipients.split('\n').filter(Boolean).join('; ') || report.period.typeName;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {actions.has('ready') ? (
          <Button
            onClick={() => run('ready')}
            loading={step.isPending}
            disabled={isDirty}
            data-testid="report-ready"
          >
            {t('reports.page.ready')}
          </Button>
        ) : null}
        {actions.has('approve') ? (
          <Button
            type="primary"
            onClick={() => confirm('approve', t('reports.page.approveConfirm'))}
            data-testid="report-approve"
          >
            {t('reports.page.approve')}
          </Button>
        ) : null}
        {actions.has('submit') ? (
          <Button
            type="primary"
            onClick={() => confirm('submit', t('reports.page.submitConfirm', { recipients }))}
            data-testid="report-submit"
          >
            {t('reports.page.submit')}
          </Button>
        ) : null}
        {actions.has('return') ? (
          <Button danger onClick={() => setAsking('return')} data-testid="report-return">
            {t('reports.page.return')}
          </Button>
        ) : null}
        {actions.has('new_version') ? (
          <Button onClick={() => setAsking('versions')} data-testid="report-new-version">
            {t('reports.page.newVersion')}
          </Button>
        ) : null}
      </Space>
      {isDirty && actions.has('ready') ? (
        <Typography.Text type="warning">{t('reports.page.saveFirst')}</Typography.Text>
      ) : null}
      <ErrorAlert error={step.error} />
      <Modal
        open={asking !== null}
        title={asking === 'return' ? t('reports.page.return') : t('reports.page.newVersion')}
        onOk={() => void handleAsk()}
        onCancel={() => setAsking(null)}
        confirmLoading={step.isPending}
        okText={t('reports.page.ok')}
        cancelText={t('reports.page.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="text"
            label={asking === 'return' ? t('reports.page.returnNote') : t('reports.page.newVersionReason')}
            rules={[
              { required: true, whitespace: true, message: t('reports.form.required', { field: '' }).trim() },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { REPORT_KINDS, type ReportDueRule, type ReportKind } from '../../../shared/api/report-contract';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../shared/units';
import { type ReportType, useDefineReportType, useUpdateReportType } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useKindLabel } from './report-format';

interface FormValues {
  kind: ReportKind;
  name: string;
  dueDay?: number;
  dueMonth?: number;
  daysBefore?: number;
  submitterKinds: string[];
  recipients: string;
  remindDaysBefore: number[];
  isActive: boolean;
}

const DEFAULTS: Record<ReportKind, ReportDueRule> = {
  semiannual: { kind: 'yearly', month: 6, day: 5 },
  annual: { kind: 'yearly', month: 12, day: 5 },
  monthly_schedule: { kind: 'before_month', daysBefore: 1 },
  ad_hoc: { kind: 'fixed' },
};

function ruleFields(rule: ReportDueRule): Partial<FormValues> {
  if (rule.kind === 'yearly') return { dueDay: rule.day, dueMonth: rule.month };
  if (rule.kind === 'before_month') return { daysBefore: rule.daysBefore };
  return {};
}

function ruleOf(values: FormValues): ReportDueRule {
  if (values.kind === 'semiannual' || values.kind === 'annual')
    return { kind: 'yearly', day: values.dueDay ?? 5, month: values.dueMonth ?? 12 };
  if (values.kind === 'monthly_schedule') return { kind: 'before_month', daysBefore: values.daysBefore ?? 1 };
  return { kind: 'fixed' };
}

/** Defines a report type, or edits one: the due day follows the kind (a day of the year, days before the month). */
export function ReportTypeModal(props: {
  unitId: string;
  type: ReportType | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const kindLabel = useKindLabel();
  const [form] = Form.useForm<FormValues>();
  const define = useDefineReportType(props.unitId);
  const update = useUpdateReportType();
  const kind = Form.useWatch('kind', form) ?? props.type?.kind ?? 'annual';
  const mutation = props.type ? update : define;

  useEffect(() => {
    if (!props.open) return;
    const type = props.type;
    form.resetFields();
    form.setFieldsValue(
      type
        ? {
            kind: type.kind,
            name: type.name,
            ...ruleFields(type.dueRule),
            submitterKinds: type.submitterKinds,
            recipients: type.recipients,
            remindDaysBefore: type.remindDaysBefore,
            isActive: type.isActive,
          }
        : {
            kind: 'annual',
            name: '',
            ...ruleFields(DEFAULTS.annual),
            submitterKinds: ['commune', 'ward', 'special_zone'],
            recipients: '',
            remindDaysBefore: [7, 3, 1],
            isActive: true,
          },
    );
  }, [props.open, props.type, form]);

  const handleKindChange = (next: ReportKind) => form.setFieldsValue(ruleFields(DEFAULTS[next]));

  const handleSave = async () => {
    const values = await form.validateFields();
    const common = {
      name: values.name,
      dueRule: ruleOf(values),
      submitterKinds: values.submitterKinds as ReportType['submitterKinds'] as never,
      recipients: values.recipients ?? '',
      remindDaysBefore: values.remindDaysBefore ?? [],
    };
    const onSuccess = () => {
      void message.success(t('reports.form.saved'));
      props.onClose();
    };
    if (props.type)
      update.mutate({ id: props.type.id, body: { ...common, isActive: values.isActive } }, { onSuccess });
    else define.mutate({ ...common, kind: values.kind }, { onSuccess });
  };

  const required = (field: string) => [{ required: true, message: t('reports.form.required', { field }) }];
  return (
    <Modal
      open={props.open}
      title={t(props.type ? 'reports.form.editTitle' : 'reports.form.createTitle')}
      okText={t('reports.form.save')}
      cancelText={t('reports.form.cancel')}
      onOk={() => void handleSave()}
      onCancel={props.onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} layout="vertical" name="report-type">
        <Form.Item name="kind" label={t('reports.form.kind')} rules={required(t('reports.form.kind'))}>
          <Select
            disabled={Boolean(props.type)}
            onChange={handleKindChange}
            options={REPORT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('reports.form.name')} rules={required(t('reports.form.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'semiannual' || kind === 'annual' ? (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item
              name="dueDay"
              label={t('reports.form.dueDay')}
              rules={required(t('reports.form.dueDay'))}
            >
              <InputNumber min={1} max={31} />
            </Form.Item>
            <Form.Item
              name="dueMonth"
              label={t('reports.form.dueMonth')}
              rules={required(t('reports.form.dueMonth'))}
            >
              <InputNumber min={1} max={12} />
            </Form.Item>
          </div>
        ) : null}
        {kind === 'monthly_schedule' ? (
          <Form.Item
            name="daysBefore"
            label={t('reports.form.daysBefore')}
            rules={required(t('reports.form.daysBefore'))}
          >
            <InputNumber min={0} max={60} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="submitterKinds"
          label={t('reports.form.submitters')}
          rules={required(t('reports.form.submitters'))}
        >
          <Select
            mode="multiple"
            options={UNIT_KINDS.map((value) => ({ value, label: label(UNIT_KIND_LABELS[value]) }))}
          />
        </Form.Item>
        <Form.Item name="recipients" label={t('reports.form.recipients')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="remindDaysBefore" label={t('reports.form.remind')}>
          <Select
            mode="multiple"
            options={[30, 14, 10, 7, 5, 3, 2, 1, 0].map((value) => ({ value, label: String(value) }))}
          />
        </Form.Item>
        {props.type ? (
          <Form.Item name="isActive" label={t('reports.form.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { foldForSearch } from '../../../shared/text';
import {
  type PeriodSubmissions,
  useMovePeriodDue,
  useOpenReport,
  usePeriodSubmissions,
} from '../../api/reports';
import { DayPicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDay, parseIsoDay, toIsoDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { DueLine, OnTimeRule, StateTag, StatusTag } from './report-format';
import { SummaryTags } from './SummaryTags';

type Filter = 'all' | 'on_time' | 'late' | 'missing';

/** One period (/reports/periods/:periodId): its completeness and every expected unit with its state. */
export function PeriodPage() {
  const { periodId = '' } = useParams();
  const { t } = useI18n();
  const submissions = usePeriodSubmissions(periodId);
  const [filter, setFilter] = useState<Filter>('all');
  const [moving, setMoving] = useState(false);
  const [search, setSearch] = useState('');
  const isDesktop = useIsDesktop();

  if (submissions.isLoading) return <PageSpinner />;
  if (submissions.error || !submissions.data)
    return <ErrorAlert error={submissions.error} onRetry={() => void submissions.refetch()} />;
  const { period, items } = submissions.data;
  const needle = foldForSearch(search.trim());
  const shown = items.filter(
    (item) =>
      (filter === 'all' || item.state === filter) && (!needle || foldForSearch(item.name).includes(needle)),
  );
  const count = (state: Filter) =>
    state === 'all' ? items.length : items.filter((item) => item.state === state).length;

  const filterOptions: Array<{ value: Filter; label: string }> = [
    { value: 'all', label: t('reports.periodPage.all', { count: count('all') }) },
    { value: 'on_time', label: `${t('reports.state.on_time')} (${count('on_time')})` },
    { value: 'late', label: `${t('reports.state.late')} (${count('late')})` },
    { value: 'missing', label: `${t('reports.state.missing')} (${count('missing')})` },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {period.typeName} — {period.label}
          </Typography.Title>
          <DueLine dueOn={period.dueOn} from={period.periodFrom} to={period.periodTo} />
          <OnTimeRule />
          <SummaryTags summary={period.summary} />
          <OwnerReportAction periodId={periodId} owner={submissions.data.ownerReport} />
          {submissions.data.canMoveDue ? (
            <Button size="small" onClick={() => setMoving(true)}>
              {t('reports.periodPage.moveDue')}
            </Button>
          ) : null}
        </Space>
      </Card>
      <Card size="small" title={t('reports.periodPage.title')}>
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          {isDesktop ? (
            <Segmented<Filter>
              block
              value={filter}
              onChange={setFilter}
              aria-label={t('reports.periodPage.filter')}
              options={filterOptions}
            />
          ) : (
            <Select<Filter>
              value={filter}
              onChange={setFilter}
              aria-label={t('reports.periodPage.filter')}
              options={filterOptions}
              style={{ width: '100%' }}
            />
          )}
          <Input.Search
            allowClear
            placeholder={t('reports.periodPage.search')}
            aria-label={t('reports.periodPage.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </Space>
        <List
          dataSource={shown}
          locale={{ emptyText: <Empty description={t('reports.periodPage.noUnits')} /> }}
          data-testid="period-units"
          renderItem={(unit) => (
            <List.Item data-testid="period-unit">
              <List.Item.Meta
                title={unit.reportId ? <Link to={`/reports/${unit.reportId}`}>{unit.name}</Link> : unit.name}
                description={
                  <Space size={[4, 4]} wrap>
                    {unit.parentName ? (
                      <Typography.Text type="secondary">{unit.parentName}</Typography.Text>
                    ) : null}
                    <StateTag state={unit.state} isOverdue={unit.isOverdue} />
                    <StatusTag status={unit.reportStatus} />
                    {unit.firstSubmittedOn ? (
                      <Typography.Text type="secondary">
                        {t('reports.periodPage.firstSubmitted', { day: formatDay(unit.firstSubmittedOn) })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <MoveDueModal periodId={periodId} dueOn={period.dueOn} open={moving} onClose={() => setMoving(false)} />
    </Space>
  );
}

function MoveDueModal(props: { periodId: string; dueOn: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const move = useMovePeriodDue(props.periodId);
  const [form] = Form.useForm<{ dueOn: ReturnType<typeof parseIsoDay>; reason: string }>();
  const handleOk = async () => {
    const values = await form.validateFields();
    if (!values.dueOn) return;
    move.mutate(
      { dueOn: toIsoDay(values.dueOn), reason: values.reason },
      {
        onSuccess: () => {
          void message.success(t('reports.periodPage.moved'));
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={props.open}
      title={t('reports.periodPage.moveDue')}
      onOk={() => void handleOk()}
      onCancel={props.onClose}
      confirmLoading={move.isPending}
      okText={t('reports.form.save')}
      cancelText={t('reports.form.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={move.error} />
      <Form form={form} layout="vertical" initialValues={{ dueOn: parseIsoDay(props.dueOn), reason: '' }}>
        <Form.Item
          name="dueOn"
          label={t('reports.periodPage.newDue')}
          rules={[
            {
              required: true,
              message: t('reports.form.required', { field: t('reports.periodPage.newDue') }),
            },
          ]}
        >
          <DayPicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('reports.periodPage.reason')}
          rules={[
            {
              required: true,
              message: t('reports.form.required', { field: t('reports.periodPage.reason') }),
            },
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The aggregated report of the unit that owns the type (the province office's own report, which
 * rolls up its units'): a link when it exists, else a button to start it for those who may.
 */
function OwnerReportAction(props: { periodId: string; owner: PeriodSubmissions['ownerReport'] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const open = useOpenReport();
  const { owner } = props;
  const label =
    owner.unitKind === 'province'
      ? t('cycle.ownerReport.province')
      : t('cycle.ownerReport.unit', { unit: owner.unitName });
  if (!owner.reportId && !owner.canPrepare) return null;
  const handleClick = () => {
    if (owner.reportId) {
      void navigate(`/reports/${owner.reportId}`);
      return;
    }
    open.mutate(
      { periodId: props.periodId, unitId: owner.unitId },
      {
        onSuccess: (report) => navigate(`/reports/${report.id}`),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };
  return (
    <Space direction="vertical" size={2}>
      <Button type="primary" loading={open.isPending} onClick={handleClick} data-testid="owner-report">
        {label}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('cycle.ownerReport.hint', { unit: owner.unitName })}
      </Typography.Text>
    </Space>
  );
}

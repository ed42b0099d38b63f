import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ASSESSMENT_STATUSES } from '../../../shared/api/assessments';
import { type AssessmentStatus, useAssessments, useBulkPublish } from '../../api/assessments';
import { useMe } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useFrameworks } from '../../api/scoring';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitKindTag } from '../../components/UnitTags';
import { todayIso } from '../../format/dates';
import { canRecord } from '../../hooks/use-record-units';
import { useSearchParam } from '../../hooks/use-search-param';
import { useI18n } from '../../i18n/I18nProvider';
import { offeredPeriods, periodName } from '../scores/periods';
import { AssessmentListItem } from './AssessmentListItem';
import { useStatusLabel } from './assessment-format';
import { CreateAssessmentModal } from './CreateAssessmentModal';

const PAGE_SIZE = 20;
/** The status filter's value for "every status", kept in the address like the others. */
const ALL = 'all';

/**
 * What the user is first shown: a DX office the appraised assessments waiting to be published, a
 * reviewer those submitted and waiting to be appraised, a unit's people all of their unit's.
 */
function defaultStatus(me: Me | null | undefined): AssessmentStatus | undefined {
  const roles = new Set((me?.grants ?? []).map((grant) => grant.role));
  if (roles.has('system_admin')) return undefined;
  if (roles.has('dx_office')) return 'appraised';
  if (roles.has('reviewer')) return 'submitted';
  return undefined;
}

/**
 * The assessments (/assessments): a unit's people see their unit's, per framework and period, and
 * start new ones; reviewers and the DX office see the queue of those waiting for them.
 */
export function AssessmentsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const statusLabel = useStatusLabel();
  const frameworks = useFrameworks();
  const [statusParam, setStatusParam] = useSearchParam('status');
  const [framework, setFramework] = useSearchParam('framework');
  const [period, setPeriod] = useSearchParam('period');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const bulk = useBulkPublish();
  const { message } = App.useApp();
  const [isCreating, setCreating] = useState(false);
  const status =
    statusParam === ALL
      ? undefined
      : (ASSESSMENT_STATUSES as readonly string[]).includes(statusParam ?? '')
        ? (statusParam as AssessmentStatus)
        : defaultStatus(me);
  const list = useAssessments({
    status,
    framework,
    period: framework ? period : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const versions = (frameworks.data ?? []).filter((item) => item.code === framework);
  const periodOptions = framework
    ? offeredPeriods(versions[0]?.periodKind ?? 'year', versions, todayIso()).map((key) => ({
        value: key,
        label: periodName(key, t),
      }))
    : [];
  const publishable = (list.data?.items ?? []).filter((item) => item.actions.includes('publish'));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((item) => item !== id)));
  const publishSelected = () =>
    Modal.confirm({
      title: t('flows.bulk.confirmTitle', { count: selected.length }),
      content: (() => {
        const running = publishable.filter(
          (item) => selected.includes(item.id) && todayIso() < item.period.to,
        );
        return (
          <div>
            <p>{t('flows.bulk.confirm')}</p>
            {running.length ? (
              <Typography.Text type="warning" data-testid="bulk-early">
                {t('flows.bulk.early', {
                  items: running
                    .map((item) => `${item.unit.name} (${periodName(item.period.key, t)})`)
                    .join(', '),
                })}
              </Typography.Text>
            ) : null}
          </div>
        );
      })(),
      okText: t('flows.bulk.publish', { count: selected.length }),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk
          .mutateAsync({ assessmentIds: selected })
          .then((answer) => {
            setSelected([]);
            void message.success(t('flows.bulk.done', { count: answer.published.length }));
          })
          .catch(() => undefined),
    });
  const frameworkOptions = [...new Map((frameworks.data ?? []).map((item) => [item.code, item.name]))].map(
    ([value, label]) => ({ value, label }),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20, flex: 1, minWidth: 200 }}>
          {t('assessments.title')}
        </Typography.Title>
        {canRecord(me) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('assessments.create.open')}
          </Button>
        ) : null}
      </div>
      <Typography.Text type="secondary">{t('assessments.intro')}</Typography.Text>
      <Card size="small">
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}
        >
          <Select<string>
            aria-label={t('assessments.filter.status')}
            value={status ?? ALL}
            onChange={(value) => {
              setPage(1);
              setStatusParam(value);
            }}
            options={[
              { value: ALL, label: t('assessments.filter.allStatuses') },
              ...ASSESSMENT_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
            ]}
          />
          <Select<string>
            aria-label={t('scoring.framework')}
            value={framework}
            allowClear
            placeholder={t('assessments.filter.allFrameworks')}
            onChange={(value) => {
              setPage(1);
              setFramework(value);
            }}
            options={frameworkOptions}
            popupMatchSelectWidth={false}
          />
          {framework ? (
            <Select<string>
              aria-label={t('flows.period')}
              value={period}
              allowClear
              placeholder={t('flows.allPeriods')}
              onChange={(value) => {
                setPage(1);
                setPeriod(value);
              }}
              options={periodOptions}
            />
          ) : null}
        </div>
      </Card>
      {publishable.length ? (
        <Card size="small" data-testid="bulk-publish">
          <Space wrap>
            <Button
              onClick={() => setSelected(publishable.map((item) => item.id))}
              disabled={selected.length === publishable.length}
            >
              {t('flows.bulk.selectAll')}
            </Button>
            <Typography.Text>{t('flows.bulk.selected', { count: selected.length })}</Typography.Text>
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={bulk.isPending}
              onClick={publishSelected}
            >
              {t('flows.bulk.publish', { count: selected.length })}
            </Button>
          </Space>
          {bulk.error ? (
            <div style={{ marginTop: 8 }}>
              <ErrorAlert
                error={bulk.error}
                details={
                  isApiError(bulk.error)
                    ? bulk.error.details.map((detail) => ({ message: detail.message }))
                    : []
                }
              />
            </div>
          ) : null}
        </Card>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        rowKey={(item) => item.id}
        split={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                status
                  ? t('assessments.emptyStatus', { status: statusLabel(status) })
                  : t('assessments.empty')
              }
            />
          ),
        }}
        renderItem={(item) => (
          <List.Item style={{ paddingBlock: 6, gap: 8, alignItems: 'flex-start' }}>
            {item.actions.includes('publish') ? (
              <Checkbox
                checked={selected.includes(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
                aria-label={`${t('flows.bulk.select')}: ${item.unit.name}`}
                style={{ paddingTop: 12 }}
              />
            ) : null}
            <AssessmentListItem assessment={item} />
          </List.Item>
        )}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                size: 'small',
              }
            : false
        }
      />
      {list.data?.notStarted?.length ? (
        <Card
          size="small"
          title={t('flows.notStartedTitle', { count: list.data.notStarted.length })}
          data-testid="not-started"
        >
          <List
            size="small"
            dataSource={list.data.notStarted}
            rowKey="id"
            renderItem={(unit) => (
              <List.Item style={{ paddingInline: 0, display: 'flex', gap: 6, justifyContent: 'flex-start' }}>
                <Link to={`/units/${unit.id}`} style={{ overflowWrap: 'anywhere' }}>
                  {unit.name}
                </Link>
                <UnitKindTag kind={unit.kind} />
                <Tag color="default" style={{ marginInlineEnd: 0 }}>
                  {t('flows.notStarted')}
                </Tag>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <CreateAssessmentModal open={isCreating} onClose={() => setCreating(false)} />
    </Space>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ASSESSMENT_STATUSES } from '../../../shared/api/assessments';
import { type AssessmentStatus, useAssessments } from '../../api/assessments';
import { useMe } from '../../api/auth';
import { useFrameworks } from '../../api/scoring';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { canRecord } from '../../hooks/use-record-units';
import { useSearchParam } from '../../hooks/use-search-param';
import { useI18n } from '../../i18n/I18nProvider';
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
  const [page, setPage] = useState(1);
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
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
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
        </div>
      </Card>
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
          <List.Item style={{ paddingBlock: 6 }}>
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
      <CreateAssessmentModal open={isCreating} onClose={() => setCreating(false)} />
    </Space>
  );
}

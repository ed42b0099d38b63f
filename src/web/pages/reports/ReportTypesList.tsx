import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/units';
import { type ReportType, useReportTypes } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { ReportTypeModal } from './ReportTypeModal';
import { OnTimeRule, useKindLabel, useRuleText } from './report-format';

/** The report types of a unit (its own and those defined above it); the office adds and edits its own. */
export function ReportTypesList({ unitId, canDefine }: { unitId: string; canDefine: boolean }) {
  const { t, label } = useI18n();
  const kindLabel = useKindLabel();
  const ruleText = useRuleText();
  const types = useReportTypes(unitId);
  const [editing, setEditing] = useState<ReportType | null>(null);
  const [open, setOpen] = useState(false);

  if (types.error) return <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canDefine ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t('reports.types.create')}
        </Button>
      ) : null}
      <OnTimeRule />
      <List
        loading={types.isLoading}
        dataSource={types.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('reports.types.empty')} /> }}
        data-testid="report-types"
        renderItem={(type) => (
          <List.Item
            data-testid="report-type-item"
            actions={
              type.canEdit
                ? [
                    <Button
                      key="edit"
                      size="small"
                      onClick={() => {
                        setEditing(type);
                        setOpen(true);
                      }}
                    >
                      {t('reports.types.edit')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={[6, 4]} wrap>
                  <Typography.Text strong>{type.name}</Typography.Text>
                  <Tag>{kindLabel(type.kind)}</Tag>
                  {type.isActive ? null : <Tag color="default">{t('reports.types.inactive')}</Tag>}
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>{ruleText(type.dueRule)}</span>
                  <span>
                    {t('reports.types.submitters', {
                      kinds: type.submitterKinds
                        .map((kind) => label(UNIT_KIND_LABELS[kind as UnitKind], kind))
                        .join(', '),
                    })}
                  </span>
                  <span>{t('reports.types.remind', { days: type.remindDaysBefore.join(', ') })}</span>
                  {type.ownerUnitId === unitId ? null : (
                    <span>{t('reports.types.owner', { unit: type.ownerUnitName })}</span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ReportTypeModal unitId={unitId} type={editing} open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

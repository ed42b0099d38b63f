import { Divider, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACTIVITY_KIND_LABELS } from '../../../shared/activities';
import { type CriterionScore, type UnitScoreFilter, useCountedRecords } from '../../api/scoring';
import { ChannelName } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';
import { RecordDrawer } from '../records/RecordDrawer';
import { CriterionExplanation } from './CriterionExplanation';
import { StatusTag, useScoreFormat } from './score-format';

export const RECORDS_PAGE_SIZE = 20;

/** The criterion a drawer is open for: its column and one unit's score on it. */
export interface OpenCriterion {
  unitId: string;
  unitName: string;
  code: string;
  title: string;
  score: CriterionScore;
}

/**
 * One unit's score on one criterion with the records it counted, so every number can be checked:
 * each record opens in the record drawer.
 */
export function CountedRecordsDrawer(props: {
  open: OpenCriterion | null;
  filter: { framework: string; period: string; view?: UnitScoreFilter['view'] };
  isRunning: boolean;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const isDesktop = useIsDesktop();
  const format = useScoreFormat();
  const [page, setPage] = useState(1);
  const [recordId, setRecordId] = useState<string | null>(null);
  const { open } = props;
  const { languageName } = useVocabularyNames(open?.unitId);
  const records = useCountedRecords(open?.unitId ?? '', open?.code ?? null, {
    ...props.filter,
    limit: RECORDS_PAGE_SIZE,
    offset: (page - 1) * RECORDS_PAGE_SIZE,
  });

  const close = () => {
    setPage(1);
    props.onClose();
  };

  return (
    <Drawer
      open={Boolean(open)}
      onClose={close}
      size={isDesktop ? 560 : '100%'}
      title={open ? t('scoring.criterionTitle', { code: open.code, unit: open.unitName }) : null}
    >
      {open ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text strong>{open.title}</Typography.Text>
          <Space wrap size={8}>
            <StatusTag status={open.score.status} />
            <Typography.Text strong>
              {t('scoring.pointsValue', { score: format.fraction(open.score.score, open.score.max) })}
            </Typography.Text>
          </Space>
          <CriterionExplanation score={open.score} isRunning={props.isRunning} />
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {records.data
              ? t('scoring.countedRecordsTotal', { count: records.data.total })
              : t('scoring.countedRecords')}
          </Typography.Title>
          {records.error ? <ErrorAlert error={records.error} onRetry={() => void records.refetch()} /> : null}
          <List
            size="small"
            loading={records.isFetching}
            dataSource={records.data?.items ?? []}
            locale={{ emptyText: t('scoring.noRecords') }}
            pagination={
              (records.data?.total ?? 0) > RECORDS_PAGE_SIZE
                ? {
                    current: page,
                    pageSize: RECORDS_PAGE_SIZE,
                    total: records.data?.total ?? 0,
                    onChange: setPage,
                    showSizeChanger: false,
                    simple: true,
                    align: 'center',
                  }
                : false
            }
            renderItem={(record) => (
              <List.Item
                style={{ cursor: 'pointer', paddingInline: 0 }}
                onClick={() => setRecordId(record.id)}
              >
                <div style={{ minWidth: 0, width: '100%' }}>
                  <Typography.Link
                    onClick={(event) => {
                      event.stopPropagation();
                      setRecordId(record.id);
                    }}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {record.title}
                  </Typography.Link>
                  <div>
                    <Space wrap size={4}>
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        {formatDay(record.occurredOn)}
                      </Typography.Text>
                      <Tag style={{ marginInlineEnd: 0 }}>{label(ACTIVITY_KIND_LABELS[record.kind])}</Tag>
                      {record.channelName ? (
                        <Typography.Text type="secondary">
                          <ChannelName name={record.channelName} kind={record.channelKind} />
                        </Typography.Text>
                      ) : null}
                      {record.unitName !== open.unitName ? (
                        <Typography.Text type="secondary">{record.unitName}</Typography.Text>
                      ) : null}
                      {record.language !== 'vi' ? (
                        <Tag color="purple">{languageName(record.language)}</Tag>
                      ) : null}
                    </Space>
                  </div>
                </div>
              </List.Item>
            )}
          />
        </Space>
      ) : null}
      <RecordDrawer activityId={recordId} onClose={() => setRecordId(null)} onOpen={setRecordId} />
    </Drawer>
  );
}

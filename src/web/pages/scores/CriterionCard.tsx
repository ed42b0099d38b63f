import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type CriterionDetail, type UnitScoreFilter, useCountedRecords } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { RECORDS_PAGE_SIZE } from './CountedRecordsDrawer';
import { CriterionExplanation } from './CriterionExplanation';
import { STATUS_STYLES, StatusTag, useScoreFormat } from './score-format';

/** A labelled paragraph of the framework's guidance, left out when the framework says nothing. */
function Guidance(props: { label: string; text: string | null; extra?: ReactNode }) {
  if (!props.text) return null;
  return (
    <div>
      <Typography.Text type="secondary">{props.label}: </Typography.Text>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>{props.text}</Typography.Text>
      {props.extra}
    </div>
  );
}

/**
 * One criterion of a unit: its points on the status colour, the explanation, the projection and the
 * gaps, what the framework advises, and the records it counted one click away.
 */
export function CriterionCard(props: {
  unitId: string;
  criterion: CriterionDetail;
  filter: UnitScoreFilter;
  isRunning: boolean;
  onOpenRecords: () => void;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { criterion } = props;
  const style = STATUS_STYLES[criterion.status];
  // The first page of the drawer's list: its total names the button, and the drawer opens from the cache.
  const records = useCountedRecords(props.unitId, criterion.countsRecords ? criterion.code : null, {
    ...props.filter,
    limit: RECORDS_PAGE_SIZE,
    offset: 0,
  });

  return (
    <Card
      size="small"
      style={{ borderInlineStart: `4px solid ${style.border}` }}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 4 }}>
          {criterion.code} · {criterion.title}
        </span>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap size={8}>
          <span
            style={{
              padding: '2px 8px',
              borderRadius: 6,
              border: `1px solid ${style.border}`,
              background: style.background,
              color: style.text,
              fontWeight: 600,
            }}
          >
            {criterion.official
              ? t('official.criterion', { score: format.fraction(criterion.official.score, criterion.max) })
              : t('scoring.pointsValue', { score: format.fraction(criterion.score, criterion.max) })}
          </span>
          <StatusTag status={criterion.status} />
          {criterion.official ? (
            <Typography.Text type="secondary" data-testid="live-score">
              {t('official.live', { score: format.fraction(criterion.score, criterion.max) })}
            </Typography.Text>
          ) : null}
        </Space>
        <CriterionExplanation score={criterion} isRunning={props.isRunning} />
        {criterion.missingInputs.length ? (
          <Typography.Text type="secondary">
            {t('scoring.missingInputs', { inputs: criterion.missingInputs.join(', ') })}
          </Typography.Text>
        ) : null}
        <Guidance label={t('scoring.hint')} text={criterion.hint} />
        <Guidance
          label={t('scoring.evidence')}
          text={criterion.evidence}
          extra={
            criterion.evidenceRequired ? (
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('scoring.evidenceRequired')}
              </Tag>
            ) : null
          }
        />
        <Guidance label={t('scoring.dataSource')} text={criterion.dataSource} />
        {criterion.countsRecords ? (
          <Button icon={<UnorderedListOutlined />} onClick={props.onOpenRecords} loading={records.isLoading}>
            {records.data
              ? t('scoring.openRecords', { count: records.data.total })
              : t('scoring.countedRecords')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}

import { LockOutlined, SyncOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { AssessmentCriterion } from '../../api/assessments';
import { useI18n } from '../../i18n/I18nProvider';
import { STATUS_STYLES, StatusTag, useScoreFormat } from '../scores/score-format';

/** A labelled line of the framework's guidance, left out when the framework says nothing. */
function Guidance({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>{text}</Typography.Text>
    </div>
  );
}

/**
 * What the records and inputs give: the automatic score, whether it is still computed at each read
 * (a draft, a returned assessment) or was frozen at submission, the engine's explanation and what is
 * missing, and the framework's guidance.
 */
export function AutoScoreBlock({ criterion }: { criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { auto } = criterion;
  const style = STATUS_STYLES[auto.status];

  return (
    <div
      data-testid="auto-score"
      style={{
        background: style.background,
        border: `1px solid ${style.border}`,
        borderRadius: 6,
        padding: '6px 10px',
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        overflowWrap: 'anywhere',
      }}
    >
      <Space wrap size={6}>
        <Typography.Text strong style={{ color: style.text }}>
          {t('assessments.auto.value', { score: format.fraction(auto.score, criterion.max) })}
        </Typography.Text>
        <StatusTag status={auto.status} />
        {auto.isLive ? (
          <Tag icon={<SyncOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
            {t('assessments.auto.live')}
          </Tag>
        ) : (
          <Tag icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('assessments.auto.frozen')}
          </Tag>
        )}
      </Space>
      <Typography.Text>{auto.explanation}</Typography.Text>
      {auto.gaps.length ? (
        <div>
          <Typography.Text strong>{t('scoring.gaps')}</Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {auto.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Guidance label={t('scoring.hint')} text={criterion.hint} />
      <Guidance label={t('scoring.dataSource')} text={criterion.dataSource} />
    </div>
  );
}

import { CheckCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { CriterionScore } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from './score-format';

/**
 * Why a criterion scores what it does, in the engine's own sentence, then what the end of the period
 * looks like at the current pace and what is still missing ("cần thêm 3 tin bài trước 31/12").
 */
export function CriterionExplanation(props: {
  score: CriterionScore;
  isRunning: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { score } = props;
  const isFull = score.score !== null && score.score >= score.max;
  const showProjection =
    props.isRunning && score.projectedScore !== null && score.projectedScore !== score.score;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, overflowWrap: 'anywhere' }}>
      <Typography.Text>{score.explanation}</Typography.Text>
      {showProjection && score.projectedScore !== null ? (
        <Typography.Text type="secondary">
          {t('scoring.projectedValue', { score: format.fraction(score.projectedScore, score.max) })}
        </Typography.Text>
      ) : null}
      {score.gaps.length ? (
        <div>
          <Typography.Text strong>{t('scoring.gaps')}</Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {(props.compact ? score.gaps.slice(0, 3) : score.gaps).map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
          {props.compact && score.gaps.length > 3 ? (
            <Typography.Text type="secondary">
              {t('scoring.moreGaps', { count: score.gaps.length - 3 })}
            </Typography.Text>
          ) : null}
        </div>
      ) : isFull ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('scoring.full')}
        </Typography.Text>
      ) : score.score !== null && !props.isRunning ? (
        // Over: nothing is missing any more, but the reader should still see the criterion fell short.
        <Typography.Text type="secondary">
          {t('scoring.closedShort', { lost: format.points(score.max - score.score) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

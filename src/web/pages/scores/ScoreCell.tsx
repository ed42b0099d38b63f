import { Popover, Typography } from 'antd';
import type { CriterionColumn, CriterionScore } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { CriterionExplanation } from './CriterionExplanation';
import { STATUS_STYLES, useScoreFormat } from './score-format';

/**
 * One unit × criterion cell of the board: score/max on the status colour. Hovering shows the
 * explanation; a click (or Enter) opens the criterion with the records it counted.
 */
export function ScoreCell(props: {
  column: CriterionColumn;
  score: CriterionScore;
  isRunning: boolean;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const { score, column } = props;
  const style = STATUS_STYLES[score.status];
  const projected =
    props.isRunning && score.projectedScore !== null && score.projectedScore !== score.score
      ? score.projectedScore
      : null;

  return (
    <Popover
      trigger="hover"
      mouseEnterDelay={0.25}
      title={<div style={{ maxWidth: 360 }}>{`${column.code} · ${column.title}`}</div>}
      content={
        <div style={{ maxWidth: 360 }}>
          <CriterionExplanation score={score} isRunning={props.isRunning} compact />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('scoring.clickForRecords')}
          </Typography.Text>
        </div>
      }
    >
      <button
        type="button"
        onClick={props.onOpen}
        aria-label={t('scoring.cellLabel', {
          code: column.code,
          score: score.official
            ? `${t('official.criterion', { score: format.fraction(score.official.score, score.max) })}, ${t('official.live', { score: format.fraction(score.score, score.max) })}`
            : format.fraction(score.score, score.max),
          status: format.status(score.status),
        })}
        style={{
          width: '100%',
          minWidth: 64,
          padding: '4px 6px',
          border: `1px solid ${style.border}`,
          borderRadius: 6,
          background: style.background,
          color: style.text,
          cursor: 'pointer',
          font: 'inherit',
          lineHeight: 1.3,
        }}
      >
        <span style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {format.fraction(score.official ? score.official.score : score.score, score.max)}
        </span>
        {score.official ? (
          <span style={{ display: 'block', fontSize: 11, whiteSpace: 'nowrap' }}>
            {t('official.live', { score: score.score === null ? '–' : format.points(score.score) })}
          </span>
        ) : projected !== null ? (
          <span style={{ display: 'block', fontSize: 11, whiteSpace: 'nowrap' }}>
            {t('scoring.projectedShort', { score: format.points(projected) })}
          </span>
        ) : null}
      </button>
    </Popover>
  );
}

import { Space, Tag, Typography } from 'antd';
import type { ScoreboardSummary, ScoreStatus } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { STATUS_ORDER, STATUS_STYLES, useScoreFormat } from './score-format';

/**
 * How many units are green, amber, red (and waiting for input), and the board's average percentage.
 * Each count is a toggle that narrows the table to the units of that status (a second click, or
 * "Bỏ lọc", shows all again); the counts always describe the whole board, whatever the page: the
 * server counts them (once published, a unit counts under its official status; the average is of
 * the headline percentages).
 */
export function StatusSummary(props: {
  summary: ScoreboardSummary;
  selected?: ScoreStatus | undefined;
  onSelect?: (status: ScoreStatus | undefined) => void;
}) {
  const { summary, selected, onSelect } = props;
  const { t } = useI18n();
  const format = useScoreFormat();
  const { counts, averagePercent: average } = summary;

  return (
    <Space wrap size={[8, 4]} aria-label={t('scoring.summary')}>
      <Typography.Text>{t('scoring.unitCount', { count: summary.units })}</Typography.Text>
      {STATUS_ORDER.filter((status) => status !== 'grey' || counts.grey > 0).map((status) => {
        const text = `${format.status(status)}: ${counts[status]}`;
        if (!onSelect)
          return (
            <Tag key={status} color={STATUS_STYLES[status].tag} style={{ marginInlineEnd: 0 }}>
              {text}
            </Tag>
          );
        const isSelected = selected === status;
        return (
          <button
            key={status}
            type="button"
            aria-pressed={isSelected}
            title={t('official.statusFilter')}
            onClick={() => onSelect(isSelected ? undefined : status)}
            style={{
              font: 'inherit',
              fontSize: 12,
              minHeight: 32,
              padding: '2px 10px',
              borderRadius: 6,
              cursor: 'pointer',
              border: `${isSelected ? 2 : 1}px solid ${isSelected ? STATUS_STYLES[status].text : STATUS_STYLES[status].border}`,
              background: STATUS_STYLES[status].background,
              color: STATUS_STYLES[status].text,
              fontWeight: isSelected ? 600 : undefined,
            }}
          >
            {text}
          </button>
        );
      })}
      {selected && onSelect ? (
        <Typography.Link onClick={() => onSelect(undefined)}>
          {t('official.statusFilterClear')}
        </Typography.Link>
      ) : null}
      {average !== null && summary.units > 1 ? (
        <Typography.Text type="secondary">
          {t('scoring.average', { percent: format.percent(Math.round(average * 10) / 10) })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

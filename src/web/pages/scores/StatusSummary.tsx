import { Space, Tag, Typography } from 'antd';
import type { ScoreboardRow, ScoreStatus } from '../../api/scoring';
import { useI18n } from '../../i18n/I18nProvider';
import { STATUS_ORDER, STATUS_STYLES, useScoreFormat } from './score-format';

/** How many units are green, amber, red (and waiting for input), and the board's average percentage. */
export function StatusSummary({ rows }: { rows: ScoreboardRow[] }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  const counts = new Map<ScoreStatus, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const average = rows.length ? rows.reduce((sum, row) => sum + row.percent, 0) / rows.length : null;

  return (
    <Space wrap size={[8, 4]} aria-label={t('scoring.summary')}>
      <Typography.Text>{t('scoring.unitCount', { count: rows.length })}</Typography.Text>
      {STATUS_ORDER.filter((status) => status !== 'grey' || counts.has('grey')).map((status) => (
        <Tag key={status} color={STATUS_STYLES[status].tag} style={{ marginInlineEnd: 0 }}>
          {format.status(status)}: {counts.get(status) ?? 0}
        </Tag>
      ))}
      {average !== null && rows.length > 1 ? (
        <Typography.Text type="secondary">
          {t('scoring.average', { percent: format.percent(Math.round(average * 10) / 10) })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

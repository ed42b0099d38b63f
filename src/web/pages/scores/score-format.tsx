import { Tag } from 'antd';
import type { ScoreStatus } from '../../api/scoring';
import { type I18n, useI18n } from '../../i18n/I18nProvider';

/**
 * The traffic light and the numbers of scores, the same on the board and on a unit's page. A colour
 * never stands alone: the status is also written out, for readers who do not tell red from green.
 */

export const STATUS_STYLES: Record<
  ScoreStatus,
  { tag: string; background: string; border: string; text: string }
> = {
  green: { tag: 'success', background: '#f6ffed', border: '#b7eb8f', text: '#237804' },
  amber: { tag: 'warning', background: '#fffbe6', border: '#ffe58f', text: '#ad6800' },
  red: { tag: 'error', background: '#fff1f0', border: '#ffa39e', text: '#a8071a' },
  grey: { tag: 'default', background: '#fafafa', border: '#d9d9d9', text: '#595959' },
};

/** Progress bars use the strong shade of each colour. */
export const STATUS_STROKES: Record<ScoreStatus, string> = {
  green: '#52c41a',
  amber: '#faad14',
  red: '#ff4d4f',
  grey: '#bfbfbf',
};

export const STATUS_ORDER: readonly ScoreStatus[] = ['green', 'amber', 'red', 'grey'];

export function statusLabel(status: ScoreStatus, t: I18n['t']): string {
  return t(`scoring.status.${status}`);
}

export function StatusTag({ status }: { status: ScoreStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_STYLES[status].tag} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status, t)}
    </Tag>
  );
}

/** Points as the language writes them: at most two decimals, "7,5" in Vietnamese. */
export function formatPoints(value: number, language: I18n['language']): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** "72,5%" in Vietnamese, "72.5%" in English. */
export function formatPercent(value: number, language: I18n['language']): string {
  return `${new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value)}%`;
}

/** Score helpers bound to the current language. */
export function useScoreFormat() {
  const { t, language } = useI18n();
  return {
    points: (value: number) => formatPoints(value, language),
    percent: (value: number) => formatPercent(value, language),
    /** "7,5/10"; a score still waiting for a person's input shows as "–/10". */
    fraction: (score: number | null, max: number) =>
      `${score === null ? '–' : formatPoints(score, language)}/${formatPoints(max, language)}`,
    status: (status: ScoreStatus) => statusLabel(status, t),
  };
}

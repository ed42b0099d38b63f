import { Tag, Typography } from 'antd';
import {
  REPORT_KIND_LABELS,
  type ReportDueRule,
  type ReportKind,
  type ReportStatus,
} from '../../../shared/api/report-contract';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

type SubmissionState = 'on_time' | 'late' | 'missing';

const STATE_COLOURS: Record<SubmissionState, string> = {
  on_time: 'success',
  late: 'warning',
  missing: 'default',
};
const STATUS_COLOURS: Record<ReportStatus, string> = {
  draft: 'blue',
  approved: 'purple',
  submitted: 'success',
  superseded: 'default',
};

/** Where a unit stands in a period: on time, late, not submitted (red once the due day is past). */
export function StateTag({ state, isOverdue }: { state: SubmissionState; isOverdue?: boolean }) {
  const { t } = useI18n();
  const overdue = state === 'missing' && isOverdue;
  return (
    <Tag
      color={overdue ? 'error' : STATE_COLOURS[state]}
      data-testid="report-state"
      style={{ marginInlineEnd: 0 }}
    >
      {overdue ? t('reports.state.overdue') : t(`reports.state.${state}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = useI18n();
  return (
    <Tag
      color={status ? STATUS_COLOURS[status] : 'default'}
      data-testid="report-status"
      style={{ marginInlineEnd: 0 }}
    >
      {t(`reports.status.${status ?? 'none'}`)}
    </Tag>
  );
}

export function useKindLabel(): (kind: ReportKind) => string {
  const { label } = useI18n();
  return (kind) => label(REPORT_KIND_LABELS[kind]);
}

export function useRuleText(): (rule: ReportDueRule) => string {
  const { t } = useI18n();
  return (rule) => {
    if (rule.kind === 'yearly')
      return t('reports.rule.yearly', {
        day: String(rule.day).padStart(2, '0'),
        month: String(rule.month).padStart(2, '0'),
      });
    if (rule.kind === 'before_month') return t('reports.rule.before_month', { days: rule.daysBefore });
    return t('reports.rule.fixed');
  };
}

/** The on-time rule, said wherever due dates are shown. */
export function OnTimeRule() {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" data-testid="on-time-rule">
      {t('reports.onTimeRule')}
    </Typography.Text>
  );
}

export function DueLine({ dueOn, from, to }: { dueOn: string; from: string; to: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary">
      {t('reports.period', { from: formatDay(from), to: formatDay(to) })} ·{' '}
      {t('reports.due', { day: formatDay(dueOn) })}
    </Typography.Text>
  );
}

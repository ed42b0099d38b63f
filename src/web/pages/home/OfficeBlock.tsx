import { BellOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { HOME_LIST_LIMIT, type UnitReason } from '../../../shared/api/home';
import { type HomeBlock, URGE_MAX_UNITS, useUrgeUnits } from '../../api/home';
import { formatDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { SummaryTags } from '../reports/SummaryTags';
import { HomeCard } from './HomeCard';

type OfficeBlockData = Extract<HomeBlock, { role: 'office' }>;
type OfficeUnit = OfficeBlockData['behind']['items'][number];
const MESSAGE_MAX = 1000;

function useReasonText() {
  const { t } = useI18n();
  return (reason: UnitReason): string[] => {
    switch (reason.code) {
      case 'score_behind':
        return [
          t('home.reason.score', {
            score: reason.score,
            max: reason.max,
            percent: Math.round(reason.percent),
          }),
          ...reason.criteria.map((criterion) =>
            t('home.reason.criterion', { code: criterion.code, gap: criterion.gap }),
          ),
        ];
      case 'no_records':
        return [t('home.reason.noRecords', { day: formatDay(reason.since) })];
      case 'no_assessment':
        return [t('home.reason.noAssessment', { period: reason.periodLabel })];
      case 'report_overdue':
        return [
          t('home.reason.reportOverdue', {
            type: reason.typeName,
            period: reason.periodLabel,
            day: formatDay(reason.dueOn),
            days: reason.daysLate,
          }),
        ];
    }
  };
}

function UnitList(props: {
  testId: string;
  title: string;
  empty: string;
  list: OfficeBlockData['behind'];
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], isSelected: boolean) => void;
  viewAll?: string | undefined;
  isUrgent?: boolean;
}) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  const [isExpanded, setExpanded] = useState(false);
  const { list } = props;
  const shown = isExpanded ? list.items : list.items.slice(0, HOME_LIST_LIMIT);
  return (
    <HomeCard
      testId={props.testId}
      title={props.title}
      count={list.total}
      isUrgent={props.isUrgent ?? false}
      empty={props.empty}
      viewAll={props.viewAll}
    >
      {shown.map((unit: OfficeUnit) => (
        <div
          key={unit.unitId}
          style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}
        >
          <Checkbox
            checked={props.selected.has(unit.unitId)}
            onChange={(event) => props.onToggle([unit.unitId], event.target.checked)}
            aria-label={t('home.urge.select', { unit: unit.name })}
          />
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Link to={`/units/${unit.unitId}`}>{unit.name}</Link>
            {unit.parentName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {unit.parentName}
              </Typography.Text>
            ) : null}
            {unit.reasons.flatMap(reasonText).map((line) => (
              <div key={line} style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                {line}
              </div>
            ))}
          </div>
        </div>
      ))}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        <Button
          size="small"
          onClick={() =>
            props.onToggle(
              list.items.map((unit) => unit.unitId),
              true,
            )
          }
        >
          {t('home.urge.selectAll')}
        </Button>
        {list.items.length > HOME_LIST_LIMIT ? (
          <Button size="small" type="link" onClick={() => setExpanded(!isExpanded)}>
            {isExpanded ? t('home.showLess') : t('home.showAll', { count: list.items.length })}
          </Button>
        ) : null}
        {list.total > list.items.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('home.office.shown', { shown: list.items.length, total: list.total })}
          </Typography.Text>
        ) : null}
      </div>
    </HomeCard>
  );
}

/**
 * The report period an urge is about: the one overdue report every selected unit has missed, when
 * there is exactly one; otherwise the urge is general.
 */
function commonPeriod(block: OfficeBlockData, selected: ReadonlySet<string>): string | undefined {
  let common: Set<string> | undefined;
  for (const unitId of selected) {
    const unit = block.overdue.items.find((candidate) => candidate.unitId === unitId);
    const periods = new Set(
      (unit?.reasons ?? []).flatMap((reason) => (reason.code === 'report_overdue' ? [reason.periodId] : [])),
    );
    const before: Set<string> | undefined = common;
    common = before ? new Set([...before].filter((id: string) => periods.has(id))) : periods;
  }
  return common?.size === 1 ? [...common][0] : undefined;
}

/**
 * Completeness of the current period of each report type the office follows: expected, submitted,
 * on time, late, missing, each period linking to its page (who stands where).
 */
function ReportPeriodsCard({ periods }: { periods: OfficeBlockData['reportPeriods'] }) {
  const { t } = useI18n();
  return (
    <HomeCard
      testId="home-report-periods"
      title={t('cycle.home.periods')}
      count={periods.length}
      empty={t('cycle.home.periodsEmpty')}
    >
      {periods.map((period) => (
        <div
          key={period.periodId}
          data-testid="home-report-period"
          style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5', overflowWrap: 'anywhere' }}
        >
          <Link to={`/reports/periods/${period.periodId}`}>
            {period.typeName} — {period.label}
          </Link>
          <div
            style={{
              fontSize: 13,
              color: period.isPastDue ? '#cf1322' : 'rgba(0,0,0,0.65)',
              margin: '2px 0 4px',
            }}
          >
            {t(period.isPastDue ? 'cycle.home.pastDue' : 'cycle.home.due', { day: formatDay(period.dueOn) })}
          </div>
          <SummaryTags summary={period} />
        </div>
      ))}
    </HomeCard>
  );
}

/** The province office's block: units behind, not started, overdue, and one action to urge them. */
export function OfficeBlock({ block }: { block: OfficeBlockData }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const urge = useUrgeUnits();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isDialogOpen, setDialogOpen] = useState(false);
  const [note, setNote] = useState('');
  const toggle = (ids: string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const framework = block.framework;
  const boardLink = framework
    ? `/scores?framework=${framework.code}&period=${framework.periodKey}${block.unit ? `&unit=${block.unit.id}` : ''}`
    : undefined;
  const isTooMany = selected.size > URGE_MAX_UNITS;

  const handleSend = () => {
    const periodId = commonPeriod(block, selected);
    const text = note.trim();
    urge.mutate(
      { unitIds: [...selected], ...(periodId ? { periodId } : {}), ...(text ? { message: text } : {}) },
      {
        onSuccess: () => {
          void message.success(t('home.urge.done', { count: selected.size }));
          setSelected(new Set());
          setNote('');
          setDialogOpen(false);
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <>
      <div style={{ gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: 8 }}>
        <Typography.Text type="secondary">
          {framework
            ? t('home.office.board', {
                framework: framework.name,
                period: framework.periodLabel,
                count: block.unitCount,
              })
            : t('home.office.noBoard')}
        </Typography.Text>
        <div
          style={{
            position: 'sticky',
            top: 60,
            zIndex: 5,
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            alignItems: 'center',
          }}
        >
          <Button
            type="primary"
            icon={<BellOutlined />}
            disabled={selected.size === 0 || isTooMany}
            onClick={() => setDialogOpen(true)}
          >
            {t('home.urge.button', { count: selected.size })}
          </Button>
          {isTooMany ? (
            <Typography.Text type="danger">{t('home.urge.tooMany', { max: URGE_MAX_UNITS })}</Typography.Text>
          ) : null}
        </div>
      </div>
      <ReportPeriodsCard periods={block.reportPeriods} />
      <UnitList
        testId="home-overdue"
        title={t('home.office.overdue')}
        empty={t('home.office.overdueEmpty')}
        list={block.overdue}
        selected={selected}
        onToggle={toggle}
        isUrgent
      />
      <UnitList
        testId="home-behind"
        title={t('home.office.behind')}
        empty={t('home.office.behindEmpty')}
        list={block.behind}
        selected={selected}
        onToggle={toggle}
        viewAll={boardLink ? `${boardLink}&status=red` : undefined}
        isUrgent
      />
      <UnitList
        testId="home-not-started"
        title={t('home.office.notStarted')}
        empty={t('home.office.notStartedEmpty')}
        list={block.notStarted}
        selected={selected}
        onToggle={toggle}
        viewAll={
          framework ? `/assessments?framework=${framework.code}&period=${framework.periodKey}` : undefined
        }
      />
      <Modal
        open={isDialogOpen}
        title={t('home.urge.title', { count: selected.size })}
        okText={t('home.urge.send')}
        cancelText={t('common.cancel')}
        confirmLoading={urge.isPending}
        onOk={handleSend}
        onCancel={() => setDialogOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('home.urge.hint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('home.urge.message')}
          placeholder={t('home.urge.message')}
          value={note}
          maxLength={MESSAGE_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </>
  );
}

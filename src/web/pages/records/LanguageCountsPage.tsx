import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Segmented, Select, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { type LanguageCountsPeriod, useLanguageCounts } from '../../api/activities';
import { useMe } from '../../api/auth';
import { DayRangePicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDay, parseIsoDay, todayIso, toIsoDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageCountsTable } from './LanguageCountsTable';

/** Years offered: this one and the five before (the DX programme's reporting years). */
const YEARS_BACK = 5;

/** The units of the user's own grants, each once: where counts are usually asked for. */
function useGrantUnits(): Array<{ id: string; name: string }> {
  const me = useMe().data;
  const units = new Map<string, string>();
  for (const grant of me?.grants ?? [])
    if (grant.unitId && !units.has(grant.unitId)) units.set(grant.unitId, grant.unitName ?? grant.unitId);
  return [...units].map(([id, name]) => ({ id, name }));
}

/**
 * Ethnic-language content (/records/languages): how many records in each language other than
 * Vietnamese a unit and the units below it have in a year or a range of days, by kind. The choice is
 * kept in the address, so the page can be linked and reloaded.
 */
export function LanguageCountsPage() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const grantUnits = useGrantUnits();
  const [params, setParams] = useSearchParams();
  // Several parameters change together (a range's two ends): one update, not one per parameter.
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes))
          if (value) next.set(name, value);
          else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const thisYear = Number(todayIso().slice(0, 4));

  const unitId = params.get('unit') ?? grantUnits[0]?.id;
  const from = parseIsoDay(params.get('from'));
  const to = parseIsoDay(params.get('to'));
  const yearParam = params.get('year');
  const byRange = Boolean(from && to);
  const year = Number(yearParam) || thisYear;
  const period: LanguageCountsPeriod =
    byRange && from && to
      ? { from: toIsoDay(from), to: toIsoDay(to) }
      : { from: `${year}-01-01`, to: `${year}-12-31` };
  const counts = useLanguageCounts(unitId, period);

  const chooseRange = (range: [string, string] | null) => update({ from: range?.[0], to: range?.[1] });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <Link to="/records">
          <ArrowLeftOutlined /> {t('nav.records')}
        </Link>
        <Typography.Title level={2} style={{ margin: '4px 0 0', fontSize: 20 }}>
          {t('recordActions.languageCountsTitle')}
        </Typography.Title>
      </div>
      <Card size="small">
        <div
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}
        >
          {grantUnits.length ? (
            <Select
              aria-label={t('record.unit')}
              value={unitId}
              onChange={(value) => update({ unit: value })}
              options={grantUnits.map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          ) : (
            <UnitPicker value={unitId ?? null} onChange={(value) => update({ unit: value ?? undefined })} />
          )}
          <Segmented<'year' | 'range'>
            block
            value={byRange ? 'range' : 'year'}
            onChange={(mode) =>
              mode === 'year'
                ? chooseRange(null)
                : chooseRange([`${year}-01-01`, year === thisYear ? todayIso() : `${year}-12-31`])
            }
            options={[
              { value: 'year', label: t('recordActions.byYear') },
              { value: 'range', label: t('recordActions.byRange') },
            ]}
          />
          {byRange ? (
            <DayRangePicker
              value={[from, to]}
              allowClear={false}
              aria-label={t('records.period')}
              placeholder={[t('records.from'), t('records.to')]}
              onChange={(value) =>
                chooseRange(value?.[0] && value[1] ? [toIsoDay(value[0]), toIsoDay(value[1])] : null)
              }
            />
          ) : (
            <Select
              aria-label={t('recordActions.year')}
              value={year}
              onChange={(value) => update({ year: String(value) })}
              options={Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index).map(
                (value) => ({
                  value,
                  label: t('recordActions.yearOption', { year: value }),
                }),
              )}
            />
          )}
        </div>
      </Card>
      {counts.error ? <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} /> : null}
      {counts.data ? (
        <Typography.Text type="secondary">
          {t('recordActions.countsPeriod', {
            from: formatDay(counts.data.from),
            to: formatDay(counts.data.to),
          })}
        </Typography.Text>
      ) : null}
      {unitId ? (
        <>
          <Card size="small" title={t('recordActions.byLanguage')}>
            <LanguageCountsTable
              rows={counts.data?.totals ?? []}
              loading={counts.isFetching}
              isDesktop={isDesktop}
              unitId={unitId}
            />
          </Card>
          <Card size="small" title={t('recordActions.byUnit')}>
            <LanguageCountsTable
              rows={counts.data?.items ?? []}
              loading={counts.isFetching}
              isDesktop={isDesktop}
              unitId={unitId}
              showUnit
            />
          </Card>
        </>
      ) : (
        <Typography.Text type="secondary">{t('recordActions.chooseUnit')}</Typography.Text>
      )}
    </Space>
  );
}

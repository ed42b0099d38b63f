import { Alert, Button, Col, Empty, Input, List, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { REORGANISATION_DATE } from '../../shared/units';
import { useMe } from '../api/auth';
import type { Unit } from '../api/types';
import { useUnitRoots, useUnitSearch } from '../api/units';
import { AsOfPicker } from '../components/AsOfPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { UnitKindTag, UnitLifeTag } from '../components/UnitTags';
import { UnitTree } from '../components/UnitTree';
import { unitPath } from '../components/unit-path';
import { formatDay, parseIsoDay } from '../format/dates';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useSearchParam } from '../hooks/use-search-param';
import { useI18n } from '../i18n/I18nProvider';

const SEARCH_LIMIT = 50;
const DAY_BEFORE_REORGANISATION = parseIsoDay(REORGANISATION_DATE)!.subtract(1, 'day').format('YYYY-MM-DD');

/** Home: the units the user may see, as a lazily expanded tree, with search and an "as of" day. */
export function UnitTreePage() {
  const { t } = useI18n();
  const [rawDate, setDate] = useSearchParam('date');
  const date = parseIsoDay(rawDate) ? rawDate : undefined;
  const [q, setQ] = useSearchParam('q');
  const [text, setText] = useState(q ?? '');
  const typed = useDebouncedValue(text.trim(), 350);

  // Typing searches once the user pauses; only a change of the typed text moves the URL, so a
  // search submitted with Enter is not overwritten by a stale pause.
  const lastTyped = useRef(typed);
  useEffect(() => {
    if (typed === lastTyped.current) return;
    lastTyped.current = typed;
    setQ(typed || undefined);
  }, [typed, setQ]);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 24 }}>
        {t('tree.title')}
      </Typography.Title>
      <Row gutter={[16, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Input.Search
            aria-label={t('tree.searchLabel')}
            placeholder={t('tree.searchPlaceholder')}
            value={text}
            allowClear
            enterButton
            onChange={(event) => setText(event.target.value)}
            onSearch={(value) => {
              setText(value);
              setQ(value.trim() || undefined);
            }}
          />
        </Col>
        <Col xs={24} md={12}>
          <Space wrap size={8}>
            <label htmlFor="tree-as-of">{t('tree.asOf')}</label>
            <AsOfPicker id="tree-as-of" value={date} onChange={setDate} />
            {date === DAY_BEFORE_REORGANISATION ? null : (
              <Button onClick={() => setDate(DAY_BEFORE_REORGANISATION)}>
                {t('tree.beforeReorganisation')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {date ? (
        <Alert
          type="info"
          showIcon
          title={t('tree.viewingAsOf', { date: formatDay(date) })}
          action={
            <Button size="small" onClick={() => setDate(undefined)}>
              {t('tree.backToToday')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {q ? <SearchResults q={q} date={date} /> : <RootsTree date={date} />}
    </>
  );
}

function RootsTree({ date }: { date: string | undefined }) {
  const { t } = useI18n();
  const me = useMe().data;
  const roots = useUnitRoots(date);
  if (roots.isPending) return <Skeleton active />;
  if (roots.isError) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0) return <Empty description={t('tree.empty')} />;
  // Remounted per user and day: expansion state belongs to one tree.
  const memoryKey = `${me?.user.id}|${date ?? ''}`;
  return <UnitTree key={memoryKey} roots={roots.data} date={date} memoryKey={memoryKey} />;
}

function SearchResults({ q, date }: { q: string; date: string | undefined }) {
  const { t } = useI18n();
  const search = useUnitSearch(q, { date, limit: SEARCH_LIMIT });
  if (search.isError) return <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />;
  const units = search.data ?? [];
  return (
    <section aria-label={t('tree.results', { q })}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('tree.results', { q })}
      </Typography.Title>
      <List<Unit>
        loading={search.isFetching}
        dataSource={units}
        locale={{ emptyText: <Empty description={t('tree.noResults')} /> }}
        renderItem={(unit) => <SearchResultItem unit={unit} date={date} />}
        bordered
        style={{ background: '#fff' }}
      />
      {units.length >= SEARCH_LIMIT ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('tree.resultsLimited', { count: SEARCH_LIMIT })}
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}

function SearchResultItem({ unit, date }: { unit: Unit; date: string | undefined }) {
  const { t } = useI18n();
  return (
    <List.Item>
      <List.Item.Meta
        title={<Link to={unitPath(unit.id, date)}>{unit.name}</Link>}
        description={
          <>
            <UnitKindTag kind={unit.kind} />
            <UnitLifeTag unit={unit} />
            {unit.code ? (
              <Typography.Text type="secondary">{`${t('common.code')} ${unit.code}`}</Typography.Text>
            ) : null}
            {unit.parentName ? (
              <div>
                <Typography.Text type="secondary">
                  {t('tree.under', { parent: unit.parentName })}
                </Typography.Text>
              </div>
            ) : null}
          </>
        }
      />
    </List.Item>
  );
}

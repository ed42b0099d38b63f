import { BarChartOutlined, DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  type ActivityKind,
  PROVENANCE_LABELS,
  PROVENANCES,
  type Provenance,
  REVIEW_STATUSES,
  type ReviewStatus,
} from '../../../shared/activities';
import {
  type ActivityFilter,
  type ActivityListItem,
  exportUrl,
  useActivities,
  useChannels,
  useVocabulary,
} from '../../api/activities';
import { ChannelName, useChannelLabel } from '../../components/ChannelName';
import { DayRangePicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDay, toIsoDay } from '../../format/dates';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useRecordUnits } from '../../hooks/use-record-units';
import { useSearchParam } from '../../hooks/use-search-param';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';
import { BulkReviewBar } from './BulkReviewBar';
import { RecordDrawer } from './RecordDrawer';

const PAGE_SIZE = 20;
const EVIDENCE_FILTERS = ['false', 'true'] as const;
type EvidenceFilter = (typeof EVIDENCE_FILTERS)[number];

/** A filter given in the address (a link from the home page), read once when the page opens. */
function initialFilters(params: URLSearchParams) {
  const day = (name: string) => {
    const value = params.get(name);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  };
  const from = day('from');
  const to = day('to');
  const review = params.get('reviewStatus');
  const evidence = params.get('hasEvidence');
  return {
    unitId: params.get('unitId'),
    period: from || to ? ([from, to] as [Dayjs | null, Dayjs | null]) : null,
    reviewStatus: REVIEW_STATUSES.find((value) => value === review),
    hasEvidence: EVIDENCE_FILTERS.find((value) => value === evidence),
  };
}
const REVIEW_COLOURS = { pending: 'default', accepted: 'green', rejected: 'red' } as const;

/** Every record the user may see, filtered and paged, with exports of the whole filtered list. */
export function RecordsPage() {
  const { t, label } = useI18n();
  const isDesktop = useIsDesktop();
  const navigate = useNavigate();
  const ownUnits = useRecordUnits();
  const [searchParams] = useSearchParams();
  const [initial] = useState(() => initialFilters(searchParams));
  const [unitId, setUnitId] = useState<string | null>(initial.unitId);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(initial.period);
  const [kind, setKind] = useState<ActivityKind | undefined>();
  const [channelId, setChannelId] = useState<string | undefined>();
  const [topic, setTopic] = useState<string | undefined>();
  const [language, setLanguage] = useState<string | undefined>();
  const [provenance, setProvenance] = useState<Provenance | undefined>();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [hasEvidence, setHasEvidence] = useState<EvidenceFilter | undefined>(initial.hasEvidence);
  const [showFilters, setShowFilters] = useState(
    isDesktop || Boolean(initial.unitId || initial.period || initial.reviewStatus || initial.hasEvidence),
  );
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [onlyDuplicates, setOnlyDuplicates] = useState(false);
  const [reviewStatus, setReviewStatus] = useState<ReviewStatus | undefined>(initial.reviewStatus);
  // Records selected for a bulk review; kept across pages, cleared when the filters change.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // In the address, so the edit page can come back with the record open.
  const [openParam, setOpenParam] = useSearchParam('open');
  const openId = openParam ?? null;
  const setOpenId = (activityId: string | null) => setOpenParam(activityId ?? undefined);
  const q = useDebouncedValue(text, 300).trim();

  const vocabularyUnit = unitId ?? ownUnits[0]?.id;
  const channels = useChannels(unitId ?? undefined);
  const vocabulary = useVocabulary(vocabularyUnit);
  // Filters offer retired topics and languages too (old records carry them), named in the UI's language.
  const { topicName, languageName } = useVocabularyNames(vocabularyUnit);
  const channelLabel = useChannelLabel();

  const filter: ActivityFilter = {
    unitId: unitId ?? undefined,
    from: period?.[0] ? toIsoDay(period[0]) : undefined,
    to: period?.[1] ? toIsoDay(period[1]) : undefined,
    kind,
    channelId,
    topic,
    language,
    provenance,
    q: q || undefined,
    includeDeleted: includeDeleted ? 'true' : undefined,
    onlyDuplicates: onlyDuplicates ? 'true' : undefined,
    reviewStatus,
    hasEvidence,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useActivities(filter);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
      setSelected(new Set());
    };
  const toggle = (ids: string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const items = list.data?.items ?? [];
  const reviewable = items.filter((record) => record.canReview).map((record) => record.id);

  const filters = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
      <UnitPicker
        value={unitId}
        allowClear
        onChange={(value) => {
          setUnitId(value);
          setChannelId(undefined);
          setPage(1);
          setSelected(new Set());
        }}
      />
      <DayRangePicker
        value={period}
        onChange={(value) => reset(setPeriod)(value)}
        aria-label={t('records.period')}
        placeholder={[t('records.from'), t('records.to')]}
      />
      <Select
        allowClear
        aria-label={t('record.kind')}
        placeholder={t('record.kind')}
        value={kind}
        onChange={reset(setKind)}
        options={ACTIVITY_KINDS.map((value) => ({ value, label: label(ACTIVITY_KIND_LABELS[value]) }))}
      />
      <Select
        allowClear
        aria-label={t('record.channel')}
        placeholder={unitId ? t('record.channel') : t('records.channelNeedsUnit')}
        disabled={!unitId}
        value={channelId}
        onChange={reset(setChannelId)}
        options={(channels.data?.items ?? []).map((channel) => ({
          value: channel.id,
          label: channelLabel(channel),
        }))}
      />
      <Select
        allowClear
        aria-label={t('record.topics')}
        placeholder={t('record.topics')}
        value={topic}
        onChange={reset(setTopic)}
        options={(vocabulary.data?.topics ?? []).map((item) => ({
          value: item.code,
          label: topicName(item.code),
        }))}
      />
      <Select
        allowClear
        aria-label={t('record.language')}
        placeholder={t('record.language')}
        value={language}
        onChange={reset(setLanguage)}
        options={(vocabulary.data?.languages ?? []).map((item) => ({
          value: item.code,
          label: languageName(item.code),
        }))}
      />
      <Select
        allowClear
        aria-label={t('records.provenance')}
        placeholder={t('records.provenance')}
        value={provenance}
        onChange={reset(setProvenance)}
        options={PROVENANCES.map((value) => ({ value, label: label(PROVENANCE_LABELS[value]) }))}
      />
      <Select
        allowClear
        aria-label={t('records.reviewStatus')}
        placeholder={t('records.reviewStatus')}
        value={reviewStatus}
        onChange={reset(setReviewStatus)}
        options={REVIEW_STATUSES.map((value) => ({ value, label: t(`records.review.${value}`) }))}
      />
      <Select
        allowClear
        aria-label={t('home.records.evidenceFilter')}
        placeholder={t('home.records.evidenceFilter')}
        value={hasEvidence}
        onChange={reset(setHasEvidence)}
        options={EVIDENCE_FILTERS.map((value) => ({ value, label: t(`home.records.evidence.${value}`) }))}
      />
      <Space wrap size={[16, 4]}>
        <Checkbox
          checked={onlyDuplicates}
          onChange={(event) => reset(setOnlyDuplicates)(event.target.checked)}
        >
          {t('recordActions.onlyDuplicates')}
        </Checkbox>
        <Checkbox
          checked={includeDeleted}
          onChange={(event) => reset(setIncludeDeleted)(event.target.checked)}
        >
          {t('recordActions.includeDeleted')}
        </Checkbox>
      </Space>
    </div>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20, flex: 1, minWidth: 0 }}>
          {t('nav.records')}
        </Typography.Title>
        <Button icon={<BarChartOutlined />} onClick={() => navigate('/records/languages')}>
          {t('recordActions.languageCounts')}
        </Button>
      </div>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Input.Search
              allowClear
              aria-label={t('records.search')}
              placeholder={t('records.search')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setPage(1);
                setSelected(new Set());
              }}
              style={{ flex: 1, minWidth: 0 }}
            />
            {isDesktop ? null : (
              <Button
                icon={<FilterOutlined />}
                aria-label={t('records.filters')}
                aria-expanded={showFilters}
                onClick={() => setShowFilters(!showFilters)}
              />
            )}
          </div>
          {showFilters || isDesktop ? filters : null}
          <Space wrap>
            <Button size="small" icon={<DownloadOutlined />} href={exportUrl('xlsx', filter)} download>
              XLSX
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={exportUrl('csv', filter)} download>
              CSV
            </Button>
            {list.data ? (
              <Typography.Text type="secondary">
                {list.data.totalIsAtLeast
                  ? t('records.totalAtLeast', { count: list.data.total })
                  : t('common.total', { count: list.data.total })}
              </Typography.Text>
            ) : null}
          </Space>
        </Space>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ActivityListItem>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={items}
        rowSelection={
          reviewable.length || selected.size
            ? {
                selectedRowKeys: items.filter((record) => selected.has(record.id)).map((record) => record.id),
                getCheckboxProps: (record) => ({
                  disabled: !record.canReview,
                  'aria-label': t('bulkReview.select', { title: record.title }),
                }),
                onSelect: (record, isSelected) => toggle([record.id], isSelected),
                onSelectAll: (isSelected) => toggle(reviewable, isSelected),
                columnWidth: 40,
                // A tap on the box selects the record; it must not also open it (the row's click).
                renderCell: (_checked, _record, _index, node) => (
                  // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click; the checkbox inside takes the keyboard
                  // biome-ignore lint/a11y/useKeyWithClickEvents: only stops the click; the checkbox inside takes the keyboard
                  <span onClick={(event) => event.stopPropagation()}>{node}</span>
                ),
              }
            : undefined
        }
        onRow={(record) => ({ onClick: () => setOpenId(record.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          simple: !isDesktop,
        }}
        columns={[
          {
            title: t('record.date'),
            width: 96,
            render: (_, record) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDay(record.occurredOn)}</span>
            ),
          },
          {
            title: t('record.headline'),
            render: (_, record) => (
              <>
                <Typography.Link onClick={() => setOpenId(record.id)}>{record.title}</Typography.Link>
                <div>
                  <Space wrap size={4}>
                    <Tag>{label(ACTIVITY_KIND_LABELS[record.kind])}</Tag>
                    {record.channelName ? (
                      <Typography.Text type="secondary">
                        <ChannelName name={record.channelName} kind={record.channelKind} />
                      </Typography.Text>
                    ) : null}
                    {isDesktop ? null : <Typography.Text type="secondary">{record.unitName}</Typography.Text>}
                    {isDesktop ? null : (
                      <Tag color={REVIEW_COLOURS[record.reviewStatus]}>
                        {t(`records.review.${record.reviewStatus}`)}
                      </Tag>
                    )}
                    {record.duplicateOfId ? <Tag color="orange">{t('records.duplicate')}</Tag> : null}
                    {record.deletedAt ? <Tag color="red">{t('records.deleted')}</Tag> : null}
                    {record.language !== 'vi' ? (
                      <Tag color="purple">{languageName(record.language)}</Tag>
                    ) : null}
                  </Space>
                </div>
              </>
            ),
          },
          ...(isDesktop
            ? [
                {
                  title: t('record.unit'),
                  width: 200,
                  render: (_: unknown, record: ActivityListItem) => record.unitName,
                },
                {
                  title: t('records.provenance'),
                  width: 120,
                  render: (_: unknown, record: ActivityListItem) =>
                    label(PROVENANCE_LABELS[record.provenance]),
                },
                {
                  title: t('records.reviewStatus'),
                  width: 130,
                  render: (_: unknown, record: ActivityListItem) => (
                    <Tag color={REVIEW_COLOURS[record.reviewStatus]}>
                      {t(`records.review.${record.reviewStatus}`)}
                    </Tag>
                  ),
                },
              ]
            : []),
        ]}
      />
      <BulkReviewBar selectedIds={[...selected]} onClear={() => setSelected(new Set())} />
      <RecordDrawer activityId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </Space>
  );
}

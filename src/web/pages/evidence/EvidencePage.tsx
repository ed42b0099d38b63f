import { FileTextOutlined, FilterOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../shared/activities';
import { type Evidence, type EvidenceFilter, useUnitActions, useUnitEvidence } from '../../api/evidence';
import { DayRangePicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, toIsoDay } from '../../format/dates';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { UnitChoice, useChosenUnit } from '../library/UnitChoice';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EVIDENCE_KIND_KEYS, EvidenceFacts } from './EvidenceFacts';
import { EvidenceForm } from './EvidenceForm';

const PAGE_SIZE = 20;

/** Where an item was made and by whom, and how many records it backs. */
function EvidenceOrigin({ evidence, showUnit }: { evidence: Evidence; showUnit: boolean }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {[
        showUnit ? evidence.unitName : null,
        formatDateTime(evidence.createdAt),
        evidence.createdByName,
        t('library.evidence.linkCount', { count: evidence.linkCount }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </Typography.Text>
  );
}

/** The three ways to add evidence; each opens the same form on its own kind. */
function AddEvidenceButtons({ onAdd }: { onAdd: (kind: EvidenceKind) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Button type="primary" icon={<UploadOutlined />} onClick={() => onAdd('file')}>
        {t('library.evidence.addFile')}
      </Button>
      <Button icon={<LinkOutlined />} onClick={() => onAdd('url')}>
        {t('library.evidence.addUrl')}
      </Button>
      <Button icon={<FileTextOutlined />} onClick={() => onAdd('citation')}>
        {t('library.evidence.addCitation')}
      </Button>
    </Space>
  );
}

/** A unit's evidence (current versions, or all), filtered, with the three ways to add more. */
export function EvidencePage() {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useChosenUnit();
  const actions = useUnitActions(unitId);
  const canAdd = actions.includes('activity.record');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EvidenceKind | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [subtree, setSubtree] = useState(false);
  const [allVersions, setAllVersions] = useState(false);
  const [page, setPage] = useState(1);
  const [showFilters, setShowFilters] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState<EvidenceKind | null>(null);
  const q = useDebouncedValue(text, 300).trim();

  const filter: EvidenceFilter = {
    q: q || undefined,
    kind,
    from: period?.[0] ? toIsoDay(period[0]) : undefined,
    to: period?.[1] ? toIsoDay(period[1]) : undefined,
    subtree: subtree ? 'true' : undefined,
    allVersions: allVersions ? 'true' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useUnitEvidence(unitId ?? undefined, filter);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const filters = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
      <Select
        allowClear
        aria-label={t('library.evidence.kindLabel')}
        placeholder={t('library.evidence.kindLabel')}
        value={kind}
        onChange={reset(setKind)}
        options={EVIDENCE_KINDS.map((value) => ({ value, label: t(EVIDENCE_KIND_KEYS[value]) }))}
      />
      <DayRangePicker
        value={period}
        onChange={(value) => reset(setPeriod)(value)}
        allowEmpty={[true, true]}
        aria-label={t('library.evidence.period')}
        placeholder={[t('records.from'), t('records.to')]}
      />
      <Checkbox checked={subtree} onChange={(event) => reset(setSubtree)(event.target.checked)}>
        {t('library.evidence.subtree')}
      </Checkbox>
      <Checkbox checked={allVersions} onChange={(event) => reset(setAllVersions)(event.target.checked)}>
        {t('library.evidence.allVersions')}
      </Checkbox>
    </div>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('library.evidence.pageTitle')}
      </Typography.Title>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <UnitChoice value={unitId} onChange={reset(setUnitId)} />
          <div style={{ display: 'flex', gap: 8 }}>
            <Input.Search
              allowClear
              aria-label={t('library.evidence.search')}
              placeholder={t('library.evidence.search')}
              value={text}
              onChange={(event) => reset(setText)(event.target.value)}
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
          {list.data ? (
            <Typography.Text type="secondary">
              {t('common.total', { count: list.data.total })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {unitId && canAdd ? <AddEvidenceButtons onAdd={setAdding} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {unitId ? (
        <Table<Evidence>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('library.evidence.empty') }}
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
              title: t('library.evidence.pageTitle'),
              render: (_, evidence) => (
                <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                  <EvidenceFacts evidence={evidence} onOpen={() => setOpenId(evidence.id)} />
                  {isDesktop ? null : <EvidenceOrigin evidence={evidence} showUnit={subtree} />}
                </Space>
              ),
            },
            ...(isDesktop
              ? [
                  {
                    title: t('library.evidence.origin'),
                    width: 260,
                    render: (_: unknown, evidence: Evidence) => (
                      <EvidenceOrigin evidence={evidence} showUnit={subtree} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Empty description={t('library.chooseUnit')} />
      )}
      <EvidenceDrawer evidenceId={openId} onClose={() => setOpenId(null)} onReplaced={setOpenId} />
      <Modal
        open={Boolean(adding && unitId)}
        title={t('library.evidence.add')}
        footer={null}
        onCancel={() => setAdding(null)}
        destroyOnHidden
      >
        {adding && unitId ? (
          <EvidenceForm
            target={{ unitId }}
            initialKind={adding}
            submitText={t('library.evidence.save')}
            onCancel={() => setAdding(null)}
            onSaved={(created) => {
              void message.success(t('library.evidence.saved', { title: created.title }));
              setAdding(null);
              setOpenId(created.id);
            }}
          />
        ) : null}
      </Modal>
    </Space>
  );
}

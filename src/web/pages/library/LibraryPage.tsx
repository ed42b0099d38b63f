import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  LIBRARY_ITEM_KIND_LABELS,
  LIBRARY_ITEM_KINDS,
  type LibraryItemKind,
} from '../../../shared/activities';
import { useUnitActions } from '../../api/evidence';
import { type LibraryFilter, type LibraryItem, useLibraryItems } from '../../api/library';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { LibraryItemDrawer } from './LibraryItemDrawer';
import { LibraryKindTag, PublicationTag } from './library-kinds';
import { PublishLibraryModal } from './PublishLibraryModal';
import { UnitChoice, useChosenUnit, useGrantUnits } from './UnitChoice';
import { useVocabularyNames, type VocabularyNames } from './use-vocabulary-names';

const PAGE_SIZE = 20;
type Status = 'published' | 'draft';

/** Language, translations, topics, usage: what tells an officer whether an item fits their broadcast. */
function ItemFacts({ item, vocabulary }: { item: LibraryItem; vocabulary: VocabularyNames }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
      <Space wrap size={4}>
        <LibraryKindTag kind={item.kind} />
        <Tag color="purple">{vocabulary.languageName(item.language)}</Tag>
        {item.translationLanguages.map((code) => (
          <Tag key={code} color="purple" bordered={false}>
            + {vocabulary.languageName(code)}
          </Tag>
        ))}
        <PublicationTag publishedAt={item.publishedAt} />
      </Space>
      {item.topics.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.topics.map(vocabulary.topicName).join(', ')}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {item.ownerUnitName} · {t('library.usage', { count: item.usageCount })}
      </Typography.Text>
    </Space>
  );
}

/**
 * The library a unit may use (what it and the units above it published), searchable by kind and
 * text; DX offices publish new material and see their drafts.
 */
export function LibraryPage() {
  const { t, label } = useI18n();
  const isDesktop = useIsDesktop();
  const units = useGrantUnits();
  const [unitId, setUnitId] = useChosenUnit();
  const canPublish = useUnitActions(unitId).includes('library.publish');
  const vocabulary = useVocabularyNames(unitId ?? undefined);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<LibraryItemKind | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const [showFilters, setShowFilters] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [isPublishing, setPublishing] = useState(false);
  const q = useDebouncedValue(text, 300).trim();

  const filter: LibraryFilter = {
    unitId: unitId ?? undefined,
    q: q || undefined,
    kind,
    draft: status === undefined ? undefined : String(status === 'draft'),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useLibraryItems(filter);
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
        aria-label={t('library.kind')}
        placeholder={t('library.kind')}
        value={kind}
        onChange={reset(setKind)}
        options={LIBRARY_ITEM_KINDS.map((value) => ({
          value,
          label: label(LIBRARY_ITEM_KIND_LABELS[value]),
        }))}
      />
      {canPublish ? (
        <Select
          allowClear
          aria-label={t('library.status')}
          placeholder={t('library.status')}
          value={status}
          onChange={reset(setStatus)}
          options={[
            { value: 'published', label: t('library.statusPublished') },
            { value: 'draft', label: t('library.draft') },
          ]}
        />
      ) : null}
    </div>
  );

  const titleCell = (item: LibraryItem, details: ReactNode) => (
    <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
      <Typography.Link strong onClick={() => setOpenId(item.id)} style={{ wordBreak: 'break-word' }}>
        {item.title}
      </Typography.Link>
      {details}
    </Space>
  );
  // Phones: one column with everything stacked; wide screens: the facts in columns of their own.
  const phoneColumns: TableColumnsType<LibraryItem> = [
    {
      title: t('library.itemTitle'),
      render: (_, item) => titleCell(item, <ItemFacts item={item} vocabulary={vocabulary} />),
    },
  ];
  const desktopColumns: TableColumnsType<LibraryItem> = [
    {
      title: t('library.itemTitle'),
      render: (_, item) =>
        titleCell(
          item,
          <>
            {item.summary ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {item.summary}
              </Typography.Paragraph>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[item.ownerUnitName, item.topics.map(vocabulary.topicName).join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </>,
        ),
    },
    { title: t('library.kind'), width: 150, render: (_, item) => <LibraryKindTag kind={item.kind} /> },
    {
      title: t('library.languages'),
      width: 170,
      render: (_, item) => (
        <Space wrap size={4}>
          <Tag color="purple">{vocabulary.languageName(item.language)}</Tag>
          {item.translationLanguages.map((code) => (
            <Tag key={code} color="purple" bordered={false}>
              + {vocabulary.languageName(code)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('library.publication'),
      width: 170,
      render: (_, item) => <PublicationTag publishedAt={item.publishedAt} />,
    },
    {
      title: t('library.usageLabel'),
      width: 90,
      align: 'right',
      render: (_, item) => item.usageCount,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20, flex: '1 1 auto' }}>
          {t('library.title')}
        </Typography.Title>
        {canPublish && unitId ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
            {t('library.publish')}
          </Button>
        ) : null}
      </div>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <UnitChoice value={unitId} onChange={reset(setUnitId)} />
          <div style={{ display: 'flex', gap: 8 }}>
            <Input.Search
              allowClear
              aria-label={t('library.search')}
              placeholder={t('library.search')}
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
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<LibraryItem>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('library.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          simple: !isDesktop,
        }}
        columns={isDesktop ? desktopColumns : phoneColumns}
      />
      <LibraryItemDrawer itemId={openId} onClose={() => setOpenId(null)} />
      {unitId && canPublish ? (
        <PublishLibraryModal
          open={isPublishing}
          unitId={unitId}
          unitName={units.find((unit) => unit.id === unitId)?.name ?? ''}
          vocabulary={vocabulary}
          onClose={() => setPublishing(false)}
          onPublished={(item) => {
            setPublishing(false);
            setOpenId(item.id);
          }}
        />
      ) : null}
    </Space>
  );
}

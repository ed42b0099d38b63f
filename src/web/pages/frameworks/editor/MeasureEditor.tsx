import { Collapse, Select, Typography } from 'antd';
import {
  BROADCAST_SOURCE_LABELS,
  CHANNEL_KIND_LABELS,
  CHANNEL_PLATFORM_LABELS,
  DEFAULT_LANGUAGES,
  DEFAULT_TOPICS,
  GENRE_LABELS,
  PROVENANCE_LABELS,
} from '../../../../shared/activities';
import { MEASURE_SOURCES } from '../../../../shared/frameworks/definition';
import { type I18n, useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages-vi';
import { type FilterDraft, measureSourceList, sourceValueOf } from './draft';
import { type DraftPath, domIdOf, getIn } from './draft-paths';
import { useEditor, useErrorCountUnder } from './editor-context';
import {
  BlockIssues,
  CheckField,
  type Choice,
  FieldRow,
  FieldShell,
  MultiSelectField,
  SelectField,
  TextField,
} from './fields';

/**
 * The fields of a measure (which records a rule counts) and of a channel (whether the unit has one).
 * Each filter of the schema is one line of MEASURE_FILTERS: a filter added to measureSchema needs one
 * more line here and its label in the editor's messages, nothing else (the draft passes keys through).
 */

type Labels = Record<string, { vi: string; en: string }>;
type FilterField =
  | { key: string; label: MessageKey; kind: 'multi' | 'tags'; options: (i18n: I18n) => Choice[] }
  | { key: string; label: MessageKey; kind: 'flag' | 'text' };

const fromLabels =
  (labels: Labels) =>
  ({ label }: I18n): Choice[] =>
    Object.entries(labels).map(([value, text]) => ({ value, label: label(text) }));
const fromList =
  (list: ReadonlyArray<{ code: string; vi: string; en: string }>) =>
  ({ label }: I18n): Choice[] =>
    list.map((entry) => ({ value: entry.code, label: `${label(entry)} (${entry.code})` }));

export const MEASURE_FILTERS: readonly FilterField[] = [
  {
    key: 'channelKinds',
    label: 'frameworkEditor.measure.channelKinds',
    kind: 'multi',
    options: fromLabels(CHANNEL_KIND_LABELS),
  },
  {
    key: 'platforms',
    label: 'frameworkEditor.measure.platforms',
    kind: 'multi',
    options: fromLabels(CHANNEL_PLATFORM_LABELS),
  },
  { key: 'topics', label: 'frameworkEditor.measure.topics', kind: 'tags', options: fromList(DEFAULT_TOPICS) },
  {
    key: 'genres',
    label: 'frameworkEditor.measure.genres',
    kind: 'multi',
    options: fromLabels(GENRE_LABELS),
  },
  {
    key: 'languages',
    label: 'frameworkEditor.measure.languages',
    kind: 'tags',
    options: fromList(DEFAULT_LANGUAGES),
  },
  {
    key: 'provenances',
    label: 'frameworkEditor.measure.provenances',
    kind: 'multi',
    options: fromLabels(PROVENANCE_LABELS),
  },
  {
    key: 'broadcastSources',
    label: 'frameworkEditor.measure.broadcastSources',
    kind: 'multi',
    options: fromLabels(BROADCAST_SOURCE_LABELS),
  },
  { key: 'ethnicLanguagesOnly', label: 'frameworkEditor.measure.ethnicLanguagesOnly', kind: 'flag' },
  { key: 'translationsOnly', label: 'frameworkEditor.measure.translationsOnly', kind: 'flag' },
  { key: 'verifiedOnly', label: 'frameworkEditor.measure.verifiedOnly', kind: 'flag' },
  { key: 'acceptedOnly', label: 'frameworkEditor.measure.acceptedOnly', kind: 'flag' },
  { key: 'eachVersion', label: 'frameworkEditor.measure.eachVersion', kind: 'flag' },
];

function FilterFieldView({ field, path }: { field: FilterField; path: DraftPath }) {
  const i18n = useI18n();
  const at = [...path, field.key];
  const label = i18n.t(field.label);
  if (!('options' in field))
    return field.kind === 'flag' ? (
      <CheckField path={at} label={label} />
    ) : (
      <TextField path={at} label={label} />
    );
  return (
    <MultiSelectField path={at} label={label} options={field.options(i18n)} tags={field.kind === 'tags'} />
  );
}

/** Filters in use, so a measure with filters shows them open. */
function activeFilters(measure: FilterDraft): number {
  return MEASURE_FILTERS.filter((field) => {
    const value = measure[field.key];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== '';
  }).length;
}

export function MeasureEditor({ path }: { path: DraftPath }) {
  const { t } = useI18n();
  const { draft, update } = useEditor();
  const measure = (getIn(draft, path) ?? {}) as FilterDraft;
  const active = activeFilters(measure);
  const errorsBelow = useErrorCountUnder(path);
  const kinds = measureSourceList(measure);
  // The default noun of a single source, shown until the officer writes another.
  const source = kinds.length === 1 ? MEASURE_SOURCES.find((candidate) => candidate === kinds[0]) : undefined;
  const sources: Choice[] = MEASURE_SOURCES.map((value) => ({
    value,
    label: `${t(`frameworks.noun.${value}`)} (${value})`,
  }));
  return (
    <div id={domIdOf(path)}>
      <BlockIssues path={path} />
      <FieldRow>
        <FieldShell
          path={[...path, 'source']}
          label={t('frameworkEditor.measure.sources')}
          hint={t('frameworkEditor.measure.sourcesHint')}
          items
        >
          <Select<string[]>
            id={domIdOf([...path, 'source'])}
            mode="multiple"
            value={kinds}
            options={sources.map((option) => ({ ...option }))}
            onChange={(next) => update([...path, 'source'], sourceValueOf(next))}
            style={{ width: '100%' }}
          />
        </FieldShell>
        <TextField
          path={[...path, 'noun']}
          label={t('frameworkEditor.measure.noun')}
          placeholder={source ? t(`frameworks.noun.${source}`) : undefined}
        />
      </FieldRow>
      <Collapse
        size="small"
        defaultActiveKey={active > 0 || errorsBelow > 0 ? ['filters'] : []}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'filters',
            label: (
              <Typography.Text>{t('frameworkEditor.measure.filters', { count: active })}</Typography.Text>
            ),
            children: (
              <FieldRow min={220}>
                {MEASURE_FILTERS.map((field) => (
                  <FilterFieldView key={field.key} field={field} path={path} />
                ))}
              </FieldRow>
            ),
          },
        ]}
      />
    </div>
  );
}

/** Whether the unit has a channel of some kinds during the period, and from when it must exist. */
export function ChannelEditor({ path }: { path: DraftPath }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div id={domIdOf(path)}>
      <BlockIssues path={path} />
      <FieldRow>
        <MultiSelectField
          path={[...path, 'channelKinds']}
          label={t('frameworkEditor.channel.kinds')}
          options={fromLabels(CHANNEL_KIND_LABELS)(i18n)}
          required
        />
        <MultiSelectField
          path={[...path, 'platforms']}
          label={t('frameworkEditor.measure.platforms')}
          options={fromLabels(CHANNEL_PLATFORM_LABELS)(i18n)}
        />
        <SelectField
          path={[...path, 'startedBy']}
          label={t('frameworkEditor.channel.startedBy')}
          allowClear
          placeholder={t('frameworkEditor.channel.startedBy.period_end')}
          options={[
            { value: 'period_end', label: t('frameworkEditor.channel.startedBy.period_end') },
            { value: 'period_start', label: t('frameworkEditor.channel.startedBy.period_start') },
          ]}
        />
        <TextField path={[...path, 'noun']} label={t('frameworkEditor.channel.noun')} />
      </FieldRow>
    </div>
  );
}

import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type Evidence, useUnitEvidence } from '../../api/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDay } from '../../format/dates';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useI18n } from '../../i18n/I18nProvider';
import { EVIDENCE_KIND_KEYS, EvidenceFacts } from './EvidenceFacts';

/** Finds one of the unit's current evidence items by typing (no accents needed) and attaches it. */
export function ExistingEvidencePicker(props: {
  unitId: string;
  linkedIds: readonly string[];
  onLink: (evidence: Evidence) => void;
  linking: boolean;
  /** The button's words: where the item is attached to. */
  linkText: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  // The item itself, not its id: a later search that no longer finds it must not lose the choice.
  const [chosen, setChosen] = useState<Evidence | undefined>();
  const q = useDebouncedValue(text, 300).trim();
  const list = useUnitEvidence(props.unitId, { q: q || undefined, limit: 30 });
  const found = (list.data?.items ?? []).filter((item) => !props.linkedIds.includes(item.id));
  const candidates = chosen && !found.some((item) => item.id === chosen.id) ? [chosen, ...found] : found;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Select<string>
        aria-label={t('library.evidence.pickExisting')}
        placeholder={t('library.evidence.searchExisting')}
        showSearch={{ filterOption: false, onSearch: setText }}
        loading={list.isFetching}
        value={chosen?.id}
        onChange={(id) => setChosen(candidates.find((item) => item.id === id))}
        notFoundContent={t('library.evidence.empty')}
        options={candidates.map((item) => ({
          value: item.id,
          label: `${item.title} (${t(EVIDENCE_KIND_KEYS[item.kind])})`,
        }))}
        optionRender={(option) => {
          const item = candidates.find((candidate) => candidate.id === option.value);
          return (
            <div style={{ whiteSpace: 'normal' }}>
              <div>{item?.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item ? t(EVIDENCE_KIND_KEYS[item.kind]) : ''}
                {item?.documentNumber ? ` · ${item.documentNumber}` : ''}
                {item?.documentDate ? ` · ${formatDay(item.documentDate)}` : ''}
                {item?.file ? ` · ${item.file.originalName}` : ''}
              </Typography.Text>
            </div>
          );
        }}
        style={{ width: '100%' }}
      />
      {chosen ? <EvidenceFacts evidence={chosen} /> : null}
      <Button
        type="primary"
        disabled={!chosen}
        loading={props.linking}
        onClick={() => chosen && props.onLink(chosen)}
      >
        {props.linkText}
      </Button>
    </Space>
  );
}

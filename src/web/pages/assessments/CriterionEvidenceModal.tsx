import { App, Button, Modal, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLinkCriterionEvidence } from '../../api/assessments';
import { type Evidence, useUnitEvidence } from '../../api/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDay } from '../../format/dates';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { EVIDENCE_KIND_KEYS, EvidenceFacts } from '../evidence/EvidenceFacts';
import { EvidenceForm } from '../evidence/EvidenceForm';

/**
 * Finds one of the unit's evidence items by typing (no accents needed). The evidence page's own
 * picker attaches to records; this one hands the choice back to the criterion.
 */
function ExistingEvidencePicker(props: {
  unitId: string;
  linkedIds: readonly string[];
  linking: boolean;
  onLink: (evidence: Evidence) => void;
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
        {t('assessments.evidence.link')}
      </Button>
    </Space>
  );
}

/**
 * Attaches evidence to one criterion: a new item (file, address or document citation) created and
 * attached in one go, or one the unit already has.
 */
export function CriterionEvidenceModal(props: {
  open: boolean;
  assessmentId: string;
  unitId: string;
  criterionCode: string;
  linkedIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const link = useLinkCriterionEvidence(props.assessmentId);
  const [tab, setTab] = useState<'new' | 'existing'>('new');

  const attach = (evidence: { id: string; title: string }) =>
    link.mutate(
      { code: props.criterionCode, evidenceId: evidence.id },
      {
        onSuccess: () => {
          void message.success(
            t('assessments.evidence.linked', { title: evidence.title, code: props.criterionCode }),
          );
          link.reset();
          props.onClose();
        },
        // A new item that could not be attached still exists in the unit's list: the message says why.
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Modal
      open={props.open}
      title={t('assessments.evidence.modalTitle', { code: props.criterionCode })}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {link.error ? <ErrorAlert error={link.error} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'new' | 'existing')}
        items={[
          {
            key: 'new',
            label: t('library.evidence.newTab'),
            children: (
              <EvidenceForm
                target={{ unitId: props.unitId }}
                submitText={t('assessments.evidence.saveAndLink')}
                onSaved={attach}
              />
            ),
          },
          {
            key: 'existing',
            label: t('library.evidence.existingTab'),
            children: (
              <ExistingEvidencePicker
                unitId={props.unitId}
                linkedIds={props.linkedIds}
                linking={link.isPending}
                onLink={attach}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

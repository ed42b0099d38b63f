import { App, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { useLinkEvidence } from '../../api/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { EvidenceForm } from './EvidenceForm';
import { ExistingEvidencePicker } from './ExistingEvidencePicker';

/**
 * Attaches evidence to a record: one the unit already has, or a new one (file, address or document
 * citation) created and attached in one go.
 */
export function LinkEvidenceModal(props: {
  open: boolean;
  activityId: string;
  unitId: string;
  linkedIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const link = useLinkEvidence();
  const [tab, setTab] = useState<'new' | 'existing'>('new');

  const attach = (evidence: { id: string; title: string }) =>
    link.mutate(
      { evidenceId: evidence.id, activityId: props.activityId },
      {
        onSuccess: () => {
          void message.success(t('library.evidence.linked', { title: evidence.title }));
          link.reset();
          props.onClose();
        },
        // A new item that could not be attached still exists: the message says so, it stays listed.
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <Modal
      open={props.open}
      title={t('library.evidence.attach')}
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
                submitText={t('library.evidence.saveAndLink')}
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
                linkText={t('library.evidence.link')}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

import { App, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { useLinkCriterionEvidence } from '../../api/assessments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { EvidenceForm } from '../evidence/EvidenceForm';
import { ExistingEvidencePicker } from '../evidence/ExistingEvidencePicker';
import { ScheduleEvidencePicker } from '../evidence/ScheduleEvidencePicker';

type Tab = 'new' | 'existing' | 'schedule';

/**
 * Attaches evidence to one criterion: a new item (file, address or document citation) created and
 * attached in one go, one the unit already has, or one of its issued broadcast schedules.
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
  const [tab, setTab] = useState<Tab>('new');

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
        onChange={(key) => setTab(key as Tab)}
        // Three short tabs stay side by side on a 360 px phone (no "more" menu hiding one).
        tabBarGutter={16}
        items={[
          {
            key: 'new',
            label: t('evidence.tabNew'),
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
            label: t('evidence.tabExisting'),
            children: (
              <ExistingEvidencePicker
                unitId={props.unitId}
                linkedIds={props.linkedIds}
                linking={link.isPending}
                onLink={attach}
                linkText={t('assessments.evidence.link')}
              />
            ),
          },
          {
            key: 'schedule',
            label: t('evidence.scheduleTab'),
            children: (
              <ScheduleEvidencePicker
                unitId={props.unitId}
                linkedIds={props.linkedIds}
                linking={link.isPending}
                onLink={attach}
                linkText={t('evidence.scheduleLink')}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

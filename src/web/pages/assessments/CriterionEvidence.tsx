import { DisconnectOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type AssessmentCriterion, useUnlinkCriterionEvidence } from '../../api/assessments';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { EvidenceDrawer } from '../evidence/EvidenceDrawer';
import { EvidenceFacts } from '../evidence/EvidenceFacts';
import { canPreview } from '../evidence/EvidencePreview';
import { CriterionEvidenceModal } from './CriterionEvidenceModal';

/**
 * The evidence behind a criterion: what the framework expects, whether it is required, the items
 * attached, and (while the unit may edit) attaching and detaching them.
 */
export function CriterionEvidence(props: {
  assessmentId: string;
  unitId: string;
  criterion: AssessmentCriterion;
  editable: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const unlink = useUnlinkCriterionEvidence();
  const [isOpen, setOpen] = useState(false);
  // The item opened in the drawer: its preview (a PDF or a photo), versions and records.
  const [openId, setOpenId] = useState<string | null>(null);
  const { criterion } = props;
  const missing = criterion.evidenceRequired && criterion.evidence.length === 0;

  return (
    <section aria-label={t('assessments.evidence.title', { code: criterion.code })}>
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text strong>
          <PaperClipOutlined /> {t('assessments.evidence.heading', { count: criterion.evidence.length })}
        </Typography.Text>
        {criterion.evidenceRequired ? (
          <Tag color={missing ? 'red' : 'orange'}>{t('scoring.evidenceRequired')}</Tag>
        ) : null}
      </Space>
      {criterion.evidenceHint ? (
        <div>
          <Typography.Text type="secondary">{t('scoring.evidence')}: </Typography.Text>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{criterion.evidenceHint}</Typography.Text>
        </div>
      ) : null}
      {criterion.evidence.length === 0 ? (
        <Typography.Text type={missing ? 'danger' : 'secondary'}>
          {missing ? t('assessments.evidence.missing') : t('assessments.evidence.none')}
        </Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: '4px 0', padding: 0 }}>
          {criterion.evidence.map((evidence) => (
            <li
              key={evidence.linkId}
              data-evidence-id={evidence.id}
              style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0', minWidth: 0 }}
            >
              <EvidenceFacts evidence={evidence} onOpen={() => setOpenId(evidence.id)} />
              {evidence.file && canPreview(evidence.file) ? (
                <Button
                  size="small"
                  type="link"
                  icon={<EyeOutlined />}
                  style={{ paddingInline: 0, marginInlineEnd: 12 }}
                  onClick={() => setOpenId(evidence.id)}
                >
                  {t('evidence.preview')}
                </Button>
              ) : null}
              {props.editable ? (
                <Popconfirm
                  title={t('assessments.evidence.unlinkConfirm', { code: criterion.code })}
                  description={t('library.evidence.unlinkHint')}
                  okText={t('library.evidence.unlink')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    unlink.mutateAsync(evidence.linkId).then(
                      () => void message.success(t('library.evidence.unlinked')),
                      (error: unknown) => void message.error(errorText(error)),
                    )
                  }
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DisconnectOutlined />}
                    style={{ paddingInline: 0 }}
                  >
                    {t('library.evidence.unlink')}
                  </Button>
                </Popconfirm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.editable ? (
        <div style={{ marginTop: 4 }}>
          <Button icon={<PaperClipOutlined />} onClick={() => setOpen(true)}>
            {t('assessments.evidence.attach')}
          </Button>
          <CriterionEvidenceModal
            open={isOpen}
            assessmentId={props.assessmentId}
            unitId={props.unitId}
            criterionCode={criterion.code}
            linkedIds={criterion.evidence.map((item) => item.id)}
            onClose={() => setOpen(false)}
          />
        </div>
      ) : null}
      <EvidenceDrawer evidenceId={openId} onClose={() => setOpenId(null)} onReplaced={setOpenId} />
    </section>
  );
}

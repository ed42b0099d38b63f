import { DisconnectOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useActivity, useActivityEvidence } from '../../api/activities';
import { useUnlinkEvidence } from '../../api/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';
import { EvidenceDrawer } from '../evidence/EvidenceDrawer';
import { EvidenceFacts } from '../evidence/EvidenceFacts';
import { canPreview } from '../evidence/EvidencePreview';
import { LinkEvidenceModal } from '../evidence/LinkEvidenceModal';

const boxStyle = { border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 } as const;

/** The evidence of one record (current versions), with attaching and detaching for those who may. */
export function RecordEvidenceSection({ activityId, canLink }: { activityId: string; canLink: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  // The drawer has loaded the record already: this reads the same cache entry, for its unit.
  const record = useActivity(activityId).data;
  const evidence = useActivityEvidence(activityId);
  const unlink = useUnlinkEvidence();
  const [isLinking, setLinking] = useState(false);
  // The item opened over the record: its preview (a photo or a PDF), versions and other records.
  const [openId, setOpenId] = useState<string | null>(null);
  const items = evidence.data?.items ?? [];

  return (
    <section aria-label={t('records.evidence')}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('records.evidence')}
        </Typography.Title>
        {canLink && record ? (
          <Button size="small" icon={<PaperClipOutlined />} onClick={() => setLinking(true)}>
            {t('library.evidence.attach')}
          </Button>
        ) : null}
      </div>
      {evidence.error ? <ErrorAlert error={evidence.error} /> : null}
      <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 8 }}>
        {!evidence.isLoading && items.length === 0 ? (
          <Typography.Text type="secondary">{t('library.evidence.noneOnRecord')}</Typography.Text>
        ) : null}
        {items.map((item) => (
          <div key={item.linkId} style={boxStyle} data-evidence-id={item.id}>
            <EvidenceFacts evidence={item} onOpen={() => setOpenId(item.id)} />
            {item.file && canPreview(item.file) ? (
              <Button
                size="small"
                type="link"
                icon={<EyeOutlined />}
                style={{ padding: 0, marginInlineEnd: 12 }}
                onClick={() => setOpenId(item.id)}
              >
                {t('evidence.preview')}
              </Button>
            ) : null}
            {canLink ? (
              <Popconfirm
                title={t('library.evidence.unlinkConfirm')}
                description={t('library.evidence.unlinkHint')}
                okText={t('library.evidence.unlink')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  unlink.mutateAsync(item.linkId).then(
                    () => void message.success(t('library.evidence.unlinked')),
                    (error: unknown) => void message.error(errorText(error)),
                  )
                }
              >
                <Button size="small" type="link" danger icon={<DisconnectOutlined />} style={{ padding: 0 }}>
                  {t('library.evidence.unlink')}
                </Button>
              </Popconfirm>
            ) : null}
          </div>
        ))}
      </Space>
      {record ? (
        <LinkEvidenceModal
          open={isLinking}
          activityId={activityId}
          unitId={record.unitId}
          linkedIds={items.map((item) => item.id)}
          onClose={() => setLinking(false)}
        />
      ) : null}
      <EvidenceDrawer evidenceId={openId} onClose={() => setOpenId(null)} onReplaced={setOpenId} />
    </section>
  );
}

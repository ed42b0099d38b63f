import { HistoryOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useEvidence } from '../../api/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDay } from '../../format/dates';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { EvidenceContentFacts, EvidenceTags } from './EvidenceFacts';
import { EvidenceForm } from './EvidenceForm';
import { canPreview, EvidencePreview } from './EvidencePreview';
import { EvidencePublicSwitch } from './EvidencePublicSwitch';

const boxStyle = { border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 } as const;

/**
 * One evidence item: what it holds, every version (files never change in place: a correction is a
 * new version, the old one kept), the records it is attached to, and a new version when allowed.
 */
export function EvidenceDrawer(props: {
  evidenceId: string | null;
  onClose: () => void;
  /** A new version became the current item: the drawer follows it. */
  onReplaced: (evidenceId: string) => void;
}) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const { message } = App.useApp();
  const query = useEvidence(props.evidenceId);
  const [isAddingVersion, setAddingVersion] = useState(false);
  const evidence = query.data;

  return (
    <Drawer
      open={Boolean(props.evidenceId)}
      onClose={props.onClose}
      size={isDesktop ? 560 : '100%'}
      title={t('library.evidence.detail')}
      loading={query.isLoading}
    >
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {evidence ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
            {evidence.title}
          </Typography.Title>
          <EvidenceTags evidence={evidence} />
          <EvidenceContentFacts evidence={evidence} />
          {evidence.file && canPreview(evidence.file) ? (
            <section aria-label={t('evidence.preview')}>
              <EvidencePreview file={evidence.file} />
            </section>
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'unit', label: t('record.unit'), children: evidence.unitName },
              {
                key: 'created',
                label: t('library.evidence.createdAt'),
                children: `${formatDateTime(evidence.createdAt)}${evidence.createdByName ? ` · ${evidence.createdByName}` : ''}`,
              },
            ]}
          />
          <EvidencePublicSwitch evidence={evidence} />
          {/* An issued schedule's document never changes: it has no versions. */}
          {evidence.canEdit &&
          evidence.isCurrent &&
          evidence.kind !== 'schedule' &&
          evidence.kind !== 'snapshot' ? (
            <Button icon={<HistoryOutlined />} onClick={() => setAddingVersion(true)}>
              {t('library.evidence.addVersion')}
            </Button>
          ) : null}

          <section>
            <Typography.Title level={5}>{t('library.evidence.links')}</Typography.Title>
            {evidence.links.length === 0 ? (
              <Typography.Text type="secondary">{t('library.evidence.noLinks')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {evidence.links.map((link) => (
                  <div key={link.id} style={{ wordBreak: 'break-word' }}>
                    {link.targetOccurredOn ? (
                      <Typography.Text type="secondary">
                        {formatDay(link.targetOccurredOn)} ·{' '}
                      </Typography.Text>
                    ) : null}
                    {link.targetTitle ?? link.targetId}
                  </div>
                ))}
              </Space>
            )}
          </section>

          <section>
            <Typography.Title level={5}>{t('library.evidence.versions')}</Typography.Title>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {evidence.versions.map((version) => (
                <div key={version.id} style={boxStyle}>
                  <Space wrap size={4} style={{ marginBottom: 4 }}>
                    <Tag color={version.isCurrent ? 'green' : 'default'}>
                      {t('library.evidence.version', { number: version.versionNumber })}
                    </Tag>
                    {version.isCurrent ? (
                      <Typography.Text type="success">{t('library.evidence.current')}</Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary">
                      {formatDateTime(version.createdAt)}
                      {version.createdByName ? ` · ${version.createdByName}` : ''}
                    </Typography.Text>
                  </Space>
                  <div style={{ wordBreak: 'break-word' }}>{version.title}</div>
                  <EvidenceContentFacts evidence={version} />
                </div>
              ))}
            </Space>
          </section>
        </Space>
      ) : null}
      <Modal
        open={isAddingVersion && Boolean(evidence)}
        title={t('library.evidence.addVersion')}
        footer={null}
        onCancel={() => setAddingVersion(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('library.evidence.versionHint')}</Typography.Paragraph>
        {evidence ? (
          <EvidenceForm
            target={{ replaces: evidence }}
            submitText={t('library.evidence.saveVersion')}
            onCancel={() => setAddingVersion(false)}
            onSaved={(created) => {
              void message.success(t('library.evidence.versionSaved', { number: created.versionNumber }));
              setAddingVersion(false);
              props.onReplaced(created.id);
            }}
          />
        ) : null}
      </Modal>
    </Drawer>
  );
}

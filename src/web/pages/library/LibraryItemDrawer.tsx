import { EditOutlined, RollbackOutlined, SendOutlined, TranslationOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StoredFile } from '../../api/evidence';
import { type LibraryTranslation, useLibraryItem, useUpdateLibraryItem } from '../../api/library';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';
import { FileFacts } from '../evidence/FileFacts';
import { EditLibraryModal } from './EditLibraryModal';
import { LibraryKindTag, PublicationTag } from './library-kinds';
import { TranslationModal } from './TranslationModal';
import { useVocabularyNames } from './use-vocabulary-names';

const boxStyle = { border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 } as const;

/** The file, with a player for audio and a picture for banners, so they are checked before use. */
function FilePreview({ file }: { file: StoredFile }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {file.mimeType.startsWith('audio/') ? (
        // biome-ignore lint/a11y/useMediaCaption: broadcast recordings have no caption track
        <audio controls preload="none" src={file.downloadUrl} style={{ width: '100%' }} />
      ) : null}
      {file.mimeType.startsWith('image/') ? (
        <img src={file.downloadUrl} alt={file.originalName} style={{ maxWidth: '100%', height: 'auto' }} />
      ) : null}
      <FileFacts file={file} />
    </Space>
  );
}

/** Long text with its line breaks, copyable as a whole (officers paste scripts into their own tools). */
function BodyText({ text, rows }: { text: string; rows?: number }) {
  return (
    <Typography.Paragraph
      copyable={{ text }}
      ellipsis={rows ? { rows, expandable: 'collapsible' } : false}
      style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
    >
      {text}
    </Typography.Paragraph>
  );
}

function TranslationBox({
  translation,
  languageName,
}: {
  translation: LibraryTranslation;
  languageName: string;
}) {
  const { t } = useI18n();
  return (
    <div style={boxStyle}>
      <Space wrap size={4}>
        <Tag color="purple">{languageName}</Tag>
        <Typography.Text type="secondary">
          {t('library.usage', { count: translation.usageCount })}
        </Typography.Text>
      </Space>
      <div>
        <Typography.Text strong>{translation.title}</Typography.Text>
      </div>
      {translation.summary ? <Typography.Text type="secondary">{translation.summary}</Typography.Text> : null}
      {translation.body ? <BodyText text={translation.body} rows={4} /> : null}
      {translation.file ? <FilePreview file={translation.file} /> : null}
    </div>
  );
}

/** One library item: its text or file, its translations, and for its publishers edit and publish. */
export function LibraryItemDrawer(props: { itemId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const query = useLibraryItem(props.itemId);
  const update = useUpdateLibraryItem();
  const item = query.data;
  const vocabulary = useVocabularyNames(item?.ownerUnitId);
  const [isEditing, setEditing] = useState(false);
  const [isTranslating, setTranslating] = useState(false);

  const setPublishedAt = (publishedAt: string | null) => {
    if (!item) return;
    update.mutate(
      { itemId: item.id, changes: { publishedAt } },
      {
        onSuccess: () =>
          void message.success(
            publishedAt ? t('library.published', { title: item.title }) : t('library.unpublished'),
          ),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <Drawer
      open={Boolean(props.itemId)}
      onClose={props.onClose}
      size={isDesktop ? 640 : '100%'}
      title={t('library.detail')}
      loading={query.isLoading}
    >
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {item ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
            {item.title}
          </Typography.Title>
          <Space wrap size={4}>
            <LibraryKindTag kind={item.kind} />
            <Tag color="purple">{vocabulary.languageName(item.language)}</Tag>
            <PublicationTag publishedAt={item.publishedAt} />
          </Space>
          {item.canEdit ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('library.edit')}
              </Button>
              {item.isDraft ? (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={update.isPending}
                  onClick={() => setPublishedAt(new Date().toISOString())}
                >
                  {t('library.publishNow')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('library.unpublishConfirm')}
                  okText={t('library.unpublish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setPublishedAt(null)}
                >
                  <Button icon={<RollbackOutlined />} loading={update.isPending}>
                    {t('library.unpublish')}
                  </Button>
                </Popconfirm>
              )}
              <Button icon={<TranslationOutlined />} onClick={() => setTranslating(true)}>
                {t('library.addTranslation')}
              </Button>
            </Space>
          ) : null}
          {item.summary ? <Typography.Paragraph type="secondary">{item.summary}</Typography.Paragraph> : null}
          {item.body ? (
            <div style={boxStyle}>
              <BodyText text={item.body} />
            </div>
          ) : null}
          {item.file ? <FilePreview file={item.file} /> : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'owner', label: t('library.owner'), children: item.ownerUnitName },
              {
                key: 'topics',
                label: t('library.topics'),
                children: item.topics.map(vocabulary.topicName).join(', ') || '—',
              },
              {
                key: 'usage',
                label: t('library.usageLabel'),
                children: t('library.usage', { count: item.usageCount }),
              },
              {
                key: 'created',
                label: t('library.createdAt'),
                children: `${formatDateTime(item.createdAt)}${item.createdByName ? ` · ${item.createdByName}` : ''}`,
              },
            ]}
          />
          <section>
            <Typography.Title level={5}>{t('library.translations')}</Typography.Title>
            {item.translations.length === 0 ? (
              <Typography.Text type="secondary">{t('library.noTranslations')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {item.translations.map((translation) => (
                  <TranslationBox
                    key={translation.id}
                    translation={translation}
                    languageName={vocabulary.languageName(translation.language)}
                  />
                ))}
              </Space>
            )}
          </section>
        </Space>
      ) : null}
      {item ? (
        <>
          <EditLibraryModal
            item={item}
            open={isEditing}
            vocabulary={vocabulary}
            onClose={() => setEditing(false)}
          />
          <TranslationModal
            item={item}
            open={isTranslating}
            vocabulary={vocabulary}
            onClose={() => setTranslating(false)}
          />
        </>
      ) : null}
    </Drawer>
  );
}

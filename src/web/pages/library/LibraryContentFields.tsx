import { Form, Input } from 'antd';
import type { LibraryItemKind } from '../../../shared/activities';
import { useI18n } from '../../i18n/I18nProvider';
import { FilePicker } from '../evidence/FilePicker';
import { ACCEPT_BY_KIND, isTextKind } from './library-kinds';

/** Server field errors "topics.3" and "publishedAt" belong to the form's topic list and publish choice. */
export const LIBRARY_FIELD_ALIASES: Record<string, string> = {
  publishedAt: 'publish',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`topics.${index}`, 'topics'])),
};

/**
 * The content of an item or of a translation: title and summary, then the text (articles, scripts)
 * or the file (audio, banners, guidance). A file is only sent when the item is created.
 */
export function LibraryContentFields({ kind, withFile }: { kind: LibraryItemKind; withFile: boolean }) {
  const { t } = useI18n();
  const isText = isTextKind(kind);
  return (
    <>
      <Form.Item
        name="title"
        label={t('library.itemTitle')}
        rules={[{ required: true, whitespace: true, message: t('library.titleRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="summary" label={t('library.summary')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      {isText ? (
        <Form.Item
          name="body"
          label={t('library.body')}
          rules={[{ required: true, whitespace: true, message: t('library.bodyRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
      ) : null}
      {withFile ? (
        <Form.Item
          name="file"
          label={isText ? t('library.attachment') : t('library.file')}
          extra={t(`library.fileHint.${kind}`)}
          rules={isText ? [] : [{ required: true, message: t('library.evidence.fileRequired') }]}
        >
          <FilePicker accept={ACCEPT_BY_KIND[kind]} />
        </Form.Item>
      ) : null}
    </>
  );
}

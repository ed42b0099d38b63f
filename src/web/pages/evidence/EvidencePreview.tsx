import { ExportOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { StoredFile } from '../../api/evidence';
import { useI18n } from '../../i18n/I18nProvider';

/** The types the server sends inline (src/server/storage/content-disposition.ts); nothing else is embedded. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const PDF_TYPE = 'application/pdf';

export function canPreview(file: StoredFile): boolean {
  return file.mimeType === PDF_TYPE || IMAGE_TYPES.has(file.mimeType);
}

/**
 * A PDF or a picture shown in the page, so a reviewer reads the proof without downloading it. Phones
 * whose browser has no PDF viewer (Android Chrome) get a link that opens the file instead.
 */
export function EvidencePreview({ file }: { file: StoredFile }) {
  const { t } = useI18n();
  const title = t('evidence.previewTitle', { name: file.originalName });
  if (IMAGE_TYPES.has(file.mimeType)) {
    return (
      <a href={file.downloadUrl} target="_blank" rel="noreferrer" aria-label={title}>
        <img
          src={file.downloadUrl}
          alt={title}
          data-preview="image"
          style={{
            display: 'block',
            maxWidth: '100%',
            maxHeight: 480,
            objectFit: 'contain',
            border: '1px solid #f0f0f0',
            borderRadius: 4,
          }}
        />
      </a>
    );
  }
  if (file.mimeType !== PDF_TYPE) return null;
  if (typeof navigator !== 'undefined' && navigator.pdfViewerEnabled === false) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('evidence.previewNoPdf')}
        action={
          <Typography.Link href={file.downloadUrl} target="_blank" rel="noreferrer">
            <ExportOutlined /> {t('evidence.openFile')}
          </Typography.Link>
        }
      />
    );
  }
  return (
    <iframe
      src={file.downloadUrl}
      title={title}
      data-preview="pdf"
      style={{ width: '100%', height: '70vh', minHeight: 320, border: '1px solid #f0f0f0', borderRadius: 4 }}
    />
  );
}

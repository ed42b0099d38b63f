import { DownloadOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { StoredFile } from '../../api/evidence';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes, shortHash } from './file-format';

/** The SHA-256 of a file, short on screen, whole on hover and when copied. */
export function HashText({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12 }}
      copyable={{ text: sha256, tooltips: [t('library.evidence.copyHash'), t('library.evidence.copied')] }}
    >
      SHA-256:{' '}
      <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{sha256}</span>}>
        <code data-sha256={sha256}>{shortHash(sha256)}</code>
      </Tooltip>
    </Typography.Text>
  );
}

/** A stored file: its download link, size, the type found in its content, and its hash. */
export function FileFacts({ file }: { file: StoredFile }) {
  const { language } = useI18n();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Link
        href={file.downloadUrl}
        target="_blank"
        rel="noreferrer"
        style={{ wordBreak: 'break-word' }}
      >
        <DownloadOutlined /> {file.originalName}
      </Typography.Link>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBytes(file.sizeBytes, language)} · {file.mimeType}
        </Typography.Text>
      </div>
      <HashText sha256={file.sha256} />
    </div>
  );
}

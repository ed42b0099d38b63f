import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useSnapshot } from '../api/snapshots';
import { formatDateTime } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';
import { formatBytes } from '../pages/evidence/file-format';
import { ErrorAlert } from './ErrorAlert';

/** A SHA-256 in full (it is what people compare), monospace and copyable. */
function Hash({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value }} style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

/**
 * The page snapshot a record came from: when and from where the server received it, its status, its
 * hashes, links to the received body (plain text, never rendered) and the screenshot, and the plain
 * statement of what a snapshot proves and what it does not.
 */
export function SnapshotPanel({ snapshotId }: { snapshotId: string }) {
  const { t, language } = useI18n();
  const query = useSnapshot(snapshotId);
  const snapshot = query.data;
  return (
    <Card size="small" title={t('snapshots.title')} loading={query.isLoading}>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {snapshot ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('snapshots.statement')} />
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'fetchedAt',
                label: t('snapshots.fetchedAt'),
                children: formatDateTime(snapshot.fetchedAt),
              },
              {
                key: 'url',
                label: t('snapshots.url'),
                children: (
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{snapshot.url}</Typography.Text>
                ),
              },
              ...(snapshot.finalUrl !== snapshot.url
                ? [
                    {
                      key: 'finalUrl',
                      label: t('snapshots.finalUrl'),
                      children: (
                        <Typography.Text style={{ wordBreak: 'break-all' }}>
                          {snapshot.finalUrl}
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
              { key: 'status', label: t('snapshots.status'), children: String(snapshot.status) },
              {
                key: 'size',
                label: t('snapshots.size'),
                children: `${formatBytes(snapshot.bodyBytes, language)}${snapshot.contentType ? ` · ${snapshot.contentType}` : ''}`,
              },
              { key: 'sequence', label: t('snapshots.sequence'), children: String(snapshot.sequence) },
              {
                key: 'bodySha',
                label: t('snapshots.bodySha'),
                children: <Hash value={snapshot.bodySha256} />,
              },
              {
                key: 'manifestSha',
                label: t('snapshots.manifestSha'),
                children: <Hash value={snapshot.manifestSha256} />,
              },
              {
                key: 'previousSha',
                label: t('snapshots.previousSha'),
                children: snapshot.previousSha256 ? (
                  <Hash value={snapshot.previousSha256} />
                ) : (
                  t('snapshots.none')
                ),
              },
            ]}
          />
          <Space wrap>
            <Typography.Link href={snapshot.bodyUrl} target="_blank" rel="noreferrer">
              <DownloadOutlined /> {t('snapshots.body')}
            </Typography.Link>
            {snapshot.screenshotUrl ? (
              <Typography.Link href={snapshot.screenshotUrl} target="_blank" rel="noreferrer">
                <PictureOutlined /> {t('snapshots.screenshot')}
              </Typography.Link>
            ) : (
              <Typography.Text type="secondary">{t('snapshots.noScreenshot')}</Typography.Text>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('snapshots.verifyHint')}
          </Typography.Text>
        </Space>
      ) : null}
    </Card>
  );
}

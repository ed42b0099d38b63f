import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import type { FrameworkDetail } from '../../api/frameworks';
import { useI18n } from '../../i18n/I18nProvider';
import { copyText, downloadText } from './file-actions';

/** The file exactly as imported, in a block that scrolls on its own (long lines never widen the page). */
export function SourceCard({ framework }: { framework: FrameworkDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const format = framework.sourceFormat;
  const fileName = `${framework.code}-${framework.version}.${format === 'json' ? 'json' : 'yaml'}`;

  const copy = async () => {
    if (await copyText(framework.sourceText)) void message.success(t('frameworks.copied'));
    else void message.warning(t('frameworks.copyFailed'));
  };

  return (
    <Card size="small" title={t('frameworks.source', { format: format.toUpperCase() })}>
      <Space orientation="vertical" size="small" style={{ width: '100%', display: 'flex' }}>
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }}>
          {t('frameworks.sourceHint', { sha: framework.sha256 })}
        </Typography.Text>
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('frameworks.copy')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadText(
                fileName,
                framework.sourceText,
                format === 'json' ? 'application/json' : 'text/yaml',
              )
            }
          >
            {t('frameworks.download')}
          </Button>
        </Space>
        {/* Browsers make a scrolling block focusable, so keyboard users can scroll it too. */}
        <section
          aria-label={t('frameworks.source', { format: format.toUpperCase() })}
          style={{
            maxHeight: 480,
            overflow: 'auto',
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
          }}
        >
          <pre
            style={{
              margin: 0,
              padding: 12,
              // Monospace fonts with whole Vietnamese letters first (macOS, Windows, Android's Noto);
              // without one (a bare Linux) the diacritics are drawn apart but stay readable.
              fontFamily:
                'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono", "DejaVu Sans Mono", monospace',
              fontSize: 12,
              lineHeight: 1.5,
              whiteSpace: 'pre',
            }}
          >
            {framework.sourceText}
          </pre>
        </section>
      </Space>
    </Card>
  );
}

import { Alert, Button, Modal, Typography } from 'antd';
import type { RadioStationToken } from '../../api/radio';
import { useI18n } from '../../i18n/I18nProvider';

/** The push a radio vendor starts from: the station's token and one airing. */
function curlExample(token: string, code: string): string {
  const body = JSON.stringify({
    items: [
      {
        externalId: 'AR-2025-09-10-1700',
        stationCode: code,
        airedAt: '2025-09-10T17:00:00+07:00',
        durationSeconds: 600,
        programme: 'Chuyên mục Chuyển đổi số',
        title: 'Ngày Chuyển đổi số quốc gia',
      },
    ],
  });
  return [
    `curl -X POST ${window.location.origin}/api/radio/as-run \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}

/** A new or rotated token, shown once with a copy button and an example push. */
export function TokenModal(props: { issued: RadioStationToken | null; onClose: () => void }) {
  const { t } = useI18n();
  const { issued } = props;
  if (!issued) return null;
  const curl = curlExample(issued.token, issued.station.code);
  return (
    <Modal
      open
      title={t('radio.tokenTitle', { code: issued.station.code })}
      onCancel={props.onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t('radio.tokenClose')}
        </Button>
      }
      width={720}
    >
      <Alert type="warning" showIcon title={t('radio.tokenOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        code
        copyable={{ text: issued.token }}
        style={{ overflowWrap: 'anywhere' }}
        data-testid="radio-token"
      >
        {issued.token}
      </Typography.Paragraph>
      <Typography.Text strong>{t('radio.curl')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: curl }} style={{ marginTop: 4 }}>
        <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12, margin: 0 }}>
          {curl}
        </pre>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('radio.docs')}</Typography.Paragraph>
    </Modal>
  );
}

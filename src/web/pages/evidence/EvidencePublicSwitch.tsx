import { App, Space, Switch, Typography } from 'antd';
import type { EvidenceDetail } from '../../api/evidence';
import { useSetEvidencePublic } from '../../api/public-results';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** The province's DX office marks an item public: only then is it linked from the public results page. */
export function EvidencePublicSwitch({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const change = useSetEvidencePublic(evidence.id);
  if (!evidence.canMakePublic) return null;
  return (
    <section>
      <Space wrap>
        <Switch
          checked={evidence.isPublic}
          loading={change.isPending}
          aria-label={t('publicResults.evidence')}
          data-testid="evidence-public"
          onChange={(checked) =>
            change.mutate(checked, {
              onSuccess: () =>
                void message.success(t(checked ? 'publicResults.evidenceOn' : 'publicResults.evidenceOff')),
            })
          }
        />
        <Typography.Text>{t('publicResults.evidence')}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('publicResults.evidenceHint')}
      </Typography.Paragraph>
      {change.error ? <ErrorAlert error={change.error} /> : null}
    </section>
  );
}

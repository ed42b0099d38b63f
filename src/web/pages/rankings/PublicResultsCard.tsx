import { GlobalOutlined } from '@ant-design/icons';
import { App, Card, Space, Switch, Typography } from 'antd';
import { usePublicResultsSetting, useSetPublicResults } from '../../api/public-results';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The province's public results page, on its ranking: the DX office turns it on or off here, and
 * everyone sees the link once it is on (the page shows published appraisals only, without login).
 */
export function PublicResultsCard({ provinceId }: { provinceId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const setting = usePublicResultsSetting(provinceId);
  const change = useSetPublicResults(provinceId);
  const data = setting.data;
  if (!data || (!data.canManage && !data.isEnabled)) return null;
  return (
    <Card size="small" title={t('publicResults.title')} data-testid="public-results">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {data.canManage ? (
          <Space wrap>
            <Switch
              checked={data.isEnabled}
              loading={change.isPending}
              aria-label={t('publicResults.switch', { province: data.provinceName })}
              onChange={(checked) =>
                change.mutate(checked, {
                  onSuccess: () =>
                    void message.success(t(checked ? 'publicResults.turnedOn' : 'publicResults.turnedOff')),
                })
              }
            />
            <Typography.Text>{t('publicResults.switch', { province: data.provinceName })}</Typography.Text>
          </Space>
        ) : null}
        <Typography.Text type="secondary">
          {data.isEnabled ? t('publicResults.on') : t('publicResults.off', { province: data.provinceName })}
        </Typography.Text>
        {data.publicPath ? (
          <a href={data.publicPath} target="_blank" rel="noopener" data-testid="public-results-link">
            <GlobalOutlined /> {t('publicResults.open')} ({data.publicPath})
          </a>
        ) : null}
        {change.error ? <ErrorAlert error={change.error} /> : null}
      </Space>
    </Card>
  );
}

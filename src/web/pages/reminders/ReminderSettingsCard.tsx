import { App, Card, Switch, Typography } from 'antd';
import { useReminderSettings, useUpdateReminderSettings } from '../../api/reminders';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';

/** The province's switch for the Friday "no DX broadcast this week" reminder (on unless turned off). */
export function ReminderSettingsCard({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useReminderSettings(unitId);
  const update = useUpdateReminderSettings();
  if (!settings.data) return null;
  const { data } = settings;
  return (
    <Card
      size="small"
      title={t('reminders.settings.title', { province: data.provinceName })}
      style={{ marginBottom: 12 }}
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <Switch
          id="weekly-broadcast-reminders"
          checked={data.weeklyBroadcastReminders}
          disabled={!data.canEdit}
          loading={update.isPending}
          onChange={(checked) =>
            update.mutate(
              { unitId, weeklyBroadcastReminders: checked },
              {
                onSuccess: () => void message.success(t('reminders.settings.saved')),
                onError: (error) => void message.error(errorText(error)),
              },
            )
          }
        />
        <label htmlFor="weekly-broadcast-reminders">{t('reminders.settings.weekly')}</label>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('reminders.settings.daysHint')}
      </Typography.Paragraph>
    </Card>
  );
}

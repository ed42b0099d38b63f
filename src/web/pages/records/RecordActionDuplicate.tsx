import { Alert, App, Button, Space, Typography } from 'antd';
import { type ActivityDetail, useClearDuplicateFlag } from '../../api/activities';
import { formatDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * A record flagged as a suspected duplicate: which record it may repeat (opened in the drawer), and,
 * for a reviewer, "not a duplicate", after which the record counts again.
 */
export function RecordActionDuplicate(props: {
  record: ActivityDetail;
  onOpen?: (activityId: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const clear = useClearDuplicateFlag();
  const { record, onOpen } = props;
  const original = record.duplicateOf;
  if (!original) return null;

  const canResolve = record.actions.includes('resolveDuplicate');
  return (
    <Alert
      type="warning"
      showIcon
      title={t('records.duplicate')}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {t('recordActions.duplicateOf', {
              date: formatDay(original.occurredOn),
              unit: original.unitName,
            })}{' '}
            {onOpen ? (
              <Typography.Link onClick={() => onOpen(original.id)}>“{original.title}”</Typography.Link>
            ) : (
              <Typography.Text strong>“{original.title}”</Typography.Text>
            )}
            {original.deleted ? ` (${t('records.deleted')})` : null}
          </span>
          <Typography.Text type="secondary">{t('recordActions.duplicateNotCounted')}</Typography.Text>
          {canResolve ? (
            <Button
              size="small"
              loading={clear.isPending}
              onClick={() =>
                clear.mutate(
                  { activityId: record.id },
                  {
                    onSuccess: () => void message.success(t('recordActions.notDuplicateMessage')),
                    onError: (error) => void message.error(errorText(error)),
                  },
                )
              }
            >
              {t('recordActions.notDuplicate')}
            </Button>
          ) : null}
        </Space>
      }
    />
  );
}

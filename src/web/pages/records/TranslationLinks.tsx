import { List, Tag, Typography } from 'antd';
import type { ActivityDetail } from '../../api/activities';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

type ActivityRef = NonNullable<ActivityDetail['translationOf']>;

/** A record named by another one: its title opens it in the drawer when the drawer can switch. */
function RefTitle(props: { item: ActivityRef; onOpen?: (activityId: string) => void }) {
  const { t } = useI18n();
  const { onOpen, item } = props;
  return (
    <>
      {onOpen ? (
        <Typography.Link onClick={() => onOpen(item.id)}>{item.title}</Typography.Link>
      ) : (
        <span>{item.title}</span>
      )}
      {item.deleted ? <Typography.Text type="danger"> ({t('records.deleted')})</Typography.Text> : null}
    </>
  );
}

/** The original this record translates and the other versions of the same content, by language. */
export function TranslationLinks(props: {
  record: ActivityDetail;
  languageName: (code: string) => string;
  onOpen?: (activityId: string) => void;
}) {
  const { t } = useI18n();
  const { record, languageName, onOpen } = props;
  const original = record.translationOf;

  return (
    <div>
      <Typography.Title level={5}>{t('records.translations')}</Typography.Title>
      {original ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('recordActions.translationOf', { language: languageName(original.language) })}{' '}
          <RefTitle item={original} onOpen={onOpen} />
        </Typography.Paragraph>
      ) : null}
      <List
        size="small"
        dataSource={record.translations}
        locale={{ emptyText: t('common.none') }}
        renderItem={(item) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Tag color="purple">{languageName(item.language)}</Tag>
            <RefTitle item={item} onOpen={onOpen} />
            <Typography.Text type="secondary"> · {formatDay(item.occurredOn)}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}

import { Tag } from 'antd';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <>
      {user.isActive ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
      {user.isLocked ? <Tag color="red">{t('users.locked')}</Tag> : null}
    </>
  );
}

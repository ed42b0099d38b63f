import { Tag } from 'antd';
import { ROLE_LABELS } from '../../../shared/roles';
import type { Grant } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

/** "Cán bộ đơn vị · Xã Đăk Rve": a role and where it applies. */
export function GrantTag({ grant }: { grant: Grant }) {
  const { t, label } = useI18n();
  return (
    <Tag
      color={grant.role === 'system_admin' ? 'red' : 'blue'}
      style={{ whiteSpace: 'normal', marginBlock: 2 }}
    >
      {label(ROLE_LABELS[grant.role])} · {grant.unitName ?? t('users.wholeSystem')}
    </Tag>
  );
}

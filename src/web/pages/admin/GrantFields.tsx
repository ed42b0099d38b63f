import { Form, Select } from 'antd';
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import { useMe } from '../../api/auth';
import { UnitPicker } from '../../components/UnitPicker';
import { useI18n } from '../../i18n/I18nProvider';

export interface GrantValues {
  role?: Role;
  unitId?: string | null;
}

/**
 * Role and unit of a grant, as two fields of the surrounding form. Only a system administrator may
 * be granted on no unit (the whole system); every other role needs one.
 */
export function GrantFields() {
  const { t, label } = useI18n();
  const role = Form.useWatch<Role | undefined>('role');
  const isSystemAdmin = role === 'system_admin';
  // Only the roles this manager may hand out; the server checks again.
  const grantable = useMe().data?.grantableRoles ?? [];
  return (
    <>
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[{ required: true, message: t('users.roleRequired') }]}
      >
        <Select<Role>
          placeholder={t('users.role')}
          options={grantable.map((value) => ({ value, label: label(ROLE_LABELS[value]) }))}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('users.unit')}
        extra={isSystemAdmin ? t('users.unitGlobalHint') : t('users.unitHint')}
        rules={[{ required: !isSystemAdmin, message: t('users.unitRequired') }]}
      >
        <UnitPicker allowClear />
      </Form.Item>
    </>
  );
}

/** Field names of the API ("grants.0.unitId", "role") mapped to these fields. */
export const GRANT_FIELD_ALIASES: Record<string, string> = {
  'grants.0.role': 'role',
  'grants.0.unitId': 'unitId',
  'grants.0': 'role',
  grants: 'role',
};

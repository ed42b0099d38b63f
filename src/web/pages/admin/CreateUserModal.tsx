import { App, Divider, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { MIN_PASSWORD_LENGTH } from '../../../shared/password-rule';
import type { User } from '../../api/types';
import { useCreateUser } from '../../api/users';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { GRANT_FIELD_ALIASES, GrantFields, type GrantValues } from './GrantFields';

interface CreateUserValues extends GrantValues {
  username: string;
  fullName: string;
  email?: string;
  password: string;
}

const FIELDS = ['username', 'fullName', 'email', 'password', 'role', 'unitId'] as const;

/** A new account with its first role: managers below national level must always give one. */
export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserValues>();
  const create = useCreateUser();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const handleFinish = (values: CreateUserValues) => {
    const email = values.email?.trim();
    create.mutate(
      {
        username: values.username.trim(),
        fullName: values.fullName.trim(),
        email: email ? email : null,
        password: values.password,
        grants: values.role ? [{ role: values.role, unitId: values.unitId ?? null }] : [],
      },
      {
        onSuccess: (user) => {
          void message.success(t('users.created', { username: user.username }));
          form.resetFields();
          create.reset();
          onCreated(user);
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, FIELDS, GRANT_FIELD_ALIASES)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      <FormErrorAlert error={create.error} unplaced={unplaced} />
      <Form<CreateUserValues>
        form={form}
        name="create-user"
        layout="vertical"
        onFinish={handleFinish}
        requiredMark="optional"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input autoComplete="off" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[{ type: 'email', message: t('users.emailInvalid') }]}
        >
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint')}
          rules={[
            { required: true, message: t('users.required') },
            { min: MIN_PASSWORD_LENGTH, message: t('account.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Divider titlePlacement="start" plain style={{ marginBlock: 8 }}>
          <Typography.Text strong>{t('users.firstGrant')}</Typography.Text>
        </Divider>
        <GrantFields />
      </Form>
    </Modal>
  );
}

import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import type { UnitDetail } from '../../api/types';
import { useUpdateUnit } from '../../api/units';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';

interface WebsiteValues {
  websiteUrl: string;
}

/** The unit's website, editable in place by those the server allows ('unit.update'). */
export function WebsiteField({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [isEditing, setEditing] = useState(false);
  const [form] = Form.useForm<WebsiteValues>();
  const update = useUpdateUnit(unit.id);
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const canEdit = unit.actions.includes('unit.update');

  if (!isEditing) {
    return (
      <Space wrap size={4}>
        {unit.websiteUrl ? (
          <Typography.Link
            href={unit.websiteUrl}
            target="_blank"
            rel="noopener noreferrer"
            style={{ wordBreak: 'break-all' }}
          >
            {unit.websiteUrl}
          </Typography.Link>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
        {canEdit ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            aria-label={t('unit.editWebsite')}
            onClick={() => {
              form.setFieldsValue({ websiteUrl: unit.websiteUrl ?? '' });
              update.reset();
              setEditing(true);
            }}
          />
        ) : null}
      </Space>
    );
  }

  const handleFinish = ({ websiteUrl }: WebsiteValues) => {
    const value = websiteUrl.trim();
    update.mutate(
      { websiteUrl: value === '' ? null : value },
      {
        onSuccess: () => {
          void message.success(t('unit.websiteSaved'));
          setEditing(false);
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, ['websiteUrl'])),
      },
    );
  };

  return (
    <Form<WebsiteValues> form={form} onFinish={handleFinish} style={{ width: '100%' }}>
      <FormErrorAlert error={update.error} unplaced={unplaced} />
      <Form.Item
        name="websiteUrl"
        style={{ marginBottom: 8 }}
        rules={[{ pattern: /^https?:\/\/[^\s/$.?#].[^\s]*$/i, message: t('unit.websiteInvalid') }]}
      >
        <Input
          inputMode="url"
          placeholder={t('unit.websitePlaceholder')}
          aria-label={t('unit.website')}
          autoFocus
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" size="small" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}

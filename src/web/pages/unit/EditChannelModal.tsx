import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ChannelUpdate } from '../../../shared/api/channels';
import type { ErrorDetail } from '../../../shared/errors';
import type { Channel } from '../../api/activities';
import { apiRequest } from '../../api/client';
import { CHANNELS_KEY } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';

interface EditValues {
  name: string;
  url?: string | null;
  feedUrl?: string | null;
}

const FIELDS = ['name', 'url', 'feedUrl'];

/** Edits a channel's name and web addresses (PATCH, audited by the server). */
function useUpdateChannel(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelUpdate) =>
      apiRequest<Channel>(`/api/channels/${channelId}`, { method: 'PATCH', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [CHANNELS_KEY] }),
        // The monitor page shows the column's address.
        queryClient.invalidateQueries({ queryKey: ['monitor'] }),
      ]),
  });
}

/**
 * "Sửa kênh": the name and the address of a channel — for a website DX column also its feed — which
 * the monitor reads at its next check. Shown to those the server lets manage the unit's channels.
 */
export function EditChannelModal({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateChannel(channel.id);
  const [form] = Form.useForm<EditValues>();
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);
  const isWebsite = channel.kind === 'website_column';

  const handleFinish = (values: EditValues) => {
    setOtherErrors(null);
    update.mutate(
      {
        name: values.name.trim(),
        url: values.url?.trim() || null,
        ...(isWebsite ? { feedUrl: values.feedUrl?.trim() || null } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('channelsEdit.saved'));
          onClose();
        },
        onError: (error) => setOtherErrors(applyFieldErrors(form, error, FIELDS)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('channelsEdit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        // Field ids prefixed: the unit page has other forms with a "name" or "url" field.
        name="edit-channel"
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: channel.name, url: channel.url, feedUrl: channel.feedUrl }}
        onFinish={handleFinish}
      >
        <Form.Item name="name" label={t('channels.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="url"
          label={isWebsite ? t('channelsEdit.url') : t('record.url')}
          extra={isWebsite ? t('channelsEdit.urlHint') : undefined}
        >
          <Input inputMode="url" placeholder="https://…" maxLength={2000} />
        </Form.Item>
        {isWebsite && (
          <Form.Item name="feedUrl" label={t('channelsEdit.feedUrl')}>
            <Input inputMode="url" placeholder="https://…" maxLength={2000} />
          </Form.Item>
        )}
        {otherErrors && update.error ? <ErrorAlert error={update.error} details={otherErrors} /> : null}
      </Form>
    </Modal>
  );
}

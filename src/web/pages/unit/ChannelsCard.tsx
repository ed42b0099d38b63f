import { Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  CHANNEL_PLATFORM_LABELS,
  type ChannelKind,
  type ChannelPlatform,
} from '../../../shared/activities';
import { PLATFORMS_BY_CHANNEL_KIND } from '../../../shared/api/channels';
import type { ErrorDetail } from '../../../shared/errors';
import { type Channel, useChannels, useCreateChannel, useEndChannel } from '../../api/activities';
import { DayPicker } from '../../components/DateFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDay, todayIso, toIsoDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { EditChannelModal } from './EditChannelModal';

interface ChannelValues {
  kind: ChannelKind;
  platform: ChannelPlatform;
  name: string;
  url?: string;
  startedOn?: Dayjs;
}

/** The unit's channels: where its posts and broadcasts appear; add and end them when allowed. */
export function ChannelsCard({ unitId }: { unitId: string }) {
  const { t, label } = useI18n();
  const channels = useChannels(unitId);
  const create = useCreateChannel(unitId);
  const end = useEndChannel();
  const [isAdding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Channel | null>(null);
  const [form] = Form.useForm<ChannelValues>();
  const kind = Form.useWatch('kind', form);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);

  return (
    <Card
      size="small"
      title={t('unit.channels')}
      extra={
        channels.data?.canManage ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('channels.add')}
          </Button>
        ) : null
      }
    >
      {channels.error ? <ErrorAlert error={channels.error} /> : null}
      <List
        size="small"
        loading={channels.isLoading}
        dataSource={channels.data?.items ?? []}
        locale={{ emptyText: t('channels.empty') }}
        renderItem={(channel) => (
          <List.Item
            actions={
              channels.data?.canManage && !channel.isEnded
                ? [
                    <Button
                      key="edit"
                      size="small"
                      type="link"
                      aria-label={`${t('channelsEdit.edit')} ${channel.name}`}
                      onClick={() => setEditing(channel)}
                    >
                      {t('channelsEdit.edit')}
                    </Button>,
                    <Popconfirm
                      key="end"
                      title={t('channels.endConfirm')}
                      okText={t('channels.end')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => end.mutate({ channelId: channel.id, endedOn: todayIso() })}
                    >
                      <Button size="small" type="link" danger>
                        {t('channels.end')}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <div style={{ minWidth: 0 }}>
              <div>{channel.name}</div>
              {channel.url ? (
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {channel.url}
                </Typography.Text>
              ) : null}
              <Space wrap size={4}>
                <Typography.Text type="secondary">{label(CHANNEL_KIND_LABELS[channel.kind])}</Typography.Text>
                {channel.startedOn ? (
                  <Typography.Text type="secondary">
                    · {t('unit.startsOn', { date: formatDay(channel.startedOn) })}
                  </Typography.Text>
                ) : null}
                {channel.isEnded && channel.endedOn ? (
                  <Tag>{t('unit.endsOn', { date: formatDay(channel.endedOn) })}</Tag>
                ) : null}
              </Space>
            </div>
          </List.Item>
        )}
      />
      {editing ? <EditChannelModal channel={editing} onClose={() => setEditing(null)} /> : null}
      <Modal
        open={isAdding}
        title={t('channels.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<ChannelValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          preserve={false}
          initialValues={{ kind: 'radio_programme', platform: 'radio', startedOn: dayjs() }}
          onValuesChange={(changed: Partial<ChannelValues>) => {
            if (changed.kind) form.setFieldValue('platform', PLATFORMS_BY_CHANNEL_KIND[changed.kind][0]);
          }}
          onFinish={(values) => {
            setOtherErrors(null);
            create.mutate(
              {
                kind: values.kind,
                platform: values.platform,
                name: values.name.trim(),
                url: values.url?.trim() || null,
                startedOn: values.startedOn ? toIsoDay(values.startedOn) : null,
              },
              {
                onSuccess: () => setAdding(false),
                onError: (error) =>
                  setOtherErrors(
                    applyFieldErrors(form, error, ['kind', 'platform', 'name', 'url', 'startedOn']),
                  ),
              },
            );
          }}
        >
          <Form.Item name="kind" label={t('channels.kind')}>
            <Select
              options={CHANNEL_KINDS.map((value) => ({ value, label: label(CHANNEL_KIND_LABELS[value]) }))}
            />
          </Form.Item>
          <Form.Item name="platform" label={t('channels.platform')}>
            <Select
              options={PLATFORMS_BY_CHANNEL_KIND[kind ?? 'radio_programme'].map((value) => ({
                value,
                label: label(CHANNEL_PLATFORM_LABELS[value]),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('channels.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="url" label={t('record.url')}>
            <Input type="url" placeholder="https://…" />
          </Form.Item>
          <Form.Item name="startedOn" label={t('channels.startedOn')}>
            <DayPicker style={{ width: '100%' }} />
          </Form.Item>
          {otherErrors && create.error ? <ErrorAlert error={create.error} details={otherErrors} /> : null}
        </Form>
      </Modal>
    </Card>
  );
}

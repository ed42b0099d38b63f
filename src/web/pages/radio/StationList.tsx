import { App, Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import {
  type RadioStation,
  type RadioStationToken,
  useRevokeRadioStation,
  useRotateRadioStation,
} from '../../api/radio';
import { formatDateTime } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useIsDesktop } from '../../hooks/use-is-desktop';
import { useI18n } from '../../i18n/I18nProvider';

interface StationListProps {
  stations: RadioStation[];
  canManage: boolean;
  onIssued: (issued: RadioStationToken) => void;
  onUpload: (station: RadioStation) => void;
  onShowReceived: (station: RadioStation) => void;
}

/** The stations as a table on wide screens and as cards on phones, each with its actions. */
export function StationList(props: StationListProps) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const rotate = useRotateRadioStation();
  const revoke = useRevokeRadioStation();

  /** Asks first, then runs the action; a failure is a message, the dialog closes either way. */
  const confirmThen = (options: {
    label: string;
    content: string;
    isDanger?: boolean;
    run: () => Promise<unknown>;
  }) =>
    modal.confirm({
      title: options.label,
      content: options.content,
      okText: options.label,
      okButtonProps: options.isDanger ? { danger: true } : undefined,
      cancelText: t('common.cancel'),
      onOk: () => options.run().catch((error: unknown) => void message.error(errorText(error))),
    });
  const handleRotate = (station: RadioStation) =>
    confirmThen({
      label: t('radio.rotate'),
      content: t('radio.rotateConfirm', { code: station.code }),
      run: () => rotate.mutateAsync(station.id).then(props.onIssued),
    });
  const handleRevoke = (station: RadioStation) =>
    confirmThen({
      label: t('radio.revoke'),
      content: t('radio.revokeConfirm', { code: station.code }),
      isDanger: true,
      run: () => revoke.mutateAsync(station.id).then(() => void message.success(t('radio.revokedDone'))),
    });

  const status = (station: RadioStation) =>
    station.revokedAt ? (
      <Tag>{t('radio.revoked', { at: formatDateTime(station.revokedAt) })}</Tag>
    ) : (
      <Tag color="green">{t('radio.active')}</Tag>
    );
  const actions = (station: RadioStation) => (
    <Space wrap size={4}>
      <Button size="small" onClick={() => props.onShowReceived(station)}>
        {t('radio.received')}
      </Button>
      {props.canManage ? (
        <Button size="small" onClick={() => props.onUpload(station)}>
          {t('radio.upload')}
        </Button>
      ) : null}
      {props.canManage && !station.revokedAt ? (
        <>
          <Button size="small" onClick={() => handleRotate(station)}>
            {t('radio.rotate')}
          </Button>
          <Button size="small" danger onClick={() => handleRevoke(station)}>
            {t('radio.revoke')}
          </Button>
        </>
      ) : null}
    </Space>
  );
  const lastPush = (station: RadioStation) =>
    station.lastPushAt ? formatDateTime(station.lastPushAt) : t('radio.never');

  if (props.stations.length === 0) return <Empty description={t('radio.empty')} />;

  if (!isDesktop)
    return (
      <List
        dataSource={props.stations}
        split={false}
        renderItem={(station) => (
          <List.Item key={station.id} style={{ padding: '4px 0' }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={`${station.code} · ${station.name}`}
              extra={status(station)}
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {station.unitName} · {station.channelName}
                </Typography.Text>
                <Typography.Text>
                  {t('radio.tokenPrefix')}: <Typography.Text code>{station.tokenPrefix}…</Typography.Text>
                </Typography.Text>
                <Typography.Text>
                  {t('radio.lastPush')}: {lastPush(station)} ·{' '}
                  {t('radio.receivedCount', { count: station.broadcastCount })}
                </Typography.Text>
                {actions(station)}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    );

  return (
    <Table<RadioStation>
      size="small"
      rowKey="id"
      dataSource={props.stations}
      pagination={false}
      columns={[
        {
          title: t('radio.code'),
          key: 'code',
          render: (_, station) => (
            <>
              <Typography.Text strong>{station.code}</Typography.Text>
              <div>{station.name}</div>
            </>
          ),
        },
        {
          title: t('radio.channel'),
          key: 'channel',
          render: (_, station) => (
            <>
              <div>{station.channelName}</div>
              <Typography.Text type="secondary">{station.unitName}</Typography.Text>
            </>
          ),
        },
        {
          title: t('radio.tokenPrefix'),
          key: 'token',
          render: (_, station) => <Typography.Text code>{station.tokenPrefix}…</Typography.Text>,
        },
        { title: t('radio.lastPush'), key: 'lastPush', render: (_, station) => lastPush(station) },
        { title: t('radio.received'), dataIndex: 'broadcastCount', align: 'right' },
        { title: t('radio.status'), key: 'status', render: (_, station) => status(station) },
        { title: '', key: 'actions', render: (_, station) => actions(station) },
      ]}
    />
  );
}

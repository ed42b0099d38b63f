import { Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { type RadioStation, type RadioStationToken, useRadioStations } from '../../api/radio';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { RecordUnitField } from '../../components/RecordUnitField';
import { useRecordScope } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';
import { CreateStationCard } from './CreateStationCard';
import { ReceivedDrawer } from './ReceivedDrawer';
import { StationList } from './StationList';
import { TokenModal } from './TokenModal';
import { UploadAsRunModal } from './UploadAsRunModal';

/**
 * Radio stations of a unit (and the units below it): the systems that push as-run logs with a token,
 * the token shown once when created or rotated, as-run files uploaded by hand, and what arrived.
 */
export function RadioStationsPage() {
  const { t } = useI18n();
  const scope = useRecordScope();
  const [chosenUnitId, setChosenUnitId] = useState<string | null>(null);
  const unitId = chosenUnitId ?? scope.grantUnits[0]?.id ?? undefined;
  const stations = useRadioStations(unitId);
  const [issued, setIssued] = useState<RadioStationToken | null>(null);
  const [uploading, setUploading] = useState<RadioStation | null>(null);
  const [showing, setShowing] = useState<RadioStation | null>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <Card size="small">
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          {t('radio.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('radio.intro')}</Typography.Paragraph>
        {scope.isSingleUnit ? null : (
          <Form layout="vertical">
            <Form.Item label={t('radio.unit')} style={{ marginBottom: 0 }}>
              <RecordUnitField
                scope={scope}
                value={unitId ?? null}
                onChange={setChosenUnitId}
                aria-label={t('radio.unit')}
              />
            </Form.Item>
          </Form>
        )}
      </Card>
      {stations.error ? <ErrorAlert error={stations.error} /> : null}
      {unitId && stations.isPending ? <PageSpinner /> : null}
      {stations.data ? (
        <Card size="small">
          <StationList
            stations={stations.data.items}
            canManage={stations.data.canManage}
            onIssued={setIssued}
            onUpload={setUploading}
            onShowReceived={setShowing}
          />
        </Card>
      ) : null}
      {unitId && stations.data?.canManage ? (
        <CreateStationCard unitId={unitId} onCreated={setIssued} />
      ) : null}
      <TokenModal issued={issued} onClose={() => setIssued(null)} />
      <UploadAsRunModal station={uploading} onClose={() => setUploading(null)} />
      <ReceivedDrawer station={showing} onClose={() => setShowing(null)} />
    </Space>
  );
}

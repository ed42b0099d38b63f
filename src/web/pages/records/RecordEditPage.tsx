import { Alert, App, Button, Card, Form, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ACTIVITY_KIND_LABELS } from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import {
  type ActivityDetail,
  type ActivityPatch,
  useActivity,
  useUpdateActivity,
} from '../../api/activities';
import { ErrorAlert, FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import {
  duplicateWarning,
  EDIT_FIELD_ALIASES,
  EDIT_FIELDS,
  editValuesOf,
  patchOf,
  RecordActionFields,
  type RecordEditValues,
} from './RecordActionFields';

/** Back to the list with this record open in the drawer. */
const listWithRecord = (activityId: string) => `/records?open=${activityId}`;

/**
 * Edits one record (/records/:activityId/edit): the same checks as on entry, field errors beside
 * their fields, and a suspected duplicate shown with "save anyway". Unit and kind never change.
 */
export function RecordEditPage() {
  const { t } = useI18n();
  const { activityId = '' } = useParams();
  const query = useActivity(activityId);
  const record = query.data;

  return (
    <Card size="small" style={{ maxWidth: 640, marginInline: 'auto' }} loading={query.isLoading}>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 18 }}>
        {t('recordActions.editTitle')}
      </Typography.Title>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {record ? <EditForm key={record.id} record={record} /> : null}
    </Card>
  );
}

function EditForm({ record }: { record: ActivityDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RecordEditValues>();
  const update = useUpdateActivity();
  const [duplicate, setDuplicate] = useState<{ patch: ActivityPatch; text: string } | null>(null);
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);

  const header = (
    <Space wrap size={4} style={{ marginBottom: 8 }}>
      <Tag>{label(ACTIVITY_KIND_LABELS[record.kind])}</Tag>
      <Typography.Text type="secondary">{record.unitName}</Typography.Text>
    </Space>
  );
  if (!record.actions.includes('update'))
    return (
      <>
        {header}
        <Alert
          type="info"
          showIcon
          title={record.deletedAt ? t('recordActions.editDeleted') : t('recordActions.editNotAllowed')}
          action={
            <Button size="small" onClick={() => navigate(listWithRecord(record.id), { replace: true })}>
              {t('recordActions.backToList')}
            </Button>
          }
          style={{ flexWrap: 'wrap' }}
        />
      </>
    );

  const send = (patch: ActivityPatch) => {
    setUnplaced([]);
    update.mutate(
      { activityId: record.id, patch },
      {
        onSuccess: (saved) => {
          void message.success(t('recordActions.editSaved', { title: saved.title }));
          void navigate(listWithRecord(saved.id), { replace: true });
        },
        onError: (error) => {
          const warning = patch.confirmDuplicate ? null : duplicateWarning(error);
          if (warning) {
            setDuplicate({ patch: { ...patch, confirmDuplicate: true }, text: warning });
            return;
          }
          setDuplicate(null);
          setUnplaced(applyFieldErrors(form, error, EDIT_FIELDS, EDIT_FIELD_ALIASES));
        },
      },
    );
  };

  return (
    <>
      {header}
      {record.reviewStatus === 'pending' ? null : (
        <Alert
          type="info"
          showIcon
          title={t('recordActions.editResetsReview')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<RecordEditValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        initialValues={editValuesOf(record)}
        onValuesChange={() => setDuplicate(null)}
        onFinish={(values) => send(patchOf(record.kind, values))}
      >
        <RecordActionFields record={record} />
        {duplicate ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('record.duplicateTitle')}
            description={duplicate.text}
            action={
              <Button size="small" danger loading={update.isPending} onClick={() => send(duplicate.patch)}>
                {t('record.saveAnyway')}
              </Button>
            }
            style={{ marginBottom: 12, flexWrap: 'wrap' }}
          />
        ) : (
          <FormErrorAlert error={update.error} unplaced={unplaced} />
        )}
        <div style={{ display: 'flex', gap: 8 }}>
          <Button
            style={{ flex: 1 }}
            size="large"
            onClick={() => navigate(listWithRecord(record.id), { replace: true })}
          >
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            style={{ flex: 2 }}
            size="large"
            loading={update.isPending}
          >
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}

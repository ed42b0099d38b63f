import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type Schedule, type ScheduleEntry, useUpdateEntry } from '../../api/schedules';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import {
  ENTRY_FIELDS,
  type EntryFormValues,
  entryFormValues,
  ScheduleEntryFields,
  toEntryBody,
} from './ScheduleEntryForm';

/**
 * Edits one entry of a draft in a dialog; server field errors show on their fields, others above the
 * form. The parent mounts it for one entry at a time (entry null: closed).
 */
export function EditEntryDialog(props: {
  schedule: Schedule;
  entry: ScheduleEntry | null;
  onClose: () => void;
}) {
  const { schedule, entry, onClose } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryFormValues>();
  const update = useUpdateEntry(schedule.id);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);
  // The form stays filled while the dialog fades out after entry turns null.
  const [shown, setShown] = useState(entry);
  if (entry && entry !== shown) setShown(entry);

  const close = () => {
    setOtherErrors(null);
    update.reset();
    onClose();
  };

  return (
    <Modal
      open={entry !== null}
      title={t('scheduleEdit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={update.isPending}
      destroyOnHidden
      style={{ top: 16, paddingBottom: 16 }}
    >
      {otherErrors ? <FormErrorAlert error={update.error} unplaced={otherErrors} /> : null}
      {shown ? (
        <Form<EntryFormValues>
          key={shown.id}
          form={form}
          name="edit-entry"
          layout="vertical"
          requiredMark={false}
          className="compact-form"
          initialValues={entryFormValues(shown)}
          onFinish={(values) => {
            setOtherErrors(null);
            update.mutate(
              { entryId: shown.id, body: toEntryBody(values) },
              {
                onSuccess: () => {
                  void message.success(t('scheduleEdit.saved'));
                  close();
                },
                onError: (error) => setOtherErrors(applyFieldErrors(form, error, ENTRY_FIELDS)),
              },
            );
          }}
        >
          <ScheduleEntryFields schedule={schedule} />
        </Form>
      ) : null}
    </Modal>
  );
}

import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import {
  type ActivityDetail,
  type TranslationFields,
  useCreateTranslation,
  useVocabulary,
} from '../../api/activities';
import { DayPicker } from '../../components/DateFields';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { toIsoDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';
import { duplicateWarning } from './RecordActionFields';

interface TranslationValues {
  language: string;
  title: string;
  url?: string;
  date: Dayjs;
  durationMinutes?: number | null;
}

const FIELDS = ['language', 'title', 'url', 'date', 'durationMinutes'] as const;
/** "One version per language" comes back on translationOfId: it is about the language chosen. */
const FIELD_ALIASES: Record<string, string> = {
  translationOfId: 'language',
  occurredOn: 'date',
  durationSeconds: 'durationMinutes',
};

/**
 * "Add a translation": the same content in another language of the unit's province. Channel, kind,
 * genre and topics are the original's; the version has its own title, language, page (posts) and
 * length (broadcasts). Languages the content already has are not offered.
 */
export function TranslationAddModal(props: { original: ActivityDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { original } = props;
  const [form] = Form.useForm<TranslationValues>();
  const vocabulary = useVocabulary(props.open ? original.unitId : undefined);
  const { languageName } = useVocabularyNames(props.open ? original.unitId : undefined);
  const create = useCreateTranslation();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const [duplicate, setDuplicate] = useState<{ version: TranslationFields; text: string } | null>(null);
  const isBroadcast = original.kind === 'broadcast';

  const present = new Set([original.language, ...original.translations.map((item) => item.language)]);
  const languages = (vocabulary.data?.languages ?? []).filter((language) => !present.has(language.code));

  const close = () => {
    form.resetFields();
    create.reset();
    setUnplaced([]);
    setDuplicate(null);
    props.onClose();
  };

  const send = (version: TranslationFields) => {
    setUnplaced([]);
    create.mutate(
      { original, version },
      {
        onSuccess: (created) => {
          void message.success(t('recordActions.translationAdded', { title: created.title }));
          close();
        },
        onError: (error) => {
          const warning = version.confirmDuplicate ? null : duplicateWarning(error);
          if (warning) {
            setDuplicate({ version: { ...version, confirmDuplicate: true }, text: warning });
            return;
          }
          setDuplicate(null);
          setUnplaced(applyFieldErrors(form, error, FIELDS, FIELD_ALIASES));
        },
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('recordActions.addTranslation')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('recordActions.translationOfHint', { title: original.title })}
      </Typography.Paragraph>
      {duplicate ? null : <FormErrorAlert error={create.error} unplaced={unplaced} />}
      <Form<TranslationValues>
        form={form}
        name="add-translation"
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        initialValues={{
          date: dayjs(original.occurredOn),
          durationMinutes: original.durationSeconds ? Math.round(original.durationSeconds / 60) : null,
        }}
        onValuesChange={() => setDuplicate(null)}
        onFinish={(values) =>
          send({
            language: values.language,
            title: values.title.trim(),
            url: values.url?.trim() ? values.url.trim() : null,
            occurredOn: toIsoDay(values.date),
            durationSeconds: values.durationMinutes ? Math.round(values.durationMinutes * 60) : null,
          })
        }
      >
        <Form.Item
          name="language"
          label={t('record.language')}
          rules={[{ required: true, message: t('recordActions.languageRequired') }]}
          extra={vocabulary.isSuccess && !languages.length ? t('recordActions.noMoreLanguages') : undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={vocabulary.isLoading}
            options={languages.map((language) => ({
              value: language.code,
              label: languageName(language.code),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('recordActions.translationTitle')}
          rules={[{ required: true, whitespace: true, message: t('record.headlineRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        {isBroadcast ? null : (
          <Form.Item name="url" label={t('record.url')}>
            <Input type="url" inputMode="url" placeholder="https://…" />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="date"
            label={t('record.date')}
            rules={[{ required: true, message: t('record.dateRequired') }]}
            style={{ flex: 1, minWidth: 0 }}
          >
            <DayPicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          {isBroadcast ? (
            <Form.Item name="durationMinutes" label={t('record.duration')} style={{ flex: 1, minWidth: 0 }}>
              <InputNumber min={1} max={1440} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </div>
      </Form>
      {duplicate ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('record.duplicateTitle')}
          description={duplicate.text}
          action={
            <Button size="small" danger loading={create.isPending} onClick={() => send(duplicate.version)}>
              {t('record.saveAnyway')}
            </Button>
          }
          style={{ flexWrap: 'wrap' }}
        />
      ) : null}
    </Modal>
  );
}

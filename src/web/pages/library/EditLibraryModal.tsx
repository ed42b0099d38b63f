import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type LibraryItemDetail, useUpdateLibraryItem } from '../../api/library';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { LIBRARY_FIELD_ALIASES, LibraryContentFields } from './LibraryContentFields';
import { isTextKind } from './library-kinds';
import type { VocabularyNames } from './use-vocabulary-names';

interface EditValues {
  title: string;
  summary?: string;
  body?: string;
  language: string;
  topics: string[];
}

const FIELDS = ['title', 'summary', 'body', 'language', 'topics'] as const;

/** Corrects an item's text, language or topics (its file and kind stay as published). */
export function EditLibraryModal(props: {
  item: LibraryItemDetail;
  open: boolean;
  vocabulary: VocabularyNames;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateLibraryItem();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const { item } = props;

  const handleFinish = (values: EditValues) => {
    update.mutate(
      {
        itemId: item.id,
        changes: {
          title: values.title.trim(),
          summary: values.summary?.trim() || null,
          ...(isTextKind(item.kind) ? { body: values.body ?? '' } : {}),
          language: values.language,
          topics: values.topics ?? [],
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          setUnplaced([]);
          props.onClose();
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, FIELDS, LIBRARY_FIELD_ALIASES)),
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('library.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        className="compact-form"
        requiredMark="optional"
        initialValues={{
          title: item.title,
          summary: item.summary ?? undefined,
          body: item.body ?? undefined,
          language: item.language,
          topics: item.topics,
        }}
        onFinish={handleFinish}
      >
        <LibraryContentFields kind={item.kind} withFile={false} />
        <Form.Item name="language" label={t('library.language')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={props.vocabulary.languageOptions} />
        </Form.Item>
        <Form.Item name="topics" label={t('library.topics')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={props.vocabulary.topicOptions}
          />
        </Form.Item>
      </Form>
      <FormErrorAlert error={update.error} unplaced={unplaced} />
    </Modal>
  );
}

import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../shared/errors';
import { type LibraryItemDetail, useAddTranslation } from '../../api/library';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { LibraryContentFields } from './LibraryContentFields';
import { isTextKind } from './library-kinds';
import type { VocabularyNames } from './use-vocabulary-names';

interface TranslationValues {
  language: string;
  title: string;
  summary?: string;
  body?: string;
  file?: File;
}

const FIELDS = ['language', 'title', 'summary', 'body', 'file'] as const;

/** The item in another language of the province's list: one translation per language. */
export function TranslationModal(props: {
  item: LibraryItemDetail;
  open: boolean;
  vocabulary: VocabularyNames;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TranslationValues>();
  const translate = useAddTranslation();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const { item } = props;
  const taken = new Set([item.language, ...item.translations.map((translation) => translation.language)]);
  const languages = props.vocabulary.languageOptions.filter((option) => !taken.has(option.value));

  const handleFinish = (values: TranslationValues) => {
    translate.mutate(
      {
        itemId: item.id,
        fields: {
          language: values.language,
          title: values.title.trim(),
          summary: values.summary?.trim() || undefined,
          body: isTextKind(item.kind) ? values.body : undefined,
          file: values.file,
        },
      },
      {
        onSuccess: (created) => {
          for (const notice of created.notices) void message.info(notice);
          void message.success(
            t('library.translationAdded', { language: props.vocabulary.languageName(created.language) }),
          );
          form.resetFields();
          setUnplaced([]);
          props.onClose();
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, FIELDS)),
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('library.addTranslation')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={translate.isPending}
      destroyOnHidden
    >
      <Form<TranslationValues>
        form={form}
        layout="vertical"
        className="compact-form"
        requiredMark="optional"
        onFinish={handleFinish}
      >
        <Form.Item
          name="language"
          label={t('library.language')}
          rules={[{ required: true, message: t('library.languageRequired') }]}
          extra={languages.length ? undefined : t('library.noMoreLanguages')}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={languages} />
        </Form.Item>
        <LibraryContentFields kind={item.kind} withFile />
      </Form>
      <FormErrorAlert error={translate.error} unplaced={unplaced} />
    </Modal>
  );
}

import { App, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import {
  LIBRARY_ITEM_KIND_LABELS,
  LIBRARY_ITEM_KINDS,
  type LibraryItemKind,
} from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import { type LibraryCreated, usePublishLibraryItem } from '../../api/library';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { useI18n } from '../../i18n/I18nProvider';
import { LIBRARY_FIELD_ALIASES, LibraryContentFields } from './LibraryContentFields';
import { isTextKind } from './library-kinds';
import type { VocabularyNames } from './use-vocabulary-names';

interface PublishValues {
  kind: LibraryItemKind;
  title: string;
  summary?: string;
  body?: string;
  file?: File;
  language: string;
  topics: string[];
  publish: 'now' | 'draft';
}

const FIELDS = ['kind', 'title', 'summary', 'body', 'file', 'language', 'topics', 'publish'] as const;

/** A DX office adds material to its library: published to the units below now, or kept as a draft. */
export function PublishLibraryModal(props: {
  open: boolean;
  unitId: string;
  unitName: string;
  vocabulary: VocabularyNames;
  onClose: () => void;
  onPublished: (item: LibraryCreated) => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublishLibraryItem();
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const kind = Form.useWatch('kind', form) ?? 'article';

  const handleFinish = (values: PublishValues) => {
    const text = isTextKind(values.kind);
    publish.mutate(
      {
        unitId: props.unitId,
        fields: {
          kind: values.kind,
          title: values.title.trim(),
          summary: values.summary?.trim() || undefined,
          body: text ? values.body : undefined,
          language: values.language,
          topics: values.topics ?? [],
          // "Now" is the browser's clock; the server shows the item once that moment has come.
          publishedAt: values.publish === 'now' ? new Date().toISOString() : null,
          file: values.file,
        },
      },
      {
        onSuccess: (item) => {
          for (const notice of item.notices) void message.info(notice);
          void message.success(
            t(item.isDraft ? 'library.draftSaved' : 'library.published', { title: item.title }),
          );
          form.resetFields();
          setUnplaced([]);
          publish.reset();
          props.onPublished(item);
        },
        onError: (error) => setUnplaced(applyFieldErrors(form, error, FIELDS, LIBRARY_FIELD_ALIASES)),
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={props.unitName ? t('library.publishTitle', { unit: props.unitName }) : t('library.publish')}
      okText={t('library.publishOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={publish.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<PublishValues>
        form={form}
        name="publish-library"
        layout="vertical"
        className="compact-form"
        requiredMark="optional"
        initialValues={{ kind: 'article', language: 'vi', topics: [], publish: 'now' }}
        onFinish={handleFinish}
      >
        <Form.Item name="kind" label={t('library.kind')} rules={[{ required: true }]}>
          <Select
            options={LIBRARY_ITEM_KINDS.map((value) => ({
              value,
              label: label(LIBRARY_ITEM_KIND_LABELS[value]),
            }))}
          />
        </Form.Item>
        <LibraryContentFields kind={kind} withFile />
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
        <Form.Item name="publish" label={t('library.when')}>
          <Radio.Group
            options={[
              { value: 'now', label: t('library.publishNow') },
              { value: 'draft', label: t('library.keepDraft') },
            ]}
          />
        </Form.Item>
      </Form>
      <FormErrorAlert error={publish.error} unplaced={unplaced} />
    </Modal>
  );
}

import { App, Button, Form, Input, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { EvidenceKind } from '../../../shared/activities';
import { SCAN_ACCEPT } from '../../../shared/api/evidence';
import type { ErrorDetail } from '../../../shared/errors';
import {
  type Evidence,
  type EvidenceContent,
  type EvidenceCreated,
  useAddEvidenceVersion,
  useCreateEvidence,
} from '../../api/evidence';
import { DayPicker, DayRangePicker } from '../../components/DateFields';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { parseIsoDay, toIsoDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { EVIDENCE_KIND_KEYS } from './EvidenceFacts';
import { FilePicker } from './FilePicker';

interface EvidenceValues {
  kind: EvidenceKind;
  file?: File;
  title?: string;
  url?: string;
  documentNumber?: string;
  documentDate?: Dayjs | null;
  issuingBody?: string;
  summary?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const FIELDS = [
  'file',
  'title',
  'url',
  'documentNumber',
  'documentDate',
  'issuingBody',
  'summary',
  'period',
] as const;
const ALIASES = { periodFrom: 'period', periodTo: 'period' };
/** The kinds typed in by hand; a schedule comes from the unit's issued schedules instead. */
const KINDS: readonly EvidenceKind[] = ['file', 'url', 'citation'];

/** Where the new evidence goes: a new item of a unit, or a new version of an item. */
export type EvidenceTarget = { unitId: string } | { replaces: Evidence };

const trimmed = (value: string | undefined) => value?.trim() || undefined;

function contentOf(values: EvidenceValues): EvidenceContent {
  const period = {
    periodFrom: values.period?.[0] ? toIsoDay(values.period[0]) : undefined,
    periodTo: values.period?.[1] ? toIsoDay(values.period[1]) : undefined,
  };
  const title = trimmed(values.title);
  if (values.kind === 'file') return { kind: 'file', file: values.file as File, title, ...period };
  if (values.kind === 'url')
    return { kind: 'url', title: title ?? '', url: trimmed(values.url) ?? '', ...period };
  return {
    kind: 'citation',
    documentNumber: trimmed(values.documentNumber) ?? '',
    documentDate: values.documentDate ? toIsoDay(values.documentDate) : '',
    issuingBody: trimmed(values.issuingBody) ?? '',
    summary: trimmed(values.summary) ?? '',
    title,
    url: trimmed(values.url),
    file: values.file,
    ...period,
  };
}

/** A new version starts from what the current one says, so a correction changes only what is wrong. */
function initialValues(target: EvidenceTarget, initialKind: EvidenceKind): EvidenceValues {
  if (!('replaces' in target)) return { kind: initialKind };
  const current = target.replaces;
  return {
    kind: current.kind,
    title: current.title,
    url: current.url ?? undefined,
    documentNumber: current.documentNumber ?? undefined,
    documentDate: parseIsoDay(current.documentDate),
    issuingBody: current.issuingBody ?? undefined,
    summary: current.summary ?? undefined,
    period:
      current.periodFrom || current.periodTo
        ? [parseIsoDay(current.periodFrom), parseIsoDay(current.periodTo)]
        : null,
  };
}

/**
 * One evidence item in any of its three forms: an uploaded file (its type is checked by the server
 * from the content), a web address, or a citation of an official document.
 */
export function EvidenceForm(props: {
  target: EvidenceTarget;
  initialKind?: EvidenceKind;
  submitText: string;
  onSaved: (created: EvidenceCreated) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceValues>();
  const create = useCreateEvidence();
  const addVersion = useAddEvidenceVersion();
  const mutation = 'replaces' in props.target ? addVersion : create;
  const [unplaced, setUnplaced] = useState<ErrorDetail[]>([]);
  const kind = Form.useWatch('kind', form) ?? props.initialKind ?? 'file';

  const handleFinish = (values: EvidenceValues) => {
    const content = contentOf(values);
    const handlers = {
      onSuccess: (created: EvidenceCreated) => {
        // What the server noticed, e.g. a name that does not match the content.
        for (const notice of created.notices) void message.info(notice);
        form.resetFields();
        setUnplaced([]);
        props.onSaved(created);
      },
      onError: (error: unknown) => setUnplaced(applyFieldErrors(form, error, FIELDS, ALIASES)),
    };
    if ('replaces' in props.target)
      addVersion.mutate({ evidenceId: props.target.replaces.id, content }, handlers);
    else create.mutate({ unitId: props.target.unitId, content }, handlers);
  };

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];

  return (
    <Form<EvidenceValues>
      form={form}
      layout="vertical"
      className="compact-form"
      requiredMark="optional"
      initialValues={initialValues(props.target, props.initialKind ?? 'file')}
      onFinish={handleFinish}
    >
      <Form.Item name="kind" label={t('library.evidence.kindLabel')} rules={[{ required: true }]}>
        <Segmented<EvidenceKind>
          options={KINDS.map((value) => ({ value, label: t(EVIDENCE_KIND_KEYS[value]) }))}
        />
      </Form.Item>
      {kind === 'file' ? (
        <Form.Item
          name="file"
          label={t('library.evidence.file')}
          extra={t('library.evidence.fileHint')}
          rules={[{ required: true, message: t('library.evidence.fileRequired') }]}
        >
          <FilePicker />
        </Form.Item>
      ) : null}
      {kind === 'citation' ? (
        <>
          <Form.Item
            name="documentNumber"
            label={t('library.evidence.documentNumber')}
            rules={required(t('library.evidence.documentNumberRequired'))}
          >
            <Input placeholder="15/KH-UBND" maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="documentDate"
            label={t('library.evidence.documentDate')}
            rules={[{ required: true, message: t('library.evidence.documentDateRequired') }]}
          >
            <DayPicker
              typedOnPhones
              placeholder={t('library.evidence.dayPlaceholder')}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="issuingBody"
            label={t('library.evidence.issuingBody')}
            rules={required(t('library.evidence.issuingBodyRequired'))}
          >
            <Input placeholder={t('library.evidence.issuingBodyPlaceholder')} maxLength={300} />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('library.evidence.summary')}
            rules={required(t('library.evidence.summaryRequired'))}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('evidence.scan')}
            extra={
              'replaces' in props.target && props.target.replaces.file
                ? `${t('evidence.scanHint')} ${t('evidence.scanKept', { name: props.target.replaces.file.originalName })}`
                : t('evidence.scanHint')
            }
          >
            <FilePicker accept={SCAN_ACCEPT} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="title"
        label={t('library.evidence.title')}
        extra={
          kind === 'file'
            ? t('library.evidence.titleFromFile')
            : kind === 'citation'
              ? t('library.evidence.titleFromCitation')
              : undefined
        }
        rules={kind === 'url' ? required(t('library.evidence.titleRequired')) : []}
      >
        <Input maxLength={500} />
      </Form.Item>
      {kind !== 'file' ? (
        <Form.Item
          name="url"
          label={kind === 'url' ? t('library.evidence.url') : t('library.evidence.documentUrl')}
          rules={kind === 'url' ? required(t('library.evidence.urlRequired')) : []}
        >
          <Input inputMode="url" placeholder="https://" autoComplete="off" />
        </Form.Item>
      ) : null}
      <Form.Item name="period" label={t('library.evidence.period')} extra={t('library.evidence.periodHint')}>
        <DayRangePicker
          allowEmpty={[true, true]}
          placeholder={[t('records.from'), t('records.to')]}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <FormErrorAlert error={mutation.error} unplaced={unplaced} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {props.submitText}
        </Button>
        {props.onCancel ? <Button onClick={props.onCancel}>{t('common.cancel')}</Button> : null}
      </Space>
    </Form>
  );
}

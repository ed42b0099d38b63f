import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Segmented,
  Select,
  Space,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  BROADCAST_SOURCE_LABELS,
  BROADCAST_SOURCES,
  type BroadcastSource,
  CHANNEL_KINDS_FOR_ACTIVITY,
  GENRE_LABELS,
  GENRES,
  type Genre,
} from '../../../shared/activities';
import type { ErrorDetail } from '../../../shared/errors';
import { type ActivityInput, useChannels, useCreateActivity, useVocabulary } from '../../api/activities';
import { isApiError } from '../../api/client';
import { useAttachFileToRecord } from '../../api/evidence';
import { ChannelName } from '../../components/ChannelName';
import { DayPicker } from '../../components/DateFields';
import { FormErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/form-errors';
import { RecordUnitField } from '../../components/RecordUnitField';
import { toIsoDay } from '../../format/dates';
import { useErrorText } from '../../hooks/use-error-text';
import { useRecordScope } from '../../hooks/use-record-units';
import { useI18n } from '../../i18n/I18nProvider';
import { useVocabularyNames } from '../library/use-vocabulary-names';
import { RecordAttachmentField } from './RecordAttachmentField';

type FormKind = 'post' | 'broadcast';

/** A record saved whose photo or file is still to be uploaded (or failed to be, and may be retried). */
interface PendingUpload {
  activityId: string;
  unitId: string;
  title: string;
  file: File;
}

interface RecordFormValues {
  unitId: string;
  channelId?: string;
  date: Dayjs;
  time?: Dayjs | null;
  title: string;
  url?: string;
  durationMinutes?: number | null;
  genre?: Genre;
  topics?: string[];
  language: string;
  source?: BroadcastSource;
}

const FIELDS = [
  'unitId',
  'channelId',
  'date',
  'time',
  'title',
  'url',
  'durationMinutes',
  'genre',
  'topics',
  'language',
  'source',
] as const;
const FIELD_ALIASES: Record<string, string> = {
  occurredOn: 'date',
  occurredTime: 'time',
  durationSeconds: 'durationMinutes',
};

function toInput(kind: FormKind, values: RecordFormValues): ActivityInput {
  const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);
  return {
    kind,
    unitId: values.unitId,
    channelId: values.channelId ?? null,
    occurredOn: toIsoDay(values.date),
    occurredTime: values.time ? values.time.format('HH:mm') : null,
    title: values.title.trim(),
    url: kind === 'post' ? blank(values.url) : null,
    durationSeconds:
      kind === 'broadcast' && values.durationMinutes ? Math.round(values.durationMinutes * 60) : null,
    genre: values.genre ?? null,
    topics: values.topics ?? [],
    language: values.language,
    source: kind === 'broadcast' ? (values.source ?? null) : null,
  };
}

/**
 * The one-screen phone form of a commune officer: a post or a broadcast. A suspected duplicate is
 * shown with the record it repeats and can be stored anyway; after saving, the form keeps the unit,
 * kind, channel and day for the next record. An officer of one unit is asked no unit; a province DX
 * office or an admin searches any unit of their scope, and the channels and lists follow that unit.
 */
export function RecordFormPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const scope = useRecordScope();
  const units = scope.grantUnits;
  const [form] = Form.useForm<RecordFormValues>();
  const [kind, setKind] = useState<FormKind>('post');
  const unitId = Form.useWatch('unitId', form) ?? units[0]?.id;
  const channels = useChannels(unitId);
  const vocabulary = useVocabulary(unitId);
  const create = useCreateActivity();
  const [duplicate, setDuplicate] = useState<{ input: ActivityInput; text: string } | null>(null);
  const [otherErrors, setOtherErrors] = useState<ErrorDetail[] | null>(null);
  const navigate = useNavigate();
  const errorText = useErrorText();
  const names = useVocabularyNames(unitId);
  const attach = useAttachFileToRecord();
  const [attachment, setAttachment] = useState<File | undefined>();
  const [progress, setProgress] = useState<number | null>(null);
  const [failedUpload, setFailedUpload] = useState<PendingUpload | null>(null);
  const uploadStatus = useRef<HTMLDivElement>(null);
  // The upload's progress and its failure sit under the form: bring them into view on a phone.
  const isUploading = progress !== null;
  useEffect(() => {
    if (isUploading || failedUpload) uploadStatus.current?.scrollIntoView({ block: 'nearest' });
  }, [isUploading, failedUpload]);

  if (!units.length && !scope.coversSubtree) return <Empty description={t('record.noUnits')} />;

  const channelOptions = (channels.data?.items ?? [])
    .filter((channel) => !channel.isEnded && CHANNEL_KINDS_FOR_ACTIVITY[kind].includes(channel.kind))
    .map((channel) => ({
      value: channel.id,
      label: <ChannelName name={channel.name} kind={channel.kind} />,
    }));

  /** "Đã lưu …" with a link that opens the new record; it stays a little longer than a plain toast. */
  const announceSaved = (activityId: string, text: string) => {
    const key = `saved-${activityId}`;
    void message.success({
      key,
      duration: 8,
      content: (
        <span data-testid="record-saved">
          {text}{' '}
          <Typography.Link
            onClick={() => {
              message.destroy(key);
              void navigate(`/records?open=${activityId}`);
            }}
          >
            {t('record.viewRecord')}
          </Typography.Link>
        </span>
      ),
    });
  };

  /** The photo or file goes after the record exists, as evidence of its unit attached to it. */
  const upload = (pending: PendingUpload) => {
    setFailedUpload(null);
    setProgress(0);
    attach.mutate(
      { ...pending, onProgress: setProgress },
      {
        onSuccess: () => {
          setProgress(null);
          setAttachment(undefined);
          announceSaved(
            pending.activityId,
            `${t('record.savedShort', { title: pending.title })} ${t('record.attached', { name: pending.file.name })}`,
          );
        },
        onError: () => {
          setProgress(null);
          // The alert below names the file and why (too large, not a photo or PDF, no connection).
          setFailedUpload(pending);
        },
      },
    );
  };

  const send = (input: ActivityInput) => {
    setOtherErrors(null);
    create.mutate(input, {
      onSuccess: (saved) => {
        setDuplicate(null);
        form.resetFields(['title', 'url', 'durationMinutes', 'time']);
        if (attachment)
          upload({ activityId: saved.id, unitId: saved.unitId, title: saved.title, file: attachment });
        else announceSaved(saved.id, t('record.saved', { title: saved.title }));
      },
      onError: (error) => {
        if (isApiError(error, 'CONFLICT') && !input.confirmDuplicate) {
          setDuplicate({ input: { ...input, confirmDuplicate: true }, text: error.message });
          return;
        }
        setDuplicate(null);
        setOtherErrors(applyFieldErrors(form, error, FIELDS, FIELD_ALIASES));
      },
    });
  };

  const changeKind = (next: FormKind) => {
    setKind(next);
    setDuplicate(null);
    const current = form.getFieldValue('channelId') as string | undefined;
    const stillFits = (channels.data?.items ?? []).some(
      (channel) => channel.id === current && CHANNEL_KINDS_FOR_ACTIVITY[next].includes(channel.kind),
    );
    if (!stillFits) form.setFieldValue('channelId', undefined);
  };

  return (
    <Card size="small" style={{ maxWidth: 640, marginInline: 'auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4, fontSize: 18 }}>
        {t('record.title')}
      </Typography.Title>
      {scope.isSingleUnit ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {units[0]?.name}
        </Typography.Paragraph>
      ) : null}
      <Form<RecordFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="compact-form"
        initialValues={{ unitId: units[0]?.id, date: dayjs(), language: 'vi' }}
        onValuesChange={(changed: Partial<RecordFormValues>) => {
          if ('unitId' in changed) form.setFieldsValue({ channelId: undefined, topics: [] });
          if ('title' in changed || 'url' in changed) setDuplicate(null);
        }}
        onFinish={(values) => send(toInput(kind, values))}
        style={{ display: 'flex', flexDirection: 'column', gap: 0 }}
      >
        <Form.Item
          name="unitId"
          label={t('record.unit')}
          hidden={scope.isSingleUnit}
          rules={[{ required: true, message: t('scheduleEdit.unitRequired') }]}
        >
          <RecordUnitField scope={scope} />
        </Form.Item>
        <Form.Item>
          <Segmented<FormKind>
            block
            value={kind}
            onChange={changeKind}
            options={[
              { value: 'post', label: t('record.kindPost') },
              { value: 'broadcast', label: t('record.kindBroadcast') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="channelId"
          label={t('record.channel')}
          rules={[{ required: true, message: t('record.channelRequired') }]}
          extra={channels.isSuccess && !channelOptions.length ? t('record.noChannels') : undefined}
        >
          <Select options={channelOptions} loading={channels.isLoading} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            name="date"
            label={t('record.date')}
            rules={[{ required: true, message: t('record.dateRequired') }]}
            style={{ flex: 3, minWidth: 0 }}
          >
            <DayPicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="time" label={t('record.time')} style={{ flex: 2, minWidth: 0 }}>
            <TimePicker
              format="HH:mm"
              placeholder="HH:mm"
              minuteStep={5}
              style={{ width: '100%' }}
              inputReadOnly
              needConfirm={false}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('record.headline')}
          rules={[{ required: true, whitespace: true, message: t('record.headlineRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        {kind === 'post' ? (
          <Form.Item name="url" label={t('record.url')}>
            <Input type="url" inputMode="url" placeholder="https://…" />
          </Form.Item>
        ) : (
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="durationMinutes" label={t('record.duration')} style={{ flex: 1, minWidth: 0 }}>
              <InputNumber min={1} max={1440} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="source" label={t('record.source')} style={{ flex: 1, minWidth: 0 }}>
              <Select
                allowClear
                options={BROADCAST_SOURCES.map((source) => ({
                  value: source,
                  label: label(BROADCAST_SOURCE_LABELS[source]),
                }))}
              />
            </Form.Item>
          </div>
        )}
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="genre" label={t('record.genre')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              allowClear
              options={GENRES.map((genre) => ({ value: genre, label: label(GENRE_LABELS[genre]) }))}
            />
          </Form.Item>
          <Form.Item name="language" label={t('record.language')} style={{ flex: 1, minWidth: 0 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={
                names.languageOptions.length ? names.languageOptions : [{ value: 'vi', label: 'Tiếng Việt' }]
              }
            />
          </Form.Item>
        </div>
        <Form.Item name="topics" label={t('record.topics')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={vocabulary.isLoading}
            options={(vocabulary.data?.topics ?? []).map((topic) => ({
              value: topic.code,
              label: names.topicName(topic.code),
            }))}
          />
        </Form.Item>
        <RecordAttachmentField value={attachment} onChange={setAttachment} disabled={progress !== null} />
        <div ref={uploadStatus}>
          {progress !== null ? (
            <div role="status" aria-live="polite" style={{ marginBottom: 12 }}>
              <Typography.Text>{t('record.uploading', { percent: progress })}</Typography.Text>
              <Progress percent={progress} size="small" showInfo={false} />
            </div>
          ) : null}
          {failedUpload ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('record.uploadFailed', { title: failedUpload.title })}
              description={
                <>
                  {/* Why, in the server's words: too large, not a photo or PDF, no connection. */}
                  <div style={{ overflowWrap: 'anywhere' }}>
                    {attach.error ? errorText(attach.error) : null}
                  </div>
                  <Space wrap size={8} style={{ marginTop: 8 }}>
                    <Button size="small" type="primary" onClick={() => upload(failedUpload)}>
                      {t('record.uploadRetry')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        const { activityId, title } = failedUpload;
                        setFailedUpload(null);
                        announceSaved(activityId, t('record.savedShort', { title }));
                      }}
                    >
                      {t('record.uploadSkip')}
                    </Button>
                  </Space>
                </>
              }
              style={{ marginBottom: 12 }}
            />
          ) : null}
        </div>
        {duplicate ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('record.duplicateTitle')}
            description={duplicate.text}
            action={
              <Button size="small" danger loading={create.isPending} onClick={() => send(duplicate.input)}>
                {t('record.saveAnyway')}
              </Button>
            }
            style={{ marginBottom: 12, flexWrap: 'wrap' }}
          />
        ) : null}
        {otherErrors ? <FormErrorAlert error={create.error} unplaced={otherErrors} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={create.isPending || progress !== null}
        >
          {t('record.save')}
        </Button>
      </Form>
    </Card>
  );
}

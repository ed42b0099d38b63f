import { Checkbox, Form, Input, InputNumber, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  type ActivityKind,
  BROADCAST_SOURCE_LABELS,
  BROADCAST_SOURCES,
  type BroadcastSource,
  CHANNEL_KINDS_FOR_ACTIVITY,
  GENRE_LABELS,
  GENRES,
  type Genre,
} from '../../../shared/activities';
import {
  type ActivityDetail,
  type ActivityPatch,
  useChannels,
  useVocabulary,
  vietnamTimeOf,
} from '../../api/activities';
import { isApiError } from '../../api/client';
import { ChannelName } from '../../components/ChannelName';
import { DayPicker } from '../../components/DateFields';
import { toIsoDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The text of a 409 that is a suspected duplicate (same page, or same title on the same day and
 * channel), which the user may confirm; null for any other failure. A clash of versions in one
 * language is also a 409, but it names the language or the original and cannot be confirmed.
 */
export function duplicateWarning(error: unknown): string | null {
  if (!isApiError(error, 'CONFLICT')) return null;
  const aboutVersions = error.details.some((detail) =>
    /(^|\.)(language|translationOfId)$/.test(detail.field ?? ''),
  );
  return aboutVersions ? null : error.message;
}

export interface RecordEditValues {
  channelId?: string | null;
  date: Dayjs;
  time?: Dayjs | null;
  title: string;
  url?: string | null;
  genre?: Genre | null;
  topics: string[];
  language: string;
  author?: string | null;
  programme?: string | null;
  durationMinutes?: number | null;
  source?: BroadcastSource | null;
  issueNumber?: string | null;
  targetUrl?: string | null;
  isVerified?: boolean;
}

/** Form fields the server's field errors are put on, and the API names that differ from them. */
export const EDIT_FIELDS = [
  'channelId',
  'date',
  'time',
  'title',
  'url',
  'genre',
  'topics',
  'language',
  'author',
  'programme',
  'durationMinutes',
  'source',
  'issueNumber',
  'targetUrl',
  'isVerified',
] as const;
export const EDIT_FIELD_ALIASES: Record<string, string> = {
  occurredOn: 'date',
  occurredTime: 'time',
  durationSeconds: 'durationMinutes',
  translationOfId: 'language',
};

/** A stored record as the form shows it; a time of 00:00 is what the server stores for "no time". */
export function editValuesOf(record: ActivityDetail): RecordEditValues {
  const time = vietnamTimeOf(record.occurredAt);
  const [hour, minute] = time.split(':').map(Number);
  return {
    channelId: record.channelId,
    date: dayjs(record.occurredOn),
    time:
      time === '00:00'
        ? null
        : dayjs()
            .hour(hour ?? 0)
            .minute(minute ?? 0)
            .second(0),
    title: record.title,
    url: record.url,
    genre: record.genre,
    topics: record.topics,
    language: record.language,
    author: record.author,
    programme: record.programme,
    durationMinutes: record.durationSeconds ? Math.round(record.durationSeconds / 60) : null,
    source: record.source,
    issueNumber: record.issueNumber,
    targetUrl: record.targetUrl,
    // Unticked stays "not checked" (null) unless the user changes it: saving must not invent a check.
    isVerified: record.isVerified ?? undefined,
  };
}

/** The edit as the API takes it: every field of the record's kind, blanks as null. */
export function patchOf(kind: ActivityKind, values: RecordEditValues): ActivityPatch {
  const blank = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
  const patch: ActivityPatch = {
    channelId: values.channelId ?? null,
    occurredOn: toIsoDay(values.date),
    occurredTime: values.time ? values.time.format('HH:mm') : null,
    title: values.title.trim(),
    genre: values.genre ?? null,
    topics: values.topics ?? [],
    language: values.language,
    author: blank(values.author),
  };
  if (kind === 'broadcast')
    return {
      ...patch,
      programme: blank(values.programme),
      durationSeconds: values.durationMinutes ? Math.round(values.durationMinutes * 60) : null,
      source: values.source ?? null,
    };
  if (kind === 'press_issue')
    return { ...patch, url: blank(values.url), issueNumber: blank(values.issueNumber) };
  if (kind === 'banner')
    return {
      ...patch,
      url: blank(values.url),
      targetUrl: blank(values.targetUrl),
      isVerified: values.isVerified,
    };
  return { ...patch, url: blank(values.url) };
}

/** Two fields side by side, each shrinking on a phone rather than pushing the page wider. */
function Pair(props: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', gap: 8 }}>{props.children}</div>;
}
const HALF = { flex: 1, minWidth: 0 };

/**
 * The editable fields of one record, by its kind (unit and kind never change): channel, when, title,
 * page, genre, language, topics, author, and the broadcast, press and banner details.
 */
export function RecordActionFields(props: { record: ActivityDetail }) {
  const { t, label } = useI18n();
  const { record } = props;
  const channels = useChannels(record.unitId);
  const vocabulary = useVocabulary(record.unitId);
  const kind = record.kind;

  // An ended channel stays offered for the record already on it.
  const channelOptions = (channels.data?.items ?? [])
    .filter((channel) => CHANNEL_KINDS_FOR_ACTIVITY[kind].includes(channel.kind))
    .filter((channel) => !channel.isEnded || channel.id === record.channelId)
    .map((channel) => ({
      value: channel.id,
      label: <ChannelName name={channel.name} kind={channel.kind} />,
    }));
  const languages = vocabulary.data?.languages ?? [];
  const languageOptions = languages.some((language) => language.code === record.language)
    ? languages.map((language) => ({ value: language.code, label: language.name }))
    : [
        { value: record.language, label: record.language },
        ...languages.map((language) => ({ value: language.code, label: language.name })),
      ];
  const topicOptions = (vocabulary.data?.topics ?? []).map((topic) => ({
    value: topic.code,
    label: topic.name,
  }));
  // A topic since retired stays on the record it was given to.
  for (const code of record.topics)
    if (!topicOptions.some((option) => option.value === code))
      topicOptions.push({ value: code, label: code });
  const needsChannel = kind === 'broadcast' || kind === 'press_issue';

  return (
    <>
      <Form.Item
        name="channelId"
        label={t('record.channel')}
        rules={needsChannel ? [{ required: true, message: t('record.channelRequired') }] : []}
      >
        <Select allowClear={!needsChannel} options={channelOptions} loading={channels.isLoading} />
      </Form.Item>
      <Pair>
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
      </Pair>
      <Form.Item
        name="title"
        label={t('record.headline')}
        rules={[{ required: true, whitespace: true, message: t('record.headlineRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      {kind === 'broadcast' ? null : (
        <Form.Item name="url" label={kind === 'banner' ? t('recordActions.bannerPage') : t('record.url')}>
          <Input type="url" inputMode="url" placeholder="https://…" />
        </Form.Item>
      )}
      {kind === 'broadcast' ? (
        <>
          <Form.Item name="programme" label={t('recordActions.programme')}>
            <Input maxLength={300} />
          </Form.Item>
          <Pair>
            <Form.Item name="durationMinutes" label={t('record.duration')} style={HALF}>
              <InputNumber min={1} max={1440} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="source" label={t('record.source')} style={HALF}>
              <Select
                allowClear
                options={BROADCAST_SOURCES.map((source) => ({
                  value: source,
                  label: label(BROADCAST_SOURCE_LABELS[source]),
                }))}
              />
            </Form.Item>
          </Pair>
        </>
      ) : null}
      {kind === 'press_issue' ? (
        <Form.Item name="issueNumber" label={t('recordActions.issueNumber')}>
          <Input maxLength={100} />
        </Form.Item>
      ) : null}
      {kind === 'banner' ? (
        <>
          <Form.Item name="targetUrl" label={t('recordActions.targetUrl')}>
            <Input type="url" inputMode="url" placeholder="https://…" />
          </Form.Item>
          <Form.Item name="isVerified" valuePropName="checked">
            <Checkbox>{t('recordActions.isVerified')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      <Pair>
        <Form.Item name="genre" label={t('record.genre')} style={HALF}>
          <Select
            allowClear
            options={GENRES.map((genre) => ({ value: genre, label: label(GENRE_LABELS[genre]) }))}
          />
        </Form.Item>
        <Form.Item
          name="language"
          label={t('record.language')}
          rules={[{ required: true, message: t('recordActions.languageRequired') }]}
          style={HALF}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={vocabulary.isLoading}
            options={languageOptions}
          />
        </Form.Item>
      </Pair>
      <Form.Item name="topics" label={t('record.topics')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={vocabulary.isLoading}
          options={topicOptions}
        />
      </Form.Item>
      <Form.Item name="author" label={t('recordActions.author')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}

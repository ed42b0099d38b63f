import { Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  BROADCAST_SOURCE_LABELS,
  BROADCAST_SOURCES,
  type BroadcastSource,
  GENRE_LABELS,
  GENRES,
  type Genre,
} from '../../../shared/activities';
import { useVocabulary } from '../../api/activities';
import type { Schedule, ScheduleEntry, ScheduleEntryInput } from '../../api/schedules';
import { DayPicker } from '../../components/DateFields';
import { toIsoDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { LibraryItemSelect } from './LibraryItemSelect';

/** An entry as the add and edit forms hold it. */
export interface EntryFormValues {
  airDate: Dayjs;
  timeSlot: string;
  title: string;
  durationMinutes: number;
  language: string;
  source: BroadcastSource;
  genre?: Genre | null;
  topic?: string | null;
  libraryItemId?: string | null;
}

/** The form's fields, named as the API names them, so server field errors land on them. */
export const ENTRY_FIELDS = [
  'airDate',
  'timeSlot',
  'title',
  'durationMinutes',
  'language',
  'source',
  'genre',
  'topic',
  'libraryItemId',
] as const;

/** Every field of the entry: an edit sends them all, an empty optional one as null (cleared). */
export function toEntryBody(values: EntryFormValues): ScheduleEntryInput {
  return {
    airDate: toIsoDay(values.airDate),
    timeSlot: values.timeSlot.trim(),
    title: values.title.trim(),
    durationMinutes: values.durationMinutes,
    language: values.language,
    source: values.source,
    genre: values.genre ?? null,
    topic: values.topic ?? null,
    libraryItemId: values.libraryItemId ?? null,
  };
}

export function entryFormValues(entry: ScheduleEntry): EntryFormValues {
  return {
    airDate: dayjs(entry.airDate),
    timeSlot: entry.timeSlot,
    title: entry.title,
    durationMinutes: entry.durationMinutes,
    language: entry.language,
    source: entry.source,
    genre: entry.genre,
    topic: entry.topic,
    libraryItemId: entry.libraryItemId,
  };
}

/** Two fields side by side that share a 360 px phone's width. */
const half = { flex: 1, minWidth: 0 } as const;

/**
 * The fields of one schedule entry, for the add card and the edit dialog (each holds its own Form):
 * the day within the schedule's month, the time slot, title, duration, language, source, genre, topic
 * and the library material. Lists (languages, topics, library) are those of the schedule's unit.
 */
export function ScheduleEntryFields({ schedule }: { schedule: Schedule }) {
  const { t, label } = useI18n();
  const vocabulary = useVocabulary(schedule.unitId);
  const monthStart = dayjs(`${schedule.month}-01`);

  return (
    <>
      <div style={{ display: 'flex', gap: 8 }}>
        <Form.Item
          name="airDate"
          label={t('schedule.airDate')}
          rules={[{ required: true, message: t('scheduleEdit.airDateRequired') }]}
          style={half}
        >
          <DayPicker
            allowClear={false}
            style={{ width: '100%' }}
            disabledDate={(day) => !day.isSame(monthStart, 'month')}
            defaultPickerValue={monthStart}
          />
        </Form.Item>
        <Form.Item
          name="timeSlot"
          label={t('schedule.timeSlot')}
          rules={[{ required: true, whitespace: true, message: t('schedule.timeSlotRequired') }]}
          style={half}
        >
          <Input placeholder="17:00-17:15" inputMode="numeric" />
        </Form.Item>
      </div>
      <Form.Item
        name="title"
        label={t('record.headline')}
        rules={[{ required: true, whitespace: true, message: t('record.headlineRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 8 }}>
        <Form.Item
          name="durationMinutes"
          label={t('record.duration')}
          rules={[{ required: true, message: t('scheduleEdit.durationRequired') }]}
          style={half}
        >
          <InputNumber min={1} max={600} precision={0} inputMode="numeric" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="language" label={t('record.language')} style={half}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(vocabulary.data?.languages ?? [{ code: 'vi', name: 'Tiếng Việt' }]).map((language) => ({
              value: language.code,
              label: language.name,
            }))}
          />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <Form.Item name="source" label={t('record.source')} style={half}>
          <Select
            options={BROADCAST_SOURCES.map((source) => ({
              value: source,
              label: label(BROADCAST_SOURCE_LABELS[source]),
            }))}
          />
        </Form.Item>
        <Form.Item name="genre" label={t('record.genre')} style={half}>
          <Select
            allowClear
            options={GENRES.map((genre) => ({ value: genre, label: label(GENRE_LABELS[genre]) }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="topic" label={t('schedule.topic')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={vocabulary.isLoading}
          options={(vocabulary.data?.topics ?? []).map((topic) => ({ value: topic.code, label: topic.name }))}
        />
      </Form.Item>
      <Form.Item name="libraryItemId" label={t('scheduleEdit.libraryItem')}>
        <LibraryItemSelect unitId={schedule.unitId} />
      </Form.Item>
    </>
  );
}

import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  type EvidenceCreated,
  type ScheduleEvidenceCandidate,
  useScheduleEvidence,
  useScheduleEvidenceCandidates,
} from '../../api/evidence';
import { useChannelLabel } from '../../components/ChannelName';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatMonth } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Chooses one of the unit's issued broadcast schedules as evidence, without downloading and
 * uploading its document: the server makes the item (freezing the issued document) or finds it.
 */
export function ScheduleEvidencePicker(props: {
  unitId: string;
  linkedIds: readonly string[];
  onLink: (evidence: EvidenceCreated) => void;
  linking: boolean;
  linkText: string;
}) {
  const { t } = useI18n();
  const channelLabel = useChannelLabel();
  const list = useScheduleEvidenceCandidates(props.unitId);
  const freeze = useScheduleEvidence();
  const [chosen, setChosen] = useState<string | undefined>();
  const items = (list.data?.items ?? []).filter(
    (item) => !item.evidenceId || !props.linkedIds.includes(item.evidenceId),
  );
  const chosenItem = items.find((item) => item.scheduleId === chosen);
  const describe = (item: ScheduleEvidenceCandidate) =>
    [
      item.unitId === props.unitId ? null : item.unitName,
      item.documentNumber ? t('evidence.scheduleNumber', { number: item.documentNumber }) : null,
      item.issuedAt
        ? t('evidence.scheduleIssued', { date: formatDateTime(item.issuedAt).slice(0, 10) })
        : null,
      item.evidenceId ? t('evidence.scheduleFrozen') : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const monthOf = (item: ScheduleEvidenceCandidate) =>
    t('evidence.scheduleMonth', { month: formatMonth(item.month.slice(0, 7)) });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('evidence.scheduleHint')}</Typography.Text>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {freeze.error ? <ErrorAlert error={freeze.error} /> : null}
      <Select<string>
        aria-label={t('evidence.schedulePick')}
        placeholder={t('evidence.schedulePick')}
        loading={list.isLoading}
        value={chosen}
        onChange={setChosen}
        notFoundContent={t('evidence.scheduleNone')}
        options={items.map((item) => ({
          value: item.scheduleId,
          label: `${monthOf(item)} – ${channelLabel({ name: item.channelName, kind: item.channelKind })}`,
        }))}
        optionRender={(option) => {
          const item = items.find((candidate) => candidate.scheduleId === option.value);
          if (!item) return null;
          return (
            <div style={{ whiteSpace: 'normal' }}>
              <div>
                {monthOf(item)} – {channelLabel({ name: item.channelName, kind: item.channelKind })}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describe(item)}
              </Typography.Text>
            </div>
          );
        }}
        style={{ width: '100%' }}
      />
      {chosenItem ? (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {monthOf(chosenItem)} –{' '}
          {channelLabel({ name: chosenItem.channelName, kind: chosenItem.channelKind })}
          {describe(chosenItem) ? ` · ${describe(chosenItem)}` : ''}
        </Typography.Text>
      ) : null}
      <Button
        type="primary"
        disabled={!chosen}
        loading={freeze.isPending || props.linking}
        onClick={() => chosen && freeze.mutate(chosen, { onSuccess: props.onLink })}
      >
        {props.linkText}
      </Button>
    </Space>
  );
}

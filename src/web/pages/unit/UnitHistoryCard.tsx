import { Card, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { UNIT_EVENT_LABELS, type UnitEventKind, type UnitEventRole } from '../../../shared/units';
import type { UnitEvent, UnitHistory } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { unitPath } from '../../components/unit-path';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';
import { validityText } from './validity';

const EVENT_COLORS: Record<UnitEventKind, string> = {
  establish: 'green',
  merge: 'blue',
  split: 'purple',
  rename: 'gray',
  reparent: 'gray',
  dissolve: 'red',
};

const ROLE_TITLES: Record<UnitEventRole, MessageKey> = {
  from: 'unit.eventFrom',
  to: 'unit.eventTo',
  subject: 'unit.eventSubject',
};

function EventUnits({ event, currentUnitId }: { event: UnitEvent; currentUnitId: string }) {
  const { t } = useI18n();
  return (
    <>
      {(['from', 'to', 'subject'] as const).map((role) => {
        const units = event.units.filter((unit) => unit.role === role);
        if (units.length === 0) return null;
        return (
          <div key={role}>
            <Typography.Text type="secondary">{t(ROLE_TITLES[role])}: </Typography.Text>
            {units.map((unit, index) => (
              <Fragment key={unit.id}>
                {index > 0 ? ', ' : null}
                {unit.id === currentUnitId ? (
                  <strong>{unit.name}</strong>
                ) : (
                  <Link to={unitPath(unit.id, undefined)}>{unit.name}</Link>
                )}
              </Fragment>
            ))}
          </div>
        );
      })}
    </>
  );
}

/** Names and parents over time, and the dated events (merge, split, rename, dissolve) with the other units. */
export function UnitHistoryCard(props: {
  unitId: string;
  history: UnitHistory | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t, label } = useI18n();
  const { history } = props;
  return (
    <Card title={t('unit.history')} size="small" role="region" aria-label={t('unit.history')}>
      {props.error ? <ErrorAlert error={props.error} onRetry={props.onRetry} /> : null}
      {!history && !props.error ? <Skeleton active /> : null}
      {history ? (
        <>
          <Typography.Title level={4} style={{ fontSize: 14 }}>
            {t('unit.versions')}
          </Typography.Title>
          <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
            {history.versions.map((version) => (
              <li key={version.validFrom}>
                <strong>{version.name}</strong>
                {version.parentId && version.parentName ? (
                  <>
                    {' — '}
                    {t('unit.under')}{' '}
                    <Link to={unitPath(version.parentId, version.validFrom)}>{version.parentName}</Link>
                  </>
                ) : null}
                <div>
                  <Typography.Text type="secondary">{validityText(t, version)}</Typography.Text>
                </div>
              </li>
            ))}
          </ul>
          <Typography.Title level={4} style={{ fontSize: 14 }}>
            {t('unit.events')}
          </Typography.Title>
          {history.events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.noEvents')} />
          ) : (
            <Timeline
              style={{ marginTop: 8 }}
              items={history.events.map((event) => ({
                key: event.id,
                color: EVENT_COLORS[event.kind],
                // The date sits in the content, not in a title column that would halve a phone's width.
                content: (
                  <div data-testid="unit-event">
                    <div style={{ marginBottom: 4 }}>
                      <strong style={{ marginInlineEnd: 8 }}>{formatDay(event.effectiveDate)}</strong>
                      <Tag color={EVENT_COLORS[event.kind]}>{label(UNIT_EVENT_LABELS[event.kind])}</Tag>
                    </div>
                    <EventUnits event={event} currentUnitId={props.unitId} />
                    {event.legalBasis ? (
                      <div>
                        <Typography.Text type="secondary">{t('unit.legalBasis')}: </Typography.Text>
                        {event.legalBasis}
                      </div>
                    ) : null}
                    {event.note ? (
                      <Typography.Paragraph style={{ marginBottom: 0 }}>{event.note}</Typography.Paragraph>
                    ) : null}
                  </div>
                ),
              }))}
            />
          )}
        </>
      ) : null}
    </Card>
  );
}

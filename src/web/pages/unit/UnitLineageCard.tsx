import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Lineage } from '../../api/types';
import { UnitKindTag, UnitLifeTag } from '../../components/UnitTags';
import { unitPath } from '../../components/unit-path';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';

/** Predecessors or successors of a unit through merges, splits and dissolutions, nearest first. */
export function UnitLineageCard(props: {
  title: MessageKey;
  hint: MessageKey;
  empty: MessageKey;
  units: Lineage[] | undefined;
  loading: boolean;
}) {
  const { t } = useI18n();
  const units = [...(props.units ?? [])].sort(
    (a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'vi'),
  );
  return (
    <Card title={t(props.title)} size="small" role="region" aria-label={t(props.title)}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(props.hint)}
      </Typography.Paragraph>
      <List<Lineage>
        size="small"
        loading={props.loading}
        dataSource={units}
        locale={{ emptyText: t(props.empty) }}
        renderItem={(unit) => (
          <List.Item>
            <div>
              <Link to={unitPath(unit.id, undefined)} style={{ marginInlineEnd: 6 }}>
                {unit.name}
              </Link>
              <UnitKindTag kind={unit.kind} />
              <UnitLifeTag unit={unit} />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('unit.via', { date: formatDay(unit.viaEventDate) })}
                  {unit.distance > 1 ? ` · ${t('unit.indirect', { distance: unit.distance })}` : ''}
                  {unit.code ? ` · ${t('common.code')} ${unit.code}` : ''}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

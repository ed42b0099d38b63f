import { Card, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { foldForSearch } from '../../../shared/text';
import type { Unit } from '../../api/types';
import { useUnitRollup } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitKindTag, UnitLifeTag } from '../../components/UnitTags';
import { unitPath } from '../../components/unit-path';
import { useI18n } from '../../i18n/I18nProvider';

/** The units whose records count toward this one: its subtree and its predecessors through merges. */
export function UnitRollupCard({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const rollup = useUnitRollup(unitId);
  const [filter, setFilter] = useState('');
  const folded = foldForSearch(filter);
  const units = (rollup.data ?? []).filter(
    (unit) => folded === '' || foldForSearch(unit.name).includes(folded),
  );
  return (
    <Card
      title={rollup.data ? `${t('unit.rollup')} (${rollup.data.length})` : t('unit.rollup')}
      size="small"
      role="region"
      aria-label={t('unit.rollup')}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('unit.rollupHint')}
      </Typography.Paragraph>
      {rollup.isError ? <ErrorAlert error={rollup.error} onRetry={() => void rollup.refetch()} /> : null}
      {(rollup.data?.length ?? 0) > 10 ? (
        <Input
          allowClear
          placeholder={t('unit.rollupFilter')}
          aria-label={t('unit.rollupFilter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <List<Unit>
        size="small"
        loading={rollup.isPending}
        dataSource={units}
        pagination={units.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        renderItem={(unit) => (
          <List.Item>
            <div>
              <Link to={unitPath(unit.id, undefined)} style={{ marginInlineEnd: 6 }}>
                {unit.name}
              </Link>
              <UnitKindTag kind={unit.kind} />
              <UnitLifeTag unit={unit} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

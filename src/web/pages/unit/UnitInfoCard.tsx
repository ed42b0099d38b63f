import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { UNIT_KIND_LABELS } from '../../../shared/units';
import type { UnitDetail } from '../../api/types';
import { unitPath } from '../../components/unit-path';
import { useI18n } from '../../i18n/I18nProvider';
import { validityText } from './validity';
import { WebsiteField } from './WebsiteField';

export function UnitInfoCard({ unit, date }: { unit: UnitDetail; date: string | undefined }) {
  const { t, label } = useI18n();
  return (
    <Card title={t('unit.detail')} size="small" role="region" aria-label={t('unit.detail')}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('unit.name'), children: unit.name },
          { key: 'kind', label: t('unit.kind'), children: label(UNIT_KIND_LABELS[unit.kind]) },
          {
            key: 'code',
            label: t('unit.code'),
            children: unit.code ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
          },
          {
            key: 'parent',
            label: t('unit.parent'),
            children:
              unit.parentId && unit.parentName ? (
                <Link to={unitPath(unit.parentId, date)}>{unit.parentName}</Link>
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ),
          },
          { key: 'validity', label: t('unit.validity'), children: validityText(t, unit) },
          { key: 'website', label: t('unit.website'), children: <WebsiteField unit={unit} /> },
        ]}
      />
    </Card>
  );
}

import { Card, Empty, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/units';
import type { Criterion, FrameworkDefinition } from '../../api/frameworks';
import { useI18n } from '../../i18n/I18nProvider';
import { CriterionSpecCard } from './CriterionSpecCard';

type Pillar = FrameworkDefinition['pillars'][number];
type Index = Pillar['indices'][number];

/** The criteria of one index that score a kind of unit (all of them without a kind). */
function criteriaFor(
  index: Index,
  kindOf: (criterion: Criterion) => readonly UnitKind[],
  kind: UnitKind | null,
) {
  return kind === null
    ? index.criteria
    : index.criteria.filter((criterion) => kindOf(criterion).includes(kind));
}

/**
 * Pillar → index → criterion, with every criterion's rule. A unit kind narrows the tree to what one
 * kind of unit is scored on: codes may repeat across kinds ("1.5" of a district is not "1.5" of a commune).
 */
export function FrameworkTree({ definition }: { definition: FrameworkDefinition }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<UnitKind | null>(null);
  const kindOf = (criterion: Criterion) => criterion.appliesTo ?? definition.appliesTo;
  const pillars = definition.pillars
    .map((pillar) => ({
      pillar,
      indices: pillar.indices
        .map((index) => ({ index, criteria: criteriaFor(index, kindOf, kind) }))
        .filter((entry) => entry.criteria.length > 0),
    }))
    .filter((entry) => entry.indices.length > 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 18, flex: '1 1 auto' }}>
          {t('frameworks.tree')}
        </Typography.Title>
        {definition.appliesTo.length > 1 ? (
          <Select<UnitKind | 'all'>
            aria-label={t('frameworks.kindFilter')}
            value={kind ?? 'all'}
            onChange={(value) => setKind(value === 'all' ? null : value)}
            style={{ minWidth: 180, maxWidth: '100%' }}
            options={[
              { value: 'all', label: t('frameworks.allKinds') },
              ...definition.appliesTo.map((value) => ({ value, label: label(UNIT_KIND_LABELS[value]) })),
            ]}
          />
        ) : null}
      </div>
      {pillars.length === 0 ? <Empty description={t('frameworks.noCriteria')} /> : null}
      {pillars.map(({ pillar, indices }) => (
        <Card
          key={pillar.code}
          size="small"
          styles={{ body: { paddingInline: 8 } }}
          title={
            <span
              style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 6 }}
            >
              {t('frameworks.pillar', { code: pillar.code })} · {pillar.title}
            </span>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
            {indices.map(({ index, criteria }) => (
              <section
                key={index.code}
                style={{ borderInlineStart: '3px solid #d6e4ff', paddingInlineStart: 8 }}
              >
                <Typography.Title
                  level={4}
                  style={{ margin: '0 0 8px', fontSize: 16, overflowWrap: 'anywhere' }}
                >
                  {t('frameworks.index', { code: index.code })} · {index.title}
                </Typography.Title>
                <Space orientation="vertical" size="small" style={{ width: '100%', display: 'flex' }}>
                  {criteria.map((criterion) => (
                    <CriterionSpecCard
                      key={`${criterion.code}:${kindOf(criterion).join(',')}`}
                      criterion={criterion}
                      appliesTo={kindOf(criterion)}
                      periodKind={definition.period}
                    />
                  ))}
                </Space>
              </section>
            ))}
          </Space>
        </Card>
      ))}
    </Space>
  );
}

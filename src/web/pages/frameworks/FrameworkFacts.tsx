import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { UNIT_KIND_LABELS } from '../../../shared/units';
import type { FrameworkHeader } from '../../api/frameworks';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPoints } from './describe-rule';

/** A labelled line that wraps on a phone; nothing when there is nothing to say. */
export function Fact(props: { label: string; children: ReactNode }) {
  if (props.children === null || props.children === undefined || props.children === '') return null;
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{props.label}: </Typography.Text>
      {props.children}
    </div>
  );
}

/** "từ 01/01/2023" or "từ 01/01/2023 đến 31/12/2024". */
export function useValidityText(): (header: Pick<FrameworkHeader, 'validFrom' | 'validTo'>) => string {
  const { t } = useI18n();
  return ({ validFrom, validTo }) =>
    validTo
      ? t('frameworks.validFromTo', { from: formatDay(validFrom), to: formatDay(validTo) })
      : t('frameworks.validFrom', { from: formatDay(validFrom) });
}

/** Each unit kind scored, with its number of criteria and its total points. */
export function KindTotals({ kinds }: { kinds: FrameworkHeader['kinds'] }) {
  const { t, label, language } = useI18n();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, verticalAlign: 'top' }}>
      {kinds.map((kind) => (
        <Tag key={kind.kind} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
          {t('frameworks.kindTotal', {
            kind: label(UNIT_KIND_LABELS[kind.kind]),
            criteria: kind.criteria,
            total: formatPoints(kind.total, language),
          })}
        </Tag>
      ))}
    </span>
  );
}

/** What a framework file says about itself: basis, issuer, validity, period and totals per unit kind. */
export function FrameworkFacts({ header }: { header: FrameworkHeader }) {
  const { t } = useI18n();
  const validity = useValidityText();
  return (
    <>
      <Fact label={t('frameworks.legalBasis')}>{header.legalBasis}</Fact>
      <Fact label={t('frameworks.issuingBody')}>{header.issuingBody}</Fact>
      <Fact label={t('frameworks.validity')}>{validity(header)}</Fact>
      <Fact label={t('frameworks.periodKind')}>{t(`frameworks.period.${header.periodKind}`)}</Fact>
      <Fact label={t('frameworks.kinds')}>
        <KindTotals kinds={header.kinds} />
      </Fact>
    </>
  );
}

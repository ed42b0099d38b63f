import { Card, Space, Tag, Typography } from 'antd';
import type { PeriodKind } from '../../../shared/frameworks/definition';
import type { UnitKind } from '../../../shared/units';
import type { Criterion, CriterionInput } from '../../api/frameworks';
import { UnitKindTag } from '../../components/UnitTags';
import { useI18n } from '../../i18n/I18nProvider';
import { describeRule, formatPoints } from './describe-rule';
import { Fact } from './FrameworkFacts';
import { RuleTextView } from './RuleTextView';

/** "Số văn bản đi được ký số (so_van_ban): số, đơn vị tính: văn bản". */
function InputLine({ input }: { input: CriterionInput }) {
  const { t } = useI18n();
  const type =
    input.type === 'choice'
      ? t('frameworks.inputType.choice', {
          options: (input.options ?? []).map((option) => option.label).join('; '),
        })
      : t(`frameworks.inputType.${input.type}`);
  return (
    <li>
      {input.label} <Typography.Text code>{input.key}</Typography.Text>: {type}
      {input.unit ? `; ${t('frameworks.inputUnit', { unit: input.unit })}` : ''}
    </li>
  );
}

/**
 * One criterion as the framework defines it: code, title, maximum, the unit kinds it scores, its rule
 * in words, the figures entered by hand, and the framework's guidance on evidence and data.
 */
export function CriterionSpecCard(props: {
  criterion: Criterion;
  appliesTo: readonly UnitKind[];
  periodKind: PeriodKind;
}) {
  const { t, label, language } = useI18n();
  const { criterion } = props;
  const inputs = criterion.inputs ?? [];
  const rule = describeRule(criterion.rule, criterion.max, {
    t,
    label,
    language,
    periodKind: props.periodKind,
    inputs,
  });

  return (
    <Card
      size="small"
      data-criterion={criterion.code}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 6 }}>
          {criterion.code} · {criterion.title}
        </span>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
          <Tag color="geekblue" style={{ marginInlineEnd: 4 }}>
            {t('frameworks.max', { max: formatPoints(criterion.max, language) })}
          </Tag>
          <Typography.Text type="secondary">{t('frameworks.appliesTo')}:</Typography.Text>
          {props.appliesTo.map((kind) => (
            <UnitKindTag key={kind} kind={kind} />
          ))}
        </div>
        <div style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{t('frameworks.rule')}: </Typography.Text>
          <RuleTextView rule={rule} />
        </div>
        {inputs.length ? (
          <div style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{t('frameworks.inputs')}:</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {inputs.map((input) => (
                <InputLine key={input.key} input={input} />
              ))}
            </ul>
          </div>
        ) : null}
        <Fact label={t('frameworks.evidence')}>
          {criterion.evidence || criterion.evidenceRequired ? (
            <>
              {criterion.evidence}
              {criterion.evidenceRequired ? (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('frameworks.evidenceRequired')}
                </Tag>
              ) : null}
            </>
          ) : null}
        </Fact>
        <Fact label={t('frameworks.dataSource')}>{criterion.dataSource}</Fact>
        <Fact label={t('frameworks.hint')}>{criterion.hint}</Fact>
      </Space>
    </Card>
  );
}

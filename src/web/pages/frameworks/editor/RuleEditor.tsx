import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Radio, Select, Typography } from 'antd';
import type { RuleType } from '../../../../shared/frameworks/definition';
import { useI18n } from '../../../i18n/I18nProvider';
import {
  changeRuleType,
  defaultTier,
  emptyRule,
  type InputDraft,
  newUid,
  type QuantityDraft,
  type RuleDraft,
  type SourceKind,
} from './draft';
import { type DraftPath, domIdOf, getIn } from './draft-paths';
import { useEditor, useErrorCountUnder } from './editor-context';
import {
  BlockIssues,
  type Choice,
  FieldRow,
  FieldShell,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import { ListEntryActions, useList } from './ListItemActions';
import { ChannelEditor, MeasureEditor } from './MeasureEditor';

/**
 * A rule-type picker and the fields of the chosen type, as docs/frameworks.md §6 lists them. all_of,
 * any_of and sum hold rules of their own, edited by this same component one level down (manual only
 * scores a whole criterion, so it is not offered there).
 */

const RULE_TYPES: readonly RuleType[] = [
  'boolean',
  'count',
  'ladder',
  'frequency',
  'minimum_each',
  'ratio',
  'choice',
  'sum',
  'all_of',
  'any_of',
  'manual',
];

interface RuleContext {
  /** The criterion's inputs, for the rules that read a figure entered by hand. */
  inputs: readonly InputDraft[];
  nested: boolean;
}

function InputKeyField({
  path,
  inputs,
  type,
}: {
  path: DraftPath;
  inputs: readonly InputDraft[];
  type?: InputDraft['type'];
}) {
  const { t } = useI18n();
  const options: Choice[] = inputs
    .filter((input) => input.key && (type === undefined || input.type === type))
    .map((input) => ({ value: input.key, label: `${input.label || input.key} (${input.key})` }));
  return (
    <SelectField
      path={path}
      label={t('frameworkEditor.rule.input')}
      options={options}
      placeholder={t('frameworkEditor.rule.inputPlaceholder')}
      hint={options.length ? undefined : t('frameworkEditor.rule.noInputs')}
    />
  );
}

/** Where the number comes from: records (a measure), a figure entered by hand, or (boolean) a channel. */
function SourcePicker({ path, kinds }: { path: DraftPath; kinds: readonly SourceKind[] }) {
  const { t } = useI18n();
  const { draft, update } = useEditor();
  const value = getIn(draft, path);
  return (
    <FieldShell path={path} label={t('frameworkEditor.rule.source')}>
      <Radio.Group
        value={value}
        onChange={(event) => update(path, event.target.value)}
        optionType="button"
        options={kinds.map((kind) => ({ value: kind, label: t(`frameworkEditor.source.${kind}`) }))}
      />
    </FieldShell>
  );
}

function SourceFields(props: {
  path: DraftPath;
  source: SourceKind;
  inputs: readonly InputDraft[];
  inputType?: InputDraft['type'];
}) {
  if (props.source === 'channel') return <ChannelEditor path={[...props.path, 'channel']} />;
  if (props.source === 'input')
    return <InputKeyField path={[...props.path, 'input']} inputs={props.inputs} type={props.inputType} />;
  return <MeasureEditor path={[...props.path, 'measure']} />;
}

function PartialField({ path, every }: { path: DraftPath; every?: 'week' | 'month' }) {
  const { t } = useI18n();
  return (
    <SelectField
      path={path}
      label={t('frameworkEditor.rule.partial')}
      allowClear
      placeholder={t('frameworks.zero')}
      options={[
        { value: 'none', label: t('frameworks.zero') },
        {
          value: 'proportional',
          label: every
            ? t(`frameworks.rule.proportionalBuckets.${every}`)
            : t('frameworkEditor.rule.proportional'),
        },
      ]}
    />
  );
}

function EveryField({ path, label }: { path: DraftPath; label?: string }) {
  const { t } = useI18n();
  return (
    <SelectField
      path={path}
      label={label ?? t('frameworkEditor.rule.every')}
      options={[
        { value: 'week', label: t('frameworkEditor.every.week') },
        { value: 'month', label: t('frameworkEditor.every.month') },
      ]}
    />
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button size="small" icon={<PlusOutlined />} onClick={onClick} style={{ marginBottom: 12 }}>
      {label}
    </Button>
  );
}

/** A list of small rows (steps, tiers, options): each row's fields with its actions at the end. */
function RowCard(props: {
  path: DraftPath;
  children: React.ReactNode;
  actions: React.ReactNode;
  title: string;
}) {
  return (
    <div
      id={domIdOf(props.path)}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 4 }}>
        <Typography.Text type="secondary">{props.title}</Typography.Text>
        {props.actions}
      </div>
      <BlockIssues path={props.path} />
      {props.children}
    </div>
  );
}

function LadderSteps({ path }: { path: DraftPath }) {
  const { t } = useI18n();
  const steps = useList<RuleDraft['steps'][number]>([...path, 'steps']);
  return (
    <div id={domIdOf([...path, 'steps'])}>
      <Typography.Text strong>{t('frameworkEditor.rule.steps')}</Typography.Text>
      <BlockIssues path={[...path, 'steps']} />
      {steps.list.map((_, index) => {
        const name = t('frameworkEditor.rule.step', { number: index + 1 });
        return (
          <RowCard
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are plain numbers without identity
            key={index}
            path={[...path, 'steps', index]}
            title={name}
            actions={<ListEntryActions list={steps} index={index} name={name} />}
          >
            <FieldRow min={140}>
              <NumberField
                path={[...path, 'steps', index, 'atLeast']}
                label={t('frameworkEditor.rule.atLeast')}
                min={0}
                integer
              />
              <NumberField
                path={[...path, 'steps', index, 'points']}
                label={t('frameworkEditor.rule.points')}
                min={0}
              />
            </FieldRow>
          </RowCard>
        );
      })}
      <AddButton
        label={t('frameworkEditor.rule.addStep')}
        onClick={() => steps.add({ atLeast: null, points: null })}
      />
    </div>
  );
}

function FrequencyTiers({ path }: { path: DraftPath }) {
  const { t } = useI18n();
  const tiers = useList<RuleDraft['tiers'][number]>([...path, 'tiers']);
  return (
    <div id={domIdOf([...path, 'tiers'])}>
      <Typography.Text strong>{t('frameworkEditor.rule.tiers')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('frameworkEditor.rule.tiersHint')}
      </Typography.Paragraph>
      <BlockIssues path={[...path, 'tiers']} />
      {tiers.list.map((tier, index) => {
        const at = [...path, 'tiers', index];
        const name = tier.label || t('frameworkEditor.rule.tier', { number: index + 1 });
        return (
          <RowCard
            // biome-ignore lint/suspicious/noArrayIndexKey: tiers are values without identity
            key={index}
            path={at}
            title={name}
            actions={<ListEntryActions list={tiers} index={index} name={name} />}
          >
            <FieldRow min={130}>
              <TextField
                path={[...at, 'label']}
                label={t('frameworkEditor.rule.tierLabel')}
                placeholder="hằng tuần"
              />
              <EveryField path={[...at, 'every']} />
              <NumberField
                path={[...at, 'atLeast']}
                label={t('frameworkEditor.rule.atLeastEach')}
                min={1}
                integer
              />
              <NumberField
                path={[...at, 'share']}
                label={t('frameworkEditor.rule.share')}
                min={0}
                max={1}
                step={0.05}
              />
              <NumberField
                path={[...at, 'fraction']}
                label={t('frameworkEditor.rule.fraction')}
                min={0}
                max={1}
                step={0.05}
              />
            </FieldRow>
          </RowCard>
        );
      })}
      <AddButton
        label={t('frameworkEditor.rule.addTier')}
        onClick={() => tiers.add({ ...defaultTier(), every: 'month', fraction: 0.5 })}
      />
    </div>
  );
}

function RatioSide({
  path,
  side,
  inputs,
}: {
  path: DraftPath;
  side: 'numerator' | 'denominator';
  inputs: readonly InputDraft[];
}) {
  const { t } = useI18n();
  const { draft } = useEditor();
  const at = [...path, side];
  const quantity = getIn(draft, at) as QuantityDraft;
  return (
    <div
      id={domIdOf(at)}
      style={{ borderInlineStart: '3px solid #f0f0f0', paddingInlineStart: 8, marginBottom: 8 }}
    >
      <Typography.Text strong>{t(`frameworkEditor.rule.${side}`)}</Typography.Text>
      <BlockIssues path={at} />
      <SourcePicker path={[...at, 'source']} kinds={['measure', 'input']} />
      <SourceFields path={at} source={quantity.source} inputs={inputs} inputType="number" />
    </div>
  );
}

function ChoiceOptions({ path, inputs }: { path: DraftPath; inputs: readonly InputDraft[] }) {
  const { t } = useI18n();
  const { draft } = useEditor();
  const options = useList<RuleDraft['options'][number]>([...path, 'options']);
  const inputKey = getIn(draft, [...path, 'input']);
  const input = inputs.find((candidate) => candidate.key === inputKey);
  const values: Choice[] = (input?.options ?? [])
    .filter((option) => option.value)
    .map((option) => ({ value: option.value, label: `${option.label || option.value} (${option.value})` }));
  return (
    <div id={domIdOf([...path, 'options'])}>
      <Typography.Text strong>{t('frameworkEditor.rule.choiceOptions')}</Typography.Text>
      <BlockIssues path={[...path, 'options']} />
      {options.list.map((_, index) => {
        const at = [...path, 'options', index];
        const name = t('frameworkEditor.rule.option', { number: index + 1 });
        return (
          <RowCard
            // biome-ignore lint/suspicious/noArrayIndexKey: options are values without identity
            key={index}
            path={at}
            title={name}
            actions={<ListEntryActions list={options} index={index} name={name} />}
          >
            <FieldRow min={140}>
              <SelectField
                path={[...at, 'value']}
                label={t('frameworkEditor.rule.optionValue')}
                options={values}
              />
              <NumberField
                path={[...at, 'fraction']}
                label={t('frameworkEditor.rule.fraction')}
                min={0}
                max={1}
                step={0.05}
              />
            </FieldRow>
          </RowCard>
        );
      })}
      <AddButton
        label={t('frameworkEditor.rule.addOption')}
        onClick={() => options.add({ value: '', fraction: 0 })}
      />
    </div>
  );
}

function SumParts({ path, inputs }: { path: DraftPath; inputs: readonly InputDraft[] }) {
  const { t } = useI18n();
  const parts = useList<RuleDraft['parts'][number]>([...path, 'parts']);
  return (
    <div id={domIdOf([...path, 'parts'])}>
      <Typography.Text strong>{t('frameworkEditor.rule.parts')}</Typography.Text>
      <BlockIssues path={[...path, 'parts']} />
      {parts.list.map((part, index) => {
        const at = [...path, 'parts', index];
        const name = part.label || t('frameworks.rule.part', { number: index + 1 });
        return (
          <NestedCard
            key={part.uid}
            path={at}
            title={name}
            actions={<ListEntryActions list={parts} index={index} name={name} />}
          >
            <FieldRow>
              <TextField path={[...at, 'label']} label={t('frameworkEditor.rule.partLabel')} />
              <NumberField path={[...at, 'points']} label={t('frameworkEditor.rule.partPoints')} min={0} />
            </FieldRow>
            <RuleEditor path={[...at, 'rule']} inputs={inputs} nested />
          </NestedCard>
        );
      })}
      <AddButton
        label={t('frameworkEditor.rule.addPart')}
        onClick={() => parts.add({ uid: newUid(), label: '', points: null, rule: emptyRule() })}
      />
    </div>
  );
}

function InnerRules({ path, inputs }: { path: DraftPath; inputs: readonly InputDraft[] }) {
  const { t } = useI18n();
  const rules = useList<RuleDraft & { uid: string }>([...path, 'rules']);
  return (
    <div id={domIdOf([...path, 'rules'])}>
      <Typography.Text strong>{t('frameworkEditor.rule.conditions')}</Typography.Text>
      <BlockIssues path={[...path, 'rules']} />
      {rules.list.map((rule, index) => {
        const name = t('frameworkEditor.rule.condition', { number: index + 1 });
        return (
          <NestedCard
            key={rule.uid}
            path={[...path, 'rules', index]}
            title={name}
            actions={<ListEntryActions list={rules} index={index} name={name} />}
          >
            <RuleEditor path={[...path, 'rules', index]} inputs={inputs} nested />
          </NestedCard>
        );
      })}
      <AddButton
        label={t('frameworkEditor.rule.addCondition')}
        onClick={() => rules.add({ ...emptyRule(), uid: newUid() })}
      />
    </div>
  );
}

function NestedCard(props: {
  path: DraftPath;
  title: string;
  actions: React.ReactNode;
  children: React.ReactNode;
}) {
  const errors = useErrorCountUnder(props.path);
  return (
    <Card
      size="small"
      id={domIdOf(props.path)}
      title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{props.title}</span>}
      extra={props.actions}
      style={{ marginBottom: 8, borderColor: errors ? '#ffccc7' : undefined }}
      styles={{ body: { paddingInline: 8 } }}
    >
      {props.children}
    </Card>
  );
}

export function RuleEditor({ path, inputs, nested }: { path: DraftPath } & RuleContext) {
  const { t } = useI18n();
  const { draft, update } = useEditor();
  const rule = getIn(draft, path) as RuleDraft;
  const types = nested ? RULE_TYPES.filter((type) => type !== 'manual') : RULE_TYPES;
  return (
    <div id={domIdOf(path)}>
      <FieldShell path={[...path, 'type']} label={t('frameworkEditor.rule.type')}>
        <Select<RuleType>
          id={domIdOf([...path, 'type'])}
          value={rule.type}
          options={types.map((type) => ({
            value: type,
            label: `${t(`frameworkEditor.type.${type}`)} (${type})`,
          }))}
          onChange={(type) => update(path, changeRuleType(rule, type))}
          style={{ width: '100%' }}
        />
      </FieldShell>
      <BlockIssues path={path} />
      <RuleFields path={path} rule={rule} inputs={inputs} />
    </div>
  );
}

function RuleFields({
  path,
  rule,
  inputs,
}: {
  path: DraftPath;
  rule: RuleDraft;
  inputs: readonly InputDraft[];
}) {
  const { t } = useI18n();
  switch (rule.type) {
    case 'boolean':
      return (
        <>
          <SourcePicker path={[...path, 'source']} kinds={['measure', 'channel', 'input']} />
          <SourceFields path={path} source={rule.source} inputs={inputs} inputType="boolean" />
        </>
      );
    case 'count':
      return (
        <>
          <SourcePicker path={[...path, 'source']} kinds={['measure', 'input']} />
          <SourceFields path={path} source={rule.source} inputs={inputs} inputType="number" />
          <FieldRow>
            <NumberField
              path={[...path, 'threshold']}
              label={t('frameworkEditor.rule.threshold')}
              min={1}
              integer
            />
            <PartialField path={[...path, 'partial']} />
          </FieldRow>
        </>
      );
    case 'ladder':
      return (
        <>
          <SourcePicker path={[...path, 'source']} kinds={['measure', 'input']} />
          <SourceFields path={path} source={rule.source} inputs={inputs} inputType="number" />
          <LadderSteps path={path} />
        </>
      );
    case 'frequency':
      return (
        <>
          <MeasureEditor path={[...path, 'measure']} />
          <FrequencyTiers path={path} />
        </>
      );
    case 'minimum_each':
      return (
        <>
          <MeasureEditor path={[...path, 'measure']} />
          <FieldRow min={150}>
            <EveryField path={[...path, 'every']} />
            <NumberField
              path={[...path, 'atLeast']}
              label={t('frameworkEditor.rule.atLeastEach')}
              min={1}
              integer
            />
            <PartialField path={[...path, 'partial']} every={rule.every} />
          </FieldRow>
        </>
      );
    case 'ratio':
      return (
        <>
          <RatioSide path={path} side="numerator" inputs={inputs} />
          <RatioSide path={path} side="denominator" inputs={inputs} />
        </>
      );
    case 'choice':
      return (
        <>
          <InputKeyField path={[...path, 'input']} inputs={inputs} type="choice" />
          <ChoiceOptions path={path} inputs={inputs} />
        </>
      );
    case 'sum':
      return <SumParts path={path} inputs={inputs} />;
    case 'all_of':
    case 'any_of':
      return <InnerRules path={path} inputs={inputs} />;
    case 'manual':
      return (
        <Typography.Paragraph type="secondary">{t('frameworkEditor.rule.manualHint')}</Typography.Paragraph>
      );
  }
}

import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Form, Select, Tag, Typography } from 'antd';
import { inputSchema, ruleSchema } from '../../../../shared/frameworks/definition';
import { UNIT_KIND_LABELS } from '../../../../shared/units';
import { useI18n } from '../../../i18n/I18nProvider';
import { describeRule, formatPoints } from '../describe-rule';
import { RuleTextView } from '../RuleTextView';
import {
  type CriterionDraft,
  emptyInput,
  findCriterionPlace,
  type InputDraft,
  moveCriterionToIndex,
  ruleToDefinition,
} from './draft';
import { type DraftPath, domIdOf } from './draft-paths';
import { useEditor, useErrorCountUnder } from './editor-context';
import {
  BlockIssues,
  CheckField,
  FieldRow,
  MultiSelectField,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import { ListEntryActions, ListItemActions, useList } from './ListItemActions';
import { RuleEditor } from './RuleEditor';

/**
 * One criterion: code, title, maximum, the unit kinds it scores, its rule, the figures entered by hand
 * and the guidance on evidence. Under the rule, the rule in the words the criterion's page will use,
 * once the rule is complete.
 */

function RulePreview({ criterion }: { criterion: CriterionDraft }) {
  const { t, label, language } = useI18n();
  const { draft } = useEditor();
  const rule = ruleSchema.safeParse(ruleToDefinition(criterion.rule));
  const inputs = criterion.inputs.flatMap((input) => {
    const parsed = inputSchema.safeParse({
      key: input.key,
      label: input.label || input.key,
      type: input.type,
    });
    return parsed.success ? [{ ...parsed.data, options: input.options }] : [];
  });
  if (!rule.success || criterion.max === null) return null;
  const text = describeRule(rule.data, criterion.max, {
    t,
    label,
    language,
    periodKind: draft.period,
    inputs,
  });
  return (
    <div
      data-rule-preview
      style={{
        background: '#f6f8fb',
        borderRadius: 6,
        padding: 8,
        marginBottom: 12,
        overflowWrap: 'anywhere',
      }}
    >
      <Typography.Text strong>{t('frameworkEditor.preview')}: </Typography.Text>
      <RuleTextView rule={text} />
    </div>
  );
}

function InputsEditor({ path }: { path: DraftPath }) {
  const { t } = useI18n();
  const inputs = useList<InputDraft>(path);
  return (
    <div id={domIdOf(path)} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('frameworks.inputs')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('frameworkEditor.inputsHint')}
      </Typography.Paragraph>
      <BlockIssues path={path} />
      {inputs.list.map((input, index) => {
        const at = [...path, index];
        const name = input.label || input.key || t('frameworkEditor.input', { number: index + 1 });
        return (
          <Card
            key={input.uid}
            id={domIdOf(at)}
            size="small"
            title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{name}</span>}
            extra={<ListEntryActions list={inputs} index={index} name={name} />}
            style={{ marginBottom: 8 }}
            styles={{ body: { paddingInline: 8 } }}
          >
            <BlockIssues path={at} />
            <FieldRow>
              <TextField
                path={[...at, 'key']}
                label={t('frameworkEditor.inputKey')}
                placeholder="so_van_ban"
              />
              <TextField path={[...at, 'label']} label={t('frameworkEditor.inputLabel')} />
              <SelectField
                path={[...at, 'type']}
                label={t('frameworkEditor.inputType')}
                options={(['number', 'boolean', 'choice'] as const).map((type) => ({
                  value: type,
                  label: t(`frameworkEditor.inputType.${type}`),
                }))}
              />
              <TextField path={[...at, 'unit']} label={t('frameworkEditor.inputUnit')} />
            </FieldRow>
            {input.type === 'choice' ? <InputOptions path={[...at, 'options']} /> : null}
          </Card>
        );
      })}
      <Button size="small" icon={<PlusOutlined />} onClick={() => inputs.add(emptyInput())}>
        {t('frameworkEditor.addInput')}
      </Button>
    </div>
  );
}

function InputOptions({ path }: { path: DraftPath }) {
  const { t } = useI18n();
  const options = useList<InputDraft['options'][number]>(path);
  return (
    <div id={domIdOf(path)}>
      <BlockIssues path={path} />
      {options.list.map((_, index) => {
        const name = t('frameworkEditor.rule.option', { number: index + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are values without identity
          <div key={index} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <div style={{ flex: '1 1 320px', minWidth: 0 }}>
              <FieldRow min={140}>
                <TextField path={[...path, index, 'value']} label={t('frameworkEditor.optionValue')} />
                <TextField path={[...path, index, 'label']} label={t('frameworkEditor.optionLabel')} />
              </FieldRow>
            </div>
            <div style={{ paddingTop: 30 }}>
              <ListEntryActions list={options} index={index} name={name} />
            </div>
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => options.add({ value: '', label: '' })}
        style={{ marginBottom: 8 }}
      >
        {t('frameworkEditor.rule.addOption')}
      </Button>
    </div>
  );
}

/** Which index the criterion belongs to: choosing another moves it there (to the end of that index). */
function IndexOfCriterion({ criterion }: { criterion: CriterionDraft }) {
  const { t } = useI18n();
  const { draft, update } = useEditor();
  const place = findCriterionPlace(draft, criterion.uid);
  if (!place) return null;
  const current = draft.pillars[place.pillar]!.indices[place.index]!.uid;
  const options = draft.pillars.flatMap((pillar) =>
    pillar.indices.map((index) => ({
      value: index.uid,
      label: t('frameworkEditor.moveToIndexOption', {
        code: index.code || '…',
        title: index.title || t('frameworkEditor.untitled'),
      }),
    })),
  );
  const id = `move-${criterion.uid}`;
  return (
    <Form.Item
      label={t('frameworkEditor.moveToIndex')}
      htmlFor={id}
      style={{ marginBottom: 12, minWidth: 0 }}
    >
      <Select<string>
        id={id}
        data-move-criterion={criterion.code}
        value={current}
        options={options}
        onChange={(target) => update(['pillars'], moveCriterionToIndex(draft, criterion.uid, target).pillars)}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

export function CriterionEditor(props: {
  path: DraftPath;
  criterion: CriterionDraft;
  index: number;
  count: number;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t, label, language } = useI18n();
  const { draft } = useEditor();
  const { path, criterion } = props;
  const errors = useErrorCountUnder(path);
  const name = t('frameworkEditor.criterionName', { code: criterion.code || '…' });
  const kinds = draft.appliesTo.map((kind) => ({ value: kind, label: label(UNIT_KIND_LABELS[kind]) }));
  return (
    <Card
      size="small"
      id={domIdOf(path)}
      data-criterion-editor={criterion.code}
      style={{ borderColor: errors ? '#ff7875' : undefined }}
      styles={{ body: { paddingInline: 12 } }}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 6 }}>
          {errors ? <Badge count={errors} style={{ marginInlineEnd: 6 }} /> : null}
          {criterion.code || '…'} · {criterion.title || t('frameworkEditor.untitled')}{' '}
          {criterion.max !== null ? (
            <Tag color="geekblue">{t('frameworks.max', { max: formatPoints(criterion.max, language) })}</Tag>
          ) : null}
        </span>
      }
      extra={
        <ListItemActions
          index={props.index}
          count={props.count}
          name={name}
          onMove={props.onMove}
          onRemove={props.onRemove}
          confirm
        />
      }
    >
      <BlockIssues path={path} />
      <FieldRow min={140}>
        <TextField
          path={[...path, 'code']}
          label={t('frameworkEditor.criterionCode')}
          placeholder="1.5"
          required
        />
        <NumberField path={[...path, 'max']} label={t('frameworkEditor.max')} min={0} required />
        <IndexOfCriterion criterion={criterion} />
      </FieldRow>
      <TextField path={[...path, 'title']} label={t('frameworkEditor.criterionTitle')} multiline required />
      <MultiSelectField
        path={[...path, 'appliesTo']}
        label={t('frameworks.appliesTo')}
        options={kinds}
        placeholder={t('frameworkEditor.appliesToDefault')}
      />
      <div style={{ borderInlineStart: '3px solid #d6e4ff', paddingInlineStart: 8, marginBottom: 12 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('frameworks.rule')}
        </Typography.Title>
        <RuleEditor path={[...path, 'rule']} inputs={criterion.inputs} nested={false} />
      </div>
      <RulePreview criterion={criterion} />
      <InputsEditor path={[...path, 'inputs']} />
      <TextField path={[...path, 'evidence']} label={t('frameworks.evidence')} multiline />
      <CheckField path={[...path, 'evidenceRequired']} label={t('frameworks.evidenceRequired')} />
      <TextField path={[...path, 'dataSource']} label={t('frameworks.dataSource')} multiline />
      <TextField path={[...path, 'hint']} label={t('frameworks.hint')} multiline />
    </Card>
  );
}

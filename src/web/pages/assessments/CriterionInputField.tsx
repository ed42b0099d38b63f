import { Form, InputNumber, Radio, Select } from 'antd';
import type { CriterionInputSpec } from '../../api/assessments';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * One value the framework asks a person for (a number, yes or no, one of its options); the rule
 * computes the automatic score from it when the criterion is saved.
 */
export function CriterionInputField({ spec, disabled }: { spec: CriterionInputSpec; disabled: boolean }) {
  const { t } = useI18n();
  const name = ['inputs', spec.key];
  const label = spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
  return (
    <Form.Item name={name} label={label}>
      {spec.type === 'number' ? (
        <InputNumber min={0} inputMode="decimal" disabled={disabled} style={{ width: '100%' }} />
      ) : spec.type === 'boolean' ? (
        <Radio.Group
          disabled={disabled}
          optionType="button"
          options={[
            { value: true, label: t('assessments.input.yes') },
            { value: false, label: t('assessments.input.no') },
          ]}
        />
      ) : (
        <Select
          allowClear
          disabled={disabled}
          placeholder={t('assessments.input.choose')}
          options={(spec.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
          style={{ width: '100%' }}
        />
      )}
    </Form.Item>
  );
}

/** A stored value as the card shows it when it cannot be edited. */
export function inputValueText(
  spec: CriterionInputSpec,
  value: number | boolean | string | undefined,
  t: ReturnType<typeof useI18n>['t'],
): string {
  if (value === undefined) return t('assessments.input.empty');
  if (typeof value === 'boolean') return value ? t('assessments.input.yes') : t('assessments.input.no');
  if (spec.type === 'choice')
    return spec.options?.find((option) => option.value === value)?.label ?? String(value);
  return spec.unit ? `${value} ${spec.unit}` : String(value);
}

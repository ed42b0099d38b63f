import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DAY_FORMAT, parseIsoDay, toIsoDay } from '../../../format/dates';
import { type DraftPath, domIdOf, getIn } from './draft-paths';
import { useEditor, useIssuesAt } from './editor-context';

/**
 * Fields bound to a path of the draft. Each shows the server's messages for its path under it (errors
 * in red, warnings in orange) and carries the path as its id, so the list of problems can jump to it.
 */

interface FieldProps {
  path: DraftPath;
  label: ReactNode;
  hint?: ReactNode;
  /** Also show the problems of the list's items (a multiple choice). */
  items?: boolean;
  required?: boolean;
  style?: React.CSSProperties;
}

export function FieldShell(props: FieldProps & { children: ReactNode }) {
  const { errors, warnings } = useIssuesAt(props.path, { items: props.items });
  const messages = errors.length ? errors : warnings;
  return (
    <Form.Item
      label={props.label}
      htmlFor={domIdOf(props.path)}
      required={props.required}
      validateStatus={errors.length ? 'error' : warnings.length ? 'warning' : undefined}
      help={
        messages.length ? (
          <span role={errors.length ? 'alert' : undefined}>{messages.join(' ')}</span>
        ) : undefined
      }
      extra={props.hint}
      style={{ marginBottom: 12, minWidth: 0, ...props.style }}
    >
      {props.children}
    </Form.Item>
  );
}

function useValue<T>(path: DraftPath, guard: (value: unknown) => value is T, fallback: T) {
  const { draft, update } = useEditor();
  const value = getIn(draft, path);
  return [guard(value) ? value : fallback, (next: unknown) => update(path, next)] as const;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumberOrNull = (value: unknown): value is number | null =>
  typeof value === 'number' || value === null;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export function TextField(
  props: FieldProps & { multiline?: boolean; placeholder?: string; maxLength?: number },
) {
  const [value, set] = useValue(props.path, isString, '');
  const common = {
    id: domIdOf(props.path),
    value,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
  };
  return (
    <FieldShell {...props}>
      {props.multiline ? (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 1, maxRows: 6 }}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <Input {...common} onChange={(e) => set(e.target.value)} />
      )}
    </FieldShell>
  );
}

export function NumberField(
  props: FieldProps & { min?: number; max?: number; step?: number; integer?: boolean; width?: number },
) {
  const [value, set] = useValue(props.path, isNumberOrNull, null);
  return (
    <FieldShell {...props}>
      <InputNumber
        id={domIdOf(props.path)}
        value={value}
        min={props.min}
        max={props.max}
        step={props.step}
        precision={props.integer ? 0 : undefined}
        inputMode={props.integer ? 'numeric' : 'decimal'}
        decimalSeparator=","
        onChange={(next) => set(typeof next === 'number' ? next : null)}
        style={{ width: props.width ?? '100%', maxWidth: '100%' }}
      />
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { options: readonly Choice[]; allowClear?: boolean; placeholder?: string },
) {
  const [value, set] = useValue(props.path, isString, '');
  return (
    <FieldShell {...props}>
      <Select<string>
        id={domIdOf(props.path)}
        value={value || undefined}
        options={props.options.map((option) => ({ ...option }))}
        allowClear={props.allowClear}
        placeholder={props.placeholder}
        onChange={(next) => set(next ?? '')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
      />
    </FieldShell>
  );
}

/** Several of a list; with `tags` the officer may also type codes that are not in it (a province's topics). */
export function MultiSelectField(
  props: FieldProps & { options: readonly Choice[]; tags?: boolean; placeholder?: string },
) {
  const [value, set] = useValue(props.path, isStringList, []);
  return (
    <FieldShell {...props} items>
      <Select<string[]>
        id={domIdOf(props.path)}
        mode={props.tags ? 'tags' : 'multiple'}
        value={value}
        options={props.options.map((option) => ({ ...option }))}
        placeholder={props.placeholder}
        onChange={(next) => set(next)}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
      />
    </FieldShell>
  );
}

export function CheckField(props: FieldProps) {
  const [value, set] = useValue(props.path, isBoolean, false);
  return (
    <FieldShell {...props} label={null}>
      <Checkbox id={domIdOf(props.path)} checked={value} onChange={(e) => set(e.target.checked)}>
        {props.label}
      </Checkbox>
    </FieldShell>
  );
}

/** A day kept as yyyy-MM-dd, shown and typed as dd/MM/yyyy. */
export function DayField(props: FieldProps & { allowClear?: boolean }) {
  const [value, set] = useValue(props.path, isString, '');
  return (
    <FieldShell {...props}>
      <DatePicker
        id={domIdOf(props.path)}
        value={parseIsoDay(value)}
        format={DAY_FORMAT}
        allowClear={props.allowClear}
        onChange={(day) => set(day ? toIsoDay(day) : '')}
        style={{ width: '100%' }}
      />
    </FieldShell>
  );
}

/** Fields side by side on wide screens, one under the other on a phone. */
export function FieldRow({ children, min = 180 }: { children: ReactNode; min?: number }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fit, minmax(min(${min}px, 100%), 1fr))`,
        columnGap: 12,
      }}
    >
      {children}
    </div>
  );
}

/** A block's own problems (a missing list, a rule without a source), above its fields. */
export function BlockIssues({ path }: { path: DraftPath }) {
  const { errors, warnings } = useIssuesAt(path);
  if (!errors.length && !warnings.length) return null;
  return (
    <div style={{ marginBottom: 8 }}>
      {errors.map((message) => (
        <Typography.Text key={message} type="danger" role="alert" style={{ display: 'block' }}>
          {message}
        </Typography.Text>
      ))}
      {warnings.map((message) => (
        <Typography.Text key={message} type="warning" style={{ display: 'block' }}>
          {message}
        </Typography.Text>
      ))}
    </div>
  );
}

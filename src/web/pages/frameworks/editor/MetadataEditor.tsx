import { Card, Typography } from 'antd';
import { PERIOD_KINDS } from '../../../../shared/frameworks/definition';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../../shared/units';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatPoints } from '../describe-rule';
import { domIdOf } from './draft-paths';
import { useEditor } from './editor-context';
import {
  BlockIssues,
  CheckField,
  DayField,
  FieldRow,
  MultiSelectField,
  NumberField,
  SelectField,
  TextField,
} from './fields';
import { totalsByKind } from './totals';

/** The framework's own facts: code and version, names, validity, period, unit kinds and their totals. */
export function MetadataEditor() {
  const { t, label, language } = useI18n();
  const { draft } = useEditor();
  const totals = totalsByKind(draft);
  return (
    <Card size="small" title={t('frameworkEditor.metadata')} id={domIdOf('')}>
      <BlockIssues path={[]} />
      <FieldRow>
        <TextField
          path={['code']}
          label={t('frameworks.code')}
          hint={t('frameworkEditor.codeHint')}
          required
        />
        <TextField
          path={['version']}
          label={t('frameworks.version')}
          hint={t('frameworkEditor.versionHint')}
          required
        />
      </FieldRow>
      <TextField path={['name']} label={t('frameworkEditor.name')} multiline required />
      <FieldRow>
        <TextField path={['legalBasis']} label={t('frameworks.legalBasis')} multiline required />
        <TextField path={['issuingBody']} label={t('frameworks.issuingBody')} required />
      </FieldRow>
      <FieldRow min={150}>
        <DayField
          path={['validFrom']}
          label={t('frameworkEditor.validFrom')}
          hint={t('frameworkEditor.validFromHint')}
          required
        />
        <DayField
          path={['validTo']}
          label={t('frameworkEditor.validTo')}
          allowClear
          hint={t('frameworkEditor.validToHint')}
        />
        <SelectField
          path={['period']}
          label={t('frameworks.periodKind')}
          options={PERIOD_KINDS.map((period) => ({ value: period, label: t(`frameworks.period.${period}`) }))}
        />
      </FieldRow>
      <MultiSelectField
        path={['appliesTo']}
        label={t('frameworks.kinds')}
        options={UNIT_KINDS.map((kind) => ({ value: kind, label: label(UNIT_KIND_LABELS[kind]) }))}
        required
      />
      <Typography.Text strong>{t('frameworkEditor.totals')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('frameworkEditor.totalsHint')}
      </Typography.Paragraph>
      <FieldRow min={150}>
        {totals.map((row) => (
          <NumberField
            key={row.kind}
            path={['totals', row.kind]}
            label={label(UNIT_KIND_LABELS[row.kind])}
            min={0}
            hint={t('frameworkEditor.criteriaSum', { sum: formatPoints(row.sum, language) })}
          />
        ))}
      </FieldRow>
      <CheckField path={['rollUpPredecessors']} label={t('frameworkEditor.rollUp')} />
      <TextField path={['description']} label={t('frameworks.description')} multiline />
    </Card>
  );
}

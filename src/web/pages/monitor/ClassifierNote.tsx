import { Alert, Typography } from 'antd';
import type { UnitMonitor } from '../../api/monitor';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Which model decides what lands in the review queue: the shipped one or the one retrained with the
 * decisions (when, on how many items), and that decisions are remembered.
 */
export function ClassifierNote({ classifier }: { classifier: UnitMonitor['classifier'] }) {
  const { t } = useI18n();
  const model =
    classifier.source === 'retrained'
      ? t('monitorAdmin.classifier.retrained', {
          at: formatDateTime(classifier.trainedAt),
          items: classifier.items,
          decisions: classifier.decisions,
        })
      : t('monitorAdmin.classifier.shipped', { items: classifier.items });
  const f1 =
    classifier.f1 === null
      ? ''
      : ` ${t('monitorAdmin.classifier.f1', { f1: (classifier.f1 * 100).toFixed(1) })}`;
  return (
    <div data-testid="classifier-note" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {model}
        {f1}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('monitorAdmin.classifier.remembered')}
      </Typography.Paragraph>
      {classifier.problem && <Alert type="warning" showIcon title={classifier.problem} />}
    </div>
  );
}

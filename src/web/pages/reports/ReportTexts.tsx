import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type ReportDetail, usePreviousTexts, useSaveReportTexts } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

const FIELDS = [
  { key: 'assessmentText', title: 'reports.page.part2' },
  { key: 'tasksText', title: 'reports.page.part3' },
  { key: 'proposalsText', title: 'reports.page.part4' },
] as const;
type Texts = Record<(typeof FIELDS)[number]['key'], string>;
const MAX = 20_000;

const textsOf = (report: ReportDetail): Texts => ({
  assessmentText: report.assessmentText,
  tasksText: report.tasksText,
  proposalsText: report.proposalsText,
});

/** Parts II–IV: editable while a draft the user may prepare (with last period's text as a start), else read. */
export function ReportTexts({
  report,
  onDirtyChange,
}: {
  report: ReportDetail;
  /** Told whether there are unsaved changes, so the workflow waits for them to be saved. */
  onDirtyChange?: (isDirty: boolean) => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const canEdit = report.actions.includes('edit');
  const [texts, setTexts] = useState<Texts>(() => textsOf(report));
  const save = useSaveReportTexts(report.id);
  const previous = usePreviousTexts(report.id, canEdit);
  const saved = textsOf(report);
  const isDirty = FIELDS.some(({ key }) => texts[key] !== saved[key]);
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);

  // Another version, or the server's normalised text after a save, replaces what is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored texts change
  useEffect(() => setTexts(textsOf(report)), [report.id, report.updatedAt]);

  const handleSave = () =>
    save.mutate(texts, { onSuccess: () => void message.success(t('reports.page.saved')) });

  const handleUsePrevious = () => {
    const source = previous.data?.previous;
    if (!source) return;
    modal.confirm({
      title: t('reports.page.usePrevious'),
      content: t('reports.page.usePreviousConfirm', { period: source.periodLabel }),
      okText: t('reports.page.ok'),
      cancelText: t('reports.page.cancel'),
      onOk: () =>
        setTexts({
          assessmentText: source.assessmentText,
          tasksText: source.tasksText,
          proposalsText: source.proposalsText,
        }),
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canEdit && previous.data?.previous ? (
        <Button onClick={handleUsePrevious} data-testid="use-previous">
          {t('reports.page.usePrevious')} ({previous.data.previous.periodLabel})
        </Button>
      ) : null}
      {FIELDS.map(({ key, title }) => (
        <Card key={key} size="small" title={t(title)}>
          {canEdit ? (
            <Input.TextArea
              value={texts[key]}
              onChange={(event) => setTexts((current) => ({ ...current, [key]: event.target.value }))}
              autoSize={{ minRows: 4, maxRows: 16 }}
              maxLength={MAX}
              showCount
              aria-label={t(title)}
              data-testid={`report-${key}`}
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {saved[key] || (
                <Typography.Text type="secondary">{t('reports.page.emptyText')}</Typography.Text>
              )}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
      {canEdit ? (
        <Space wrap>
          <Button
            type="primary"
            onClick={handleSave}
            loading={save.isPending}
            disabled={!isDirty}
            data-testid="save-texts"
          >
            {t('reports.page.save')}
          </Button>
          {isDirty ? <Typography.Text type="warning">{t('reports.page.unsaved')}</Typography.Text> : null}
        </Space>
      ) : null}
      <ErrorAlert error={save.error} />
    </Space>
  );
}

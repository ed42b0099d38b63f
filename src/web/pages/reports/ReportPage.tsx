import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useReport } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { ReportPartOne } from './ReportPartOne';
import { ReportTexts } from './ReportTexts';
import { ReportWorkflow } from './ReportWorkflow';
import { DueLine, OnTimeRule, StateTag, StatusTag } from './report-format';

/** One report version (/reports/:reportId): header, workflow, part I, parts II–IV, versions. */
export function ReportPage() {
  const { reportId = '' } = useParams();
  const { t } = useI18n();
  const report = useReport(reportId);
  const [isDirty, setIsDirty] = useState(false);
  if (report.isLoading) return <PageSpinner />;
  if (report.error || !report.data)
    return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.period.typeName} — {data.period.label}
          </Typography.Title>
          <Typography.Text strong>{data.unitName}</Typography.Text>
          <DueLine dueOn={data.period.dueOn} from={data.period.periodFrom} to={data.period.periodTo} />
          <Space size={[4, 4]} wrap>
            <StatusTag status={data.status} />
            <StateTag state={data.state} isOverdue={data.period.isPastDue && data.state === 'missing'} />
            <Tag>{t('reports.page.version', { version: data.version })}</Tag>
          </Space>
          <OnTimeRule />
        </Space>
      </Card>
      {data.status === 'submitted' ? (
        <Alert type="info" showIcon title={t('reports.page.frozen', { day: formatDay(data.submittedOn) })} />
      ) : null}
      {data.status === 'superseded' ? (
        <Alert type="warning" showIcon title={t('reports.page.superseded')} />
      ) : null}
      {data.note && data.status === 'draft' ? (
        <Alert type="warning" showIcon title={t('reports.page.returnedNote', { note: data.note })} />
      ) : null}
      <ReportWorkflow report={data} isDirty={isDirty} />
      <ReportDocuments reportId={data.id} />
      <ReportPartOne report={data} />
      <ReportTexts report={data} onDirtyChange={setIsDirty} />
      {data.recipients ? (
        <Card size="small" title={t('reports.page.recipients')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {data.recipients}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Card size="small" title={t('reports.page.versions')}>
        <List
          size="small"
          dataSource={data.versions}
          data-testid="report-versions"
          renderItem={(version) => (
            <List.Item>
              <Space size={[6, 4]} wrap>
                {version.id === data.id ? (
                  <Typography.Text strong>
                    {t('reports.page.version', { version: version.version })}
                  </Typography.Text>
                ) : (
                  <Link to={`/reports/${version.id}`}>
                    {t('reports.page.version', { version: version.version })}
                  </Link>
                )}
                <StatusTag status={version.status} />
                {version.submittedOn ? (
                  <Typography.Text type="secondary">
                    {t('reports.periodPage.firstSubmitted', { day: formatDay(version.submittedOn) })}
                  </Typography.Text>
                ) : null}
                {version.note ? <Typography.Text type="secondary">{version.note}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

/**
 * The report's documents: the DOCX (NĐ 30/2020), its XLSX annex and the evidence package. Plain
 * links: the browser downloads them with the session cookie; on a phone each is a full-width button.
 */
function ReportDocuments({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const base = `/api/reports/${reportId}`;
  const links = [
    { key: 'docx', href: `${base}/document.docx`, label: t('cycle.documents.docx') },
    { key: 'annex', href: `${base}/annex.xlsx`, label: t('cycle.documents.annex') },
    { key: 'evidence', href: `${base}/evidence.zip`, label: t('cycle.documents.evidence') },
  ];
  return (
    <Card size="small" title={t('cycle.documents.title')} data-testid="report-documents">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {links.map((link) => (
          <Button
            key={link.key}
            href={link.href}
            download
            icon={<DownloadOutlined />}
            style={{ flex: '1 1 200px', whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
          >
            {link.label}
          </Button>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {t('cycle.documents.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

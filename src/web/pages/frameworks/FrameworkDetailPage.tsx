import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { type FrameworkDetail, useFramework, useFrameworkList } from '../../api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIso } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { Fact, FrameworkFacts } from './FrameworkFacts';
import { useImportedText, VersionTags } from './FrameworkGroupCard';
import { FrameworkTree } from './FrameworkTree';
import { versionInForce } from './framework-groups';
import { SourceCard } from './SourceCard';

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/frameworks">
      <ArrowLeftOutlined /> {t('frameworks.back')}
    </Link>
  );
}

/** Whether this is the version of its code in force today (from the list the previous page loaded). */
function useIsCurrent(framework: FrameworkDetail | undefined): boolean {
  const list = useFrameworkList();
  if (!framework || !list.data) return false;
  const versions = list.data.items.filter((item) => item.code === framework.code);
  return versionInForce(versions, todayIso())?.id === framework.id;
}

/** For those who may import frameworks: this version copied into the editor, to save as a new one. */
function NewVersionLink({ framework }: { framework: FrameworkDetail }) {
  const { t } = useI18n();
  const list = useFrameworkList();
  const navigate = useNavigate();
  if (!list.data?.canManage) return null;
  return (
    <div>
      <Button
        type="primary"
        icon={<CopyOutlined />}
        onClick={() => navigate(`/frameworks/${framework.id}/new-version`)}
      >
        {t('frameworkEditor.newVersion')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('frameworkEditor.newVersionHint')}
      </Typography.Paragraph>
    </div>
  );
}

function MetadataCard({ framework, isCurrent }: { framework: FrameworkDetail; isCurrent: boolean }) {
  const { t } = useI18n();
  const importedText = useImportedText();
  const definition = framework.definition;
  return (
    <Card size="small">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
          <Typography.Text code>{framework.code}</Typography.Text>
          <Typography.Text strong style={{ marginInlineEnd: 8 }}>
            {t('frameworks.versionValue', { version: framework.version })}
          </Typography.Text>
          <VersionTags version={framework} isCurrent={isCurrent} />
        </div>
        <FrameworkFacts header={framework} />
        <Fact label={t('frameworks.rollUp')}>
          {definition.rollUpPredecessors ? t('frameworks.rollUpYes') : t('frameworks.rollUpNo')}
        </Fact>
        <Fact label={t('frameworks.description')}>{definition.description}</Fact>
        <Fact label={t('frameworks.imported')}>{importedText(framework)}</Fact>
        <NewVersionLink framework={framework} />
      </Space>
    </Card>
  );
}

/**
 * One framework version (/frameworks/:frameworkId): its metadata, the tree of pillars, indices and
 * criteria with every rule in words, and the source file as imported.
 */
export function FrameworkDetailPage() {
  const { frameworkId = '' } = useParams();
  const { t } = useI18n();
  const query = useFramework(frameworkId);
  const framework = query.data;
  const isCurrent = useIsCurrent(framework);

  if (query.isError && (isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')))
    return <Result status="404" title={t('frameworks.notFound')} extra={<BackLink />} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        <BackLink />
        <Typography.Title level={2} style={{ margin: '4px 0 0', fontSize: 20, overflowWrap: 'anywhere' }}>
          {framework ? framework.name : t('frameworks.title')}
        </Typography.Title>
      </div>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isLoading ? <Skeleton active /> : null}
      {framework ? (
        <>
          <MetadataCard framework={framework} isCurrent={isCurrent} />
          <FrameworkTree definition={framework.definition} />
          <SourceCard framework={framework} />
        </>
      ) : null}
    </Space>
  );
}

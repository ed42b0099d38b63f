import { RightOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { FrameworkVersion } from '../../api/frameworks';
import { formatDateTime, todayIso } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { Fact, FrameworkFacts } from './FrameworkFacts';
import { type FrameworkGroup, versionInForce } from './framework-groups';

/** Built-in, when and by whom a version was imported. */
export function useImportedText(): (version: FrameworkVersion) => string {
  const { t } = useI18n();
  return (version) => {
    const at = formatDateTime(version.importedAt);
    if (version.importedBy) return t('frameworks.importedBy', { at, user: version.importedBy });
    return version.isBuiltin ? t('frameworks.importedBuiltin', { at }) : t('frameworks.importedCli', { at });
  };
}

export function VersionTags(props: { version: FrameworkVersion; isCurrent: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {props.isCurrent ? <Tag color="green">{t('frameworks.current')}</Tag> : null}
      {props.version.isBuiltin ? <Tag color="blue">{t('frameworks.builtin')}</Tag> : null}
      <Tag>{props.version.sourceFormat.toUpperCase()}</Tag>
    </>
  );
}

function VersionItem(props: { version: FrameworkVersion; isCurrent: boolean; showName: boolean }) {
  const { t } = useI18n();
  const importedText = useImportedText();
  const { version } = props;
  return (
    <List.Item style={{ display: 'block', paddingInline: 0 }}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
          <Link to={`/frameworks/${version.id}`} style={{ fontWeight: 600, marginInlineEnd: 8 }}>
            {t('frameworks.versionValue', { version: version.version })} <RightOutlined />
          </Link>
          <VersionTags version={version} isCurrent={props.isCurrent} />
        </div>
        {props.showName ? (
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{version.name}</Typography.Text>
        ) : null}
        <FrameworkFacts header={version} />
        <Fact label={t('frameworks.imported')}>{importedText(version)}</Fact>
      </Space>
    </List.Item>
  );
}

/** One framework code: its newest name, then every stored version with its facts. */
export function FrameworkGroupCard({ group }: { group: FrameworkGroup }) {
  const { t } = useI18n();
  const newest = group.versions[0];
  const current = versionInForce(group.versions, todayIso());
  if (!newest) return null;
  return (
    <Card
      size="small"
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 6 }}>
          {newest.name}
        </span>
      }
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{t('frameworks.code')}:</Typography.Text>
        <Typography.Text code>{group.code}</Typography.Text>
        <Typography.Text type="secondary">
          · {t('frameworks.versionCount', { count: group.versions.length })}
        </Typography.Text>
      </Space>
      <List
        dataSource={group.versions}
        rowKey="id"
        renderItem={(version) => (
          <VersionItem
            version={version}
            isCurrent={version.id === current?.id}
            showName={version.name !== newest.name}
          />
        )}
      />
    </Card>
  );
}

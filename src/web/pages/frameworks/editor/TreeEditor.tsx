import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { CriterionEditor } from './CriterionEditor';
import {
  type CriterionDraft,
  emptyCriterion,
  emptyIndex,
  emptyPillar,
  type IndexDraft,
  nextCode,
  type PillarDraft,
} from './draft';
import { type DraftPath, domIdOf } from './draft-paths';
import { useErrorCountUnder } from './editor-context';
import { BlockIssues, FieldRow, TextField } from './fields';
import { ListItemActions, useList } from './ListItemActions';

/** Pillar → index → criterion, each level with its code and title, added, moved and removed in place. */

function IndexEditor(props: {
  path: DraftPath;
  index: IndexDraft;
  position: number;
  count: number;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const criteria = useList<CriterionDraft>([...props.path, 'criteria']);
  const errors = useErrorCountUnder(props.path);
  const name = t('frameworks.index', { code: props.index.code || '…' });
  return (
    <section
      id={domIdOf(props.path)}
      style={{ borderInlineStart: '3px solid #d6e4ff', paddingInlineStart: 8 }}
      aria-label={name}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: '0 0 8px', fontSize: 16, overflowWrap: 'anywhere' }}>
          {errors ? <Badge count={errors} style={{ marginInlineEnd: 6 }} /> : null}
          {name} · {props.index.title || t('frameworkEditor.untitled')}
        </Typography.Title>
        <ListItemActions
          index={props.position}
          count={props.count}
          name={name}
          onMove={props.onMove}
          onRemove={props.onRemove}
          confirm
        />
      </div>
      <BlockIssues path={props.path} />
      <FieldRow>
        <TextField path={[...props.path, 'code']} label={t('frameworkEditor.indexCode')} required />
        <TextField path={[...props.path, 'title']} label={t('frameworkEditor.indexTitle')} required />
      </FieldRow>
      <BlockIssues path={[...props.path, 'criteria']} />
      <Space orientation="vertical" size="small" style={{ width: '100%', display: 'flex' }}>
        {criteria.list.map((criterion, position) => (
          <CriterionEditor
            key={criterion.uid}
            path={[...props.path, 'criteria', position]}
            criterion={criterion}
            index={position}
            count={criteria.list.length}
            onMove={(by) => criteria.move(position, by)}
            onRemove={() => criteria.remove(position)}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            criteria.add(emptyCriterion(nextCode(criteria.list.map((criterion) => criterion.code))))
          }
        >
          {t('frameworkEditor.addCriterion', { index: props.index.code || '…' })}
        </Button>
      </Space>
    </section>
  );
}

function PillarEditor(props: {
  path: DraftPath;
  pillar: PillarDraft;
  position: number;
  count: number;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const indices = useList<IndexDraft>([...props.path, 'indices']);
  const name = t('frameworks.pillar', { code: props.pillar.code || '…' });
  return (
    <Card
      size="small"
      id={domIdOf(props.path)}
      styles={{ body: { paddingInline: 8 } }}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 6 }}>
          {name} · {props.pillar.title || t('frameworkEditor.untitled')}
        </span>
      }
      extra={
        <ListItemActions
          index={props.position}
          count={props.count}
          name={name}
          onMove={props.onMove}
          onRemove={props.onRemove}
          confirm
        />
      }
    >
      <BlockIssues path={props.path} />
      <FieldRow>
        <TextField path={[...props.path, 'code']} label={t('frameworkEditor.pillarCode')} required />
        <TextField path={[...props.path, 'title']} label={t('frameworkEditor.pillarTitle')} required />
      </FieldRow>
      <BlockIssues path={[...props.path, 'indices']} />
      <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
        {indices.list.map((index, position) => (
          <IndexEditor
            key={index.uid}
            path={[...props.path, 'indices', position]}
            index={index}
            position={position}
            count={indices.list.length}
            onMove={(by) => indices.move(position, by)}
            onRemove={() => indices.remove(position)}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => indices.add(emptyIndex(nextCode(indices.list.map((index) => index.code))))}
        >
          {t('frameworkEditor.addIndex')}
        </Button>
      </Space>
    </Card>
  );
}

export function TreeEditor() {
  const { t } = useI18n();
  const pillars = useList<PillarDraft>(['pillars']);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>
        {t('frameworks.tree')}
      </Typography.Title>
      <BlockIssues path={['pillars']} />
      {pillars.list.map((pillar, position) => (
        <PillarEditor
          key={pillar.uid}
          path={['pillars', position]}
          pillar={pillar}
          position={position}
          count={pillars.list.length}
          onMove={(by) => pillars.move(position, by)}
          onRemove={() => pillars.remove(position)}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => pillars.add(emptyPillar(nextCode(pillars.list.map((pillar) => pillar.code))))}
      >
        {t('frameworkEditor.addPillar')}
      </Button>
    </Space>
  );
}

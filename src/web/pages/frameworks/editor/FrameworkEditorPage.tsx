import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Grid, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import {
  type FrameworkDetail,
  type FrameworkValidation,
  type FrameworkVersion,
  frameworkTextFile,
  useFramework,
  useFrameworkList,
  useFrameworkTextValidation,
  useImportFramework,
} from '../../../api/frameworks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../format/dates';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useI18n } from '../../../i18n/I18nProvider';
import { definitionToDraft, draftToDefinition, type FrameworkDraft } from './draft';
import { type DraftPath, setIn } from './draft-paths';
import { EditorSidePanel } from './EditorSidePanel';
import { EditorProvider, NO_ISSUES } from './editor-context';
import { definitionToYaml, editorFileComment } from './framework-yaml';
import { MetadataEditor } from './MetadataEditor';
import { proposeNewVersion } from './new-version';
import { TreeEditor } from './TreeEditor';

/** Time to let the officer finish a word before the server checks the file again. */
const CHECK_DELAY_MS = 500;

/** The copy to start from: the version's definition with the proposed version code and first day. */
function startingDraft(source: FrameworkDetail, versions: readonly FrameworkVersion[]): FrameworkDraft {
  const draft = definitionToDraft(source.definition);
  const proposal = proposeNewVersion({ period: draft.period, versions, today: todayIso() });
  return { ...draft, version: proposal.version, validFrom: proposal.validFrom, validTo: '' };
}

/** A file name the audit log and the download can show: code and version, nothing else. */
function fileNameOf(draft: FrameworkDraft): string {
  const safe = (value: string, fallback: string) => value.replace(/[^0-9A-Za-z.-]/g, '') || fallback;
  return `${safe(draft.code, 'bo-chi-so')}-${safe(draft.version, 'moi')}.yaml`;
}

const PANEL_ID = 'framework-editor-panel';

/**
 * On a phone the panel comes after the whole tree: a bar at the bottom of the screen keeps the verdict
 * in sight and leads to the panel (its errors, the totals and the save button).
 */
function PhoneStatusBar({
  validation,
  checking,
}: {
  validation: FrameworkValidation | undefined;
  checking: boolean;
}) {
  const { t } = useI18n();
  const verdict =
    checking || !validation
      ? { text: t('frameworkEditor.checking'), type: 'secondary' as const }
      : validation.valid
        ? { text: t('frameworkEditor.valid'), type: 'success' as const }
        : {
            text: t('frameworkEditor.invalid', { count: validation.errors.length }),
            type: 'danger' as const,
          };
  return (
    <div
      data-editor-status-bar
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: '8px 0',
        marginTop: 8,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 8,
      }}
    >
      <Typography.Text type={verdict.type} style={{ minWidth: 0 }}>
        {verdict.text}
      </Typography.Text>
      <Button
        size="small"
        onClick={() =>
          document.getElementById(PANEL_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
        }
      >
        {t('frameworkEditor.toPanel')}
      </Button>
    </div>
  );
}

/** The browser asks before closing or reloading the tab while the copy has unsaved changes. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

function Editor({ source, versions }: { source: FrameworkDetail; versions: readonly FrameworkVersion[] }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [initial] = useState(() => startingDraft(source, versions));
  const [draft, setDraft] = useState(initial);
  useLeaveWarning(draft !== initial);
  const update = useCallback(
    (path: DraftPath, value: unknown) => setDraft((current) => setIn(current, path, value)),
    [],
  );

  const comment = editorFileComment(source);
  const text = useMemo(() => definitionToYaml(draftToDefinition(draft), comment), [draft, comment]);
  const fileName = fileNameOf(draft);
  const checkedText = useDebouncedValue(text, CHECK_DELAY_MS);
  const validation = useFrameworkTextValidation(checkedText, 'bo-chi-so.yaml');
  const checking = checkedText !== text || validation.isFetching;
  const issues = validation.data ?? NO_ISSUES;

  const wide = Grid.useBreakpoint().lg === true;
  const importer = useImportFramework();
  const save = () =>
    importer.mutate(frameworkTextFile(text, fileName), {
      onSuccess: (result) => {
        void message.success(result.message);
        void navigate(`/frameworks/${result.framework.id}`);
      },
    });

  return (
    <EditorProvider draft={draft} update={update} issues={issues}>
      <Form layout="vertical" component="div">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15} xl={16}>
            <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
              <MetadataEditor />
              <TreeEditor />
            </Space>
          </Col>
          <Col xs={24} lg={9} xl={8}>
            <div
              id={PANEL_ID}
              style={
                wide ? { position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflow: 'auto' } : {}
              }
            >
              <EditorSidePanel
                validation={validation.data}
                checking={checking}
                validationError={validation.error}
                text={text}
                fileName={fileName}
                backTo={`/frameworks/${source.id}`}
                save={{ pending: importer.isPending, error: importer.error, onSave: save }}
              />
            </div>
          </Col>
        </Row>
        {wide ? null : <PhoneStatusBar validation={validation.data} checking={checking} />}
      </Form>
    </EditorProvider>
  );
}

/**
 * A new version of a framework written in the browser (/frameworks/:frameworkId/new-version), for
 * the users who may import frameworks: a copy of this version to change, checked live by the server's
 * validation of framework files and saved through the same import, so the new version is a file like
 * any other, with the same versioning rules and the same audit entry.
 */
export function FrameworkEditorPage() {
  const { frameworkId = '' } = useParams();
  const { t } = useI18n();
  const source = useFramework(frameworkId);
  const list = useFrameworkList();
  const back = (
    <Link to={source.data ? `/frameworks/${source.data.id}` : '/frameworks'}>
      <ArrowLeftOutlined /> {source.data ? t('frameworkEditor.backToVersion') : t('frameworks.back')}
    </Link>
  );

  if (
    source.isError &&
    (isApiError(source.error, 'NOT_FOUND') || isApiError(source.error, 'VALIDATION_FAILED'))
  )
    return <Result status="404" title={t('frameworks.notFound')} extra={back} />;
  if (list.data && !list.data.canManage)
    return (
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('frameworkEditor.forbidden')}
        extra={back}
      />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', display: 'flex' }}>
      <div>
        {back}
        <Typography.Title level={2} style={{ margin: '4px 0 0', fontSize: 20, overflowWrap: 'anywhere' }}>
          {t('frameworkEditor.title')}
        </Typography.Title>
        {source.data ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
            {t('frameworkEditor.intro', { code: source.data.code, version: source.data.version })}
          </Typography.Paragraph>
        ) : null}
      </div>
      {source.error ? <ErrorAlert error={source.error} onRetry={() => void source.refetch()} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {source.isLoading || list.isLoading ? <Skeleton active /> : null}
      {source.data && list.data ? (
        <Editor
          key={source.data.id}
          source={source.data}
          versions={list.data.items.filter((item) => item.code === source.data.code)}
        />
      ) : null}
    </Space>
  );
}

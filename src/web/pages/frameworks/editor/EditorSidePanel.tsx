import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, List, Space, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../../shared/units';
import type { FrameworkIssue, FrameworkValidation } from '../../../api/frameworks';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages-vi';
import { formatPoints } from '../describe-rule';
import { ImportFailure } from '../FileResults';
import { downloadText } from '../file-actions';
import { describeIssuePath } from './describe-path';
import { ancestorsOf, domIdOf } from './draft-paths';
import { useEditor } from './editor-context';
import { type KindTotal, totalsByKind } from './totals';

/** Scrolls to the field of a problem, or to the nearest block holding it, and puts the cursor there. */
function goTo(path: string) {
  for (const candidate of [...ancestorsOf(path), '']) {
    const element = document.getElementById(domIdOf(candidate));
    if (!element) continue;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
      element.focus({ preventScroll: true });
    return;
  }
}

function IssueLinks({ issues, listName }: { issues: readonly FrameworkIssue[]; listName: string }) {
  const { t, label } = useI18n();
  const { draft } = useEditor();
  const names = {
    criterion: (code: string) => t('frameworkEditor.criterionName', { code }),
    index: (code: string) => t('frameworks.index', { code }),
    pillar: (code: string) => t('frameworks.pillar', { code }),
    kind: (kind: string) => {
      const known = UNIT_KINDS.find((candidate) => candidate === kind);
      return known ? label(UNIT_KIND_LABELS[known]) : kind;
    },
    field: (key: string) => {
      const labels: Record<string, MessageKey> = {
        code: 'frameworks.code',
        version: 'frameworks.version',
        name: 'frameworkEditor.name',
        legalBasis: 'frameworks.legalBasis',
        issuingBody: 'frameworks.issuingBody',
        validFrom: 'frameworkEditor.validFrom',
        validTo: 'frameworkEditor.validTo',
        period: 'frameworks.periodKind',
        appliesTo: 'frameworks.kinds',
        totals: 'frameworkEditor.totals',
        description: 'frameworks.description',
      };
      const label = labels[key];
      return label ? t(label) : null;
    },
  };
  return (
    <List
      size="small"
      aria-label={listName}
      dataSource={[...issues]}
      renderItem={(issue) => (
        <List.Item style={{ display: 'block', paddingInline: 0, overflowWrap: 'anywhere' }}>
          <Button
            type="link"
            size="small"
            onClick={() => goTo(issue.path)}
            style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            {issue.path ? describeIssuePath(draft, issue.path, names) : t('frameworkEditor.wholeFramework')}
          </Button>
          <div>{issue.message}</div>
        </List.Item>
      )}
    />
  );
}

function TotalsTable({ totals }: { totals: KindTotal[] }) {
  const { t, label, language } = useI18n();
  return (
    <Table<KindTotal>
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={totals}
      aria-label={t('frameworkEditor.totalsTable')}
      columns={[
        {
          title: t('frameworks.tools.kind'),
          dataIndex: 'kind',
          render: (kind: KindTotal['kind']) => label(UNIT_KIND_LABELS[kind]),
        },
        { title: t('frameworks.tools.criteria'), dataIndex: 'criteria', align: 'right' },
        {
          title: t('frameworkEditor.sumOfMaxima'),
          dataIndex: 'sum',
          align: 'right',
          render: (sum: number, row) => (
            <Typography.Text type={row.matches ? undefined : 'danger'} strong={!row.matches}>
              {formatPoints(sum, language)}
            </Typography.Text>
          ),
        },
        {
          title: t('frameworkEditor.written'),
          dataIndex: 'written',
          align: 'right',
          render: (written: number | null, row) =>
            written === null ? (
              '—'
            ) : (
              <Typography.Text type={row.matches ? 'success' : 'danger'} strong={!row.matches}>
                {formatPoints(written, language)}
                {row.matches ? ' ✓' : ' ≠'}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}

export interface SaveState {
  pending: boolean;
  error: unknown;
  onSave: () => void;
}

/**
 * What the server says of the file being written, kept up to date as the officer types: every error
 * and warning (each a link to its field), the totals per unit kind against the maxima, what saving
 * would do, and the buttons to save the new version or download the file.
 */
export function EditorSidePanel(props: {
  validation: FrameworkValidation | undefined;
  checking: boolean;
  validationError: unknown;
  text: string;
  fileName: string;
  backTo: string;
  save: SaveState;
}) {
  const { t } = useI18n();
  const { draft } = useEditor();
  const { validation, checking } = props;
  const totals = totalsByKind(draft);
  const rejected = validation?.importCheck?.status === 'rejected';
  const canSave = !checking && validation?.valid === true && !rejected;

  return (
    <Card size="small" title={t('frameworkEditor.check')} aria-live="polite">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {checking || !validation ? (
          <Alert type="info" showIcon icon={<Spin size="small" />} title={t('frameworkEditor.checking')} />
        ) : validation.valid ? (
          <Alert type="success" showIcon role="status" title={t('frameworkEditor.valid')} />
        ) : (
          <Alert
            type="error"
            showIcon
            role="status"
            title={t('frameworkEditor.invalid', { count: validation.errors.length })}
          />
        )}
        {props.validationError ? <ImportFailure error={props.validationError} /> : null}
        {validation?.importCheck ? (
          <Alert
            type={rejected ? 'error' : 'info'}
            showIcon
            title={validation.importCheck.message}
            data-import-check={validation.importCheck.status}
          />
        ) : null}
        {validation?.errors.length ? (
          <IssueLinks issues={validation.errors} listName={t('frameworkEditor.errors')} />
        ) : null}
        <Typography.Text strong>{t('frameworkEditor.totalsTable')}</Typography.Text>
        <TotalsTable totals={totals} />
        {validation?.warnings.length ? (
          <>
            <Typography.Text strong type="warning">
              {t('frameworks.tools.warnings', { count: validation.warnings.length })}
            </Typography.Text>
            <IssueLinks issues={validation.warnings} listName={t('frameworkEditor.warnings')} />
          </>
        ) : null}
        {props.save.error ? <ImportFailure error={props.save.error} /> : null}
        <Space wrap>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!canSave}
            loading={props.save.pending}
            onClick={props.save.onSave}
          >
            {t('frameworkEditor.save')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadText(props.fileName, props.text, 'application/yaml')}
          >
            {t('frameworkEditor.download')}
          </Button>
          <Link to={props.backTo}>{t('frameworkEditor.cancel')}</Link>
        </Space>
        <Typography.Text type="secondary">{t('frameworkEditor.saveHint')}</Typography.Text>
        <Collapse
          size="small"
          items={[
            {
              key: 'file',
              label: t('frameworkEditor.fileText'),
              children: (
                <pre style={{ maxHeight: 360, overflow: 'auto', fontSize: 12, margin: 0, whiteSpace: 'pre' }}>
                  {props.text}
                </pre>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

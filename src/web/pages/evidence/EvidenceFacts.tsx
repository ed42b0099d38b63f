import { LinkOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { EvidenceKind } from '../../../shared/activities';
import type { Evidence } from '../../api/evidence';
import { formatDay } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';
import { FileFacts } from './FileFacts';

export const EVIDENCE_KIND_KEYS: Record<EvidenceKind, MessageKey> = {
  file: 'library.evidence.kind.file',
  url: 'library.evidence.kind.url',
  citation: 'library.evidence.kind.citation',
  schedule: 'evidence.kind.schedule',
  snapshot: 'snapshots.kind',
};
const KIND_COLOURS: Record<EvidenceKind, string> = {
  file: 'blue',
  url: 'cyan',
  citation: 'gold',
  schedule: 'purple',
  snapshot: 'geekblue',
};

export function EvidenceKindTag({ kind }: { kind: EvidenceKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLOURS[kind]}>{t(EVIDENCE_KIND_KEYS[kind])}</Tag>;
}

/**
 * "Số 15/KH-UBND ngày 02/01/2026 của UBND xã Đăk Rve": how a document is cited in Vietnamese offices,
 * left out when the title (built by the server from these fields when none was typed) already says it.
 */
function CitationLine({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const titleCites = Boolean(evidence.documentNumber && evidence.title.includes(evidence.documentNumber));
  return (
    <div>
      {titleCites || !evidence.documentNumber ? null : (
        <Typography.Text>
          {t('library.evidence.citationLine', {
            number: evidence.documentNumber ?? '',
            date: formatDay(evidence.documentDate),
            body: evidence.issuingBody ?? '',
          })}
        </Typography.Text>
      )}
      {evidence.summary ? (
        <div>
          <Typography.Text type="secondary">{evidence.summary}</Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

/** What an item proves and how to reach it: the file, the address, or the document cited. */
export function EvidenceContentFacts({ evidence }: { evidence: Evidence }) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
      {evidence.kind === 'citation' || evidence.kind === 'schedule' ? (
        <CitationLine evidence={evidence} />
      ) : null}
      {evidence.file ? <FileFacts file={evidence.file} /> : null}
      {evidence.url ? (
        <Typography.Link
          href={evidence.url}
          target="_blank"
          rel="noreferrer"
          style={{ wordBreak: 'break-all' }}
        >
          <LinkOutlined /> {evidence.url}
        </Typography.Link>
      ) : null}
    </Space>
  );
}

/** The tags beside a title: kind, version, whether it was replaced, the period it covers. */
export function EvidenceTags({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const period =
    evidence.periodFrom || evidence.periodTo
      ? `${formatDay(evidence.periodFrom) || '…'} – ${formatDay(evidence.periodTo) || '…'}`
      : null;
  return (
    <Space wrap size={4}>
      <EvidenceKindTag kind={evidence.kind} />
      {evidence.versionNumber > 1 ? (
        <Tag>{t('library.evidence.version', { number: evidence.versionNumber })}</Tag>
      ) : null}
      {evidence.isCurrent ? null : <Tag color="default">{t('library.evidence.superseded')}</Tag>}
      {period ? <Tag color="geekblue">{t('library.evidence.periodTag', { period })}</Tag> : null}
    </Space>
  );
}

/** One evidence item in a list: title, tags and content. */
export function EvidenceFacts({ evidence, onOpen }: { evidence: Evidence; onOpen?: () => void }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
      {onOpen ? (
        <Typography.Link strong onClick={onOpen} style={{ wordBreak: 'break-word' }}>
          {evidence.title}
        </Typography.Link>
      ) : (
        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
          {evidence.title}
        </Typography.Text>
      )}
      <EvidenceTags evidence={evidence} />
      <EvidenceContentFacts evidence={evidence} />
    </Space>
  );
}

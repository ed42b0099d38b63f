import { Tag } from 'antd';
import { LIBRARY_ITEM_KIND_LABELS, type LibraryItemKind } from '../../../shared/activities';
import { TEXT_LIBRARY_KINDS } from '../../../shared/api/library';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';

/** Articles and radio scripts are their text; audio, banners and guidance are their file. */
export function isTextKind(kind: LibraryItemKind): boolean {
  return TEXT_LIBRARY_KINDS.includes(kind);
}

/** What the file chooser offers for each kind (the server still checks the content). */
export const ACCEPT_BY_KIND: Record<LibraryItemKind, string> = {
  article: '.pdf,.docx,.xlsx',
  radio_script: '.pdf,.docx,.xlsx',
  guidance: '.pdf,.docx,.xlsx',
  audio: '.mp3,.m4a,.mp4,.ogg,.wav',
  banner: '.png,.jpg,.jpeg,.gif,.webp',
};

const KIND_COLOURS: Record<LibraryItemKind, string> = {
  article: 'blue',
  radio_script: 'purple',
  audio: 'magenta',
  banner: 'orange',
  guidance: 'cyan',
};

export function LibraryKindTag({ kind }: { kind: LibraryItemKind }) {
  const { label } = useI18n();
  return <Tag color={KIND_COLOURS[kind]}>{label(LIBRARY_ITEM_KIND_LABELS[kind])}</Tag>;
}

/** Draft, due later, or published on a day. */
export function PublicationTag({ publishedAt }: { publishedAt: string | null }) {
  const { t } = useI18n();
  if (!publishedAt) return <Tag color="default">{t('library.draft')}</Tag>;
  if (new Date(publishedAt).getTime() > Date.now())
    return <Tag color="gold">{t('library.scheduled', { at: formatDateTime(publishedAt) })}</Tag>;
  return (
    <Tag color="green">{t('library.publishedOn', { day: formatDateTime(publishedAt).slice(0, 10) })}</Tag>
  );
}

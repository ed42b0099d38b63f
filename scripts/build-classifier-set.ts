/**
 * data/classifier/raw/*.tsv → data/classifier/labelled.jsonl.
 *
 * The raw files are what a person transcribed while reading real pages (one item a line:
 * label, URL, title, lead, where it was read; see data/classifier/README.md). This script only
 * reshapes them: the title of a page whose text began with its lead is taken from the URL's slug
 * (marked titleFrom: "url"), every item gets its split by a hash of its URL, and duplicates of a
 * URL or of a title are dropped (the first one stays). Deterministic: files and lines in order.
 *
 *   npx tsx scripts/build-classifier-set.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { splitOf } from '../src/server/monitor/classify/dataset';
import { TOPIC_CODES } from '../src/server/monitor/classify/keywords';
import { foldAccents } from '../src/server/monitor/classify/normalize';

const ROOT = path.resolve(import.meta.dirname, '..');
const RAW = path.join(ROOT, 'data/classifier/raw');
const OUT = path.join(ROOT, 'data/classifier/labelled.jsonl');

/** "…/da-nang-co-hon-24000-thanh-vien-cac-to-cong-nghe-so-cong-dong-va-de-an-06.htm" → its words. */
export function titleFromUrl(url: string): string {
  const { pathname, search } = new URL(url);
  const parts = `${pathname}${search.replace(/[?&=]/g, '/')}`
    .split('/')
    .map((part) => decodeURIComponent(part))
    .filter((part) => /[a-z]/i.test(part) && part.includes('-'));
  const slug = (parts.at(-1) ?? '')
    .replace(/\.(html?|chn|aspx|php|ldo|vnp|tpo)$/i, '')
    .replace(/(-(post)?\d{5,})+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  if (!slug) throw new Error(`Không lấy được tiêu đề từ URL: ${url}`);
  return slug;
}

const files = fs
  .readdirSync(RAW)
  .filter((name) => name.endsWith('.tsv'))
  .sort();
const seenUrls = new Set<string>();
const seenTitles = new Set<string>();
const lines: string[] = [];
let dropped = 0;
for (const file of files) {
  const rows = fs.readFileSync(path.join(RAW, file), 'utf8').split('\n');
  rows.forEach((row, index) => {
    if (!row.trim()) return;
    const [label, url, rawTitle, lead, via] = row.split('\t').map((cell) => cell.trim());
    const where = `${file}:${index + 1}`;
    if (!label || !url || !rawTitle) throw new Error(`${where}: thiếu nhãn, URL hoặc tiêu đề.`);
    if (label !== 'no' && !(TOPIC_CODES as readonly string[]).includes(label))
      throw new Error(`${where}: nhãn "${label}" không hợp lệ.`);
    const fromUrl = rawTitle === '@slug';
    const title = (fromUrl ? titleFromUrl(url) : rawTitle).normalize('NFC');
    const titleKey = foldAccents(title)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (seenUrls.has(url) || seenTitles.has(titleKey)) {
      dropped++;
      return;
    }
    seenUrls.add(url);
    seenTitles.add(titleKey);
    const isDx = label !== 'no';
    lines.push(
      JSON.stringify({
        url,
        title,
        lead: lead ? lead.normalize('NFC') : null,
        isDx,
        topic: isDx ? label : null,
        source: new URL(url).hostname.replace(/^www\./, ''),
        via: via || 'search:pages',
        titleFrom: fromUrl ? 'url' : 'page',
        split: splitOf(url),
      }),
    );
  });
}
fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
const parsed = lines.map((line) => JSON.parse(line) as { isDx: boolean; split: string });
const count = (isDx: boolean, split: string) =>
  parsed.filter((item) => item.isDx === isDx && item.split === split).length;
console.log(
  `${lines.length} mục (bỏ ${dropped} trùng): huấn luyện ${count(true, 'train')} CĐS + ${count(false, 'train')} không; đánh giá ${count(true, 'eval')} CĐS + ${count(false, 'eval')} không.`,
);

import type { BroadcastSource, ChannelKind, ChannelPlatform, Provenance } from '../../shared/activities';
import { addDays, mondayOf, monthBounds, todayVn, vnInstant } from '../../shared/dates';
import { foldForSearch } from '../../shared/text';
import { urlKey } from '../../shared/url-key';
import type { Queryable } from '../db/client';
import { insertActivities, type NewActivity } from '../db/repositories/activities';
import { insertAuditEntries } from '../db/repositories/audit';
import { units, users } from '../db/schema';
import {
  broadcastScheduleEntries,
  broadcastSchedules,
  channels,
  evidence,
  evidenceLinks,
  libraryItems,
} from '../db/schema-activities';
import type { Actor } from '../domain/actor';
import { createRandom } from './activities/random';
import { AUTHORS, makeTitle, slugOf } from './activities/templates';

/**
 * A year and a half of activity records for the demo units, so the scoreboard of later issues tells
 * a story: Xã Đăk Rve on track, Xã Kon Braih behind with weeks of silence, Xã Đăk Kôi in between,
 * Xã Đắk Mil strong with M'Nông and Ê Đê versions, the former Kon Rẫy district's history before
 * 01/07/2025, and the press agencies' DX columns.
 *
 * Everything comes from a seeded random source and "now" (injectable), and no record lies after
 * "now". Rows go in with insertActivities in batches, not through recordActivities: the seed is not
 * an officer's work, and one summary audit entry stands for it instead of thousands.
 */

const SEED = 'loa-so-demo-activities';
const SPAN_START = '2025-05-01';
const REORG = '2025-07-01';
const FORMER_START = '2024-01-01';
const FORMER_END = '2025-06-30';
const SEED_ACTOR: Actor = { userId: null, label: 'seed' };

type ChannelRow = typeof channels.$inferInsert;
type LibraryRow = typeof libraryItems.$inferInsert;
type ScheduleRow = typeof broadcastSchedules.$inferInsert;
type EntryRow = typeof broadcastScheduleEntries.$inferInsert;
type EvidenceRow = typeof evidence.$inferInsert;
type EvidenceLinkRow = typeof evidenceLinks.$inferInsert;

/** The ids the plan needs, looked up in the seeded units and users. */
export interface DemoActivityContext {
  /** Today's units by code, former units by `former:<code>`, units without code by name. */
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
}

export interface DemoActivityPlan {
  channels: ChannelRow[];
  activities: NewActivity[];
  libraryItems: LibraryRow[];
  schedules: ScheduleRow[];
  scheduleEntries: EntryRow[];
  evidence: EvidenceRow[];
  evidenceLinks: EvidenceLinkRow[];
}

interface RadioProfile {
  /** Broadcasts in a week that is not skipped. */
  perWeek: [min: number, max: number];
  skipChance: number;
  /** Silent stretches, in weeks counted back from this week: [first week ago, length]. */
  gaps?: Array<[weeksAgo: number, length: number]>;
  /** Versions in ethnic languages: chance per Vietnamese broadcast. */
  translations?: Array<{ language: string; chance: number }>;
}

interface CommuneProfile {
  code: string;
  name: string;
  website: string;
  postsPerMonth: [min: number, max: number];
  radio: RadioProfile;
  social?: { platform: 'facebook' | 'zalo_oa'; url: string };
  banners?: boolean;
  /** Ethnic-language posts: chance per post of a version in that language. */
  postTranslations?: Array<{ language: string; chance: number }>;
  officer?: string;
  province: '51' | '68';
}

const COMMUNES: CommuneProfile[] = [
  {
    code: '23479',
    name: 'Xã Đăk Rve',
    website: 'https://dakrve.quangngai.gov.vn',
    postsPerMonth: [1, 3],
    radio: {
      perWeek: [2, 3],
      skipChance: 0,
      translations: [
        { language: 'sed', chance: 0.25 },
        { language: 'bdq', chance: 0.1 },
      ],
    },
    social: { platform: 'facebook', url: 'https://www.facebook.com/xadakrve' },
    banners: true,
    postTranslations: [{ language: 'sed', chance: 0.1 }],
    officer: 'canbo.dakrve',
    province: '51',
  },
  {
    code: '23485',
    name: 'Xã Đăk Kôi',
    website: 'https://dakkoi.quangngai.gov.vn',
    postsPerMonth: [0, 2],
    radio: { perWeek: [1, 2], skipChance: 0.2, translations: [{ language: 'sed', chance: 0.15 }] },
    province: '51',
  },
  {
    code: '23497',
    name: 'Xã Kon Braih',
    website: 'https://konbraih.quangngai.gov.vn',
    postsPerMonth: [0, 1],
    radio: {
      perWeek: [1, 2],
      skipChance: 0.2,
      gaps: [
        [9, 3],
        [22, 4],
        [40, 3],
      ],
      translations: [{ language: 'bdq', chance: 0.15 }],
    },
    officer: 'canbo.konbraih',
    province: '51',
  },
  {
    code: '23473',
    name: 'Xã Măng Đen',
    website: 'https://mangden.quangngai.gov.vn',
    postsPerMonth: [1, 2],
    radio: { perWeek: [1, 2], skipChance: 0.1 },
    social: { platform: 'zalo_oa', url: 'https://zalo.me/xamangden' },
    province: '51',
  },
  {
    code: '21025',
    name: 'Phường Cẩm Thành',
    website: 'https://camthanh.quangngai.gov.vn',
    postsPerMonth: [2, 4],
    radio: { perWeek: [2, 2], skipChance: 0.05 },
    social: { platform: 'facebook', url: 'https://www.facebook.com/phuongcamthanh' },
    banners: true,
    province: '51',
  },
  {
    code: '24670',
    name: 'Xã Đắk Mil',
    website: 'https://dakmil.lamdong.gov.vn',
    postsPerMonth: [2, 4],
    radio: {
      perWeek: [3, 3],
      skipChance: 0,
      translations: [
        { language: 'cmo', chance: 0.5 },
        { language: 'rad', chance: 0.3 },
      ],
    },
    social: { platform: 'zalo_oa', url: 'https://zalo.me/xadakmil' },
    banners: true,
    officer: 'canbo.dakmil',
    province: '68',
  },
  {
    code: '24678',
    name: 'Xã Đắk Sắk',
    website: 'https://daksak.lamdong.gov.vn',
    postsPerMonth: [0, 2],
    radio: { perWeek: [1, 2], skipChance: 0.25, translations: [{ language: 'cmo', chance: 0.2 }] },
    province: '68',
  },
  {
    code: '24682',
    name: 'Xã Thuận An',
    website: 'https://thuanan.lamdong.gov.vn',
    postsPerMonth: [1, 2],
    radio: { perWeek: [1, 2], skipChance: 0.15 },
    province: '68',
  },
];

const PRESS: Array<{
  name: string;
  platform: 'newspaper' | 'tv';
  province: '51' | '68';
  url: string;
  shortMonthsAgo?: number;
}> = [
  {
    name: 'Báo Quảng Ngãi',
    platform: 'newspaper',
    province: '51',
    url: 'https://baoquangngai.vn/chuyen-doi-so',
    shortMonthsAgo: 3,
  },
  {
    name: 'Đài Phát thanh và Truyền hình Quảng Ngãi',
    platform: 'tv',
    province: '51',
    url: 'https://qngtv.vn/chuyen-doi-so',
  },
  {
    name: 'Báo Lâm Đồng',
    platform: 'newspaper',
    province: '68',
    url: 'https://baolamdong.vn/chuyen-doi-so',
    shortMonthsAgo: 7,
  },
  {
    name: 'Đài Phát thanh và Truyền hình Lâm Đồng',
    platform: 'tv',
    province: '68',
    url: 'https://lamdongtv.vn/chuyen-doi-so',
  },
];

const LANGUAGE_NAMES: Record<string, string> = {
  sed: 'tiếng Xơ Đăng',
  bdq: 'tiếng Ba Na',
  cmo: "tiếng M'Nông",
  rad: 'tiếng Ê Đê',
};

const REVIEWERS: Record<'51' | '68', string> = { '51': 'thamdinh.quangngai', '68': 'sokhcn.lamdong' };
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function stationOf(unitName: string): string {
  const [kind, ...rest] = unitName.split(' ');
  return `Đài truyền thanh ${kind!.toLowerCase()} ${rest.join(' ')}`;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) return months;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Builds every row of the demo records; pure, so the same context and "now" give the same plan. */
export function planDemoActivities(ctx: DemoActivityContext, now: Date): DemoActivityPlan {
  const random = createRandom(SEED);
  const today = todayVn(now);
  const unitId = (key: string) => {
    const id = ctx.unitIds.get(key);
    if (!id) throw new Error(`demo unit ${key} is missing`);
    return id;
  };
  const userId = (name: string | undefined) => (name ? (ctx.userIds.get(name) ?? null) : null);
  const plan: DemoActivityPlan = {
    channels: [],
    activities: [],
    libraryItems: [],
    schedules: [],
    scheduleEntries: [],
    evidence: [],
    evidenceLinks: [],
  };
  let serial = 1000;

  const addChannel = (row: Omit<ChannelRow, 'id'> & { kind: ChannelKind; platform: ChannelPlatform }) => {
    const channel = { id: random.uuid(), ...row };
    plan.channels.push(channel);
    return channel as ChannelRow & { id: string };
  };

  /** Recorded a day or few after it happened; a few reviewed (accepted) later still; never after now. */
  const bookkeeping = (
    occurredAt: Date,
    province: '51' | '68',
    officer: string | undefined,
    provenance?: Provenance,
  ) => {
    const recordedAt = new Date(Math.min(occurredAt.getTime() + random.int(2, 96) * HOUR_MS, now.getTime()));
    const reviewedAt = new Date(recordedAt.getTime() + random.int(3, 20) * DAY_MS);
    const reviewed =
      random.chance(0.06) && reviewedAt < now && recordedAt.getTime() - occurredAt.getTime() >= DAY_MS;
    return {
      provenance: provenance ?? (random.chance(0.85) ? 'form' : 'import'),
      recordedAt,
      recordedBy: userId(officer),
      reviewStatus: reviewed ? 'accepted' : 'pending',
      reviewedAt: reviewed ? reviewedAt : null,
      reviewedBy: reviewed ? userId(REVIEWERS[province]) : null,
    } satisfies Partial<NewActivity>;
  };

  // The province's library, published by its DX office (Sở KH&CN) on Tỉnh Quảng Ngãi: reused by some
  // records and schedule entries below. Library items flow down only, so a department of the province
  // would be a sideways owner that the communes can neither see nor put into a schedule.
  const libraryOwner = unitId('51');
  const clampToNow = (day: string, time: string) =>
    new Date(Math.min(vnInstant(day, time).getTime(), now.getTime()));
  const article: LibraryRow & { id: string } = {
    id: random.uuid(),
    ownerUnitId: libraryOwner,
    kind: 'article',
    title: 'Tổ công nghệ số cộng đồng: cánh tay nối dài của chính quyền số',
    searchText: '',
    body: 'Tổ công nghệ số cộng đồng ở mỗi thôn, tổ dân phố là lực lượng gần dân nhất, hướng dẫn người dân cài đặt VNeID, nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt…',
    summary: 'Bài viết mẫu để các xã đăng lại trên chuyên mục chuyển đổi số.',
    topics: ['good_models'],
    publishedAt: clampToNow('2025-09-15', '08:00'),
  };
  const script: LibraryRow & { id: string } = {
    id: random.uuid(),
    ownerUnitId: libraryOwner,
    kind: 'radio_script',
    title: 'Kịch bản phát thanh: Hướng dẫn cài đặt và sử dụng VNeID mức độ 2',
    searchText: '',
    body: 'Thưa bà con, tài khoản định danh điện tử mức độ 2 giúp bà con làm thủ tục hành chính trên điện thoại mà không cần mang giấy tờ…',
    summary: 'Kịch bản 10 phút cho đài truyền thanh xã.',
    topics: ['ict_applications'],
    publishedAt: clampToNow('2025-10-01', '08:00'),
  };
  const scriptSed: LibraryRow & { id: string } = {
    ...script,
    id: random.uuid(),
    title: 'Kịch bản phát thanh (tiếng Xơ Đăng): Hướng dẫn cài đặt và sử dụng VNeID mức độ 2',
    body: 'Bản dịch tiếng Xơ Đăng của kịch bản hướng dẫn VNeID mức độ 2.',
    summary: 'Bản tiếng Xơ Đăng, do Đài truyền thanh xã Đăk Rve dịch.',
    language: 'sed',
    translationOfId: script.id,
    publishedAt: clampToNow('2025-10-20', '08:00'),
  };
  const handbook: LibraryRow & { id: string } = {
    id: random.uuid(),
    ownerUnitId: libraryOwner,
    kind: 'guidance',
    title: 'Cẩm nang chuyển đổi số (Bộ Thông tin và Truyền thông, 2023)',
    searchText: '',
    summary:
      'Tài liệu hướng dẫn tuyên truyền về chuyển đổi số cho cấp xã; dùng khi soạn tin bài và kịch bản phát thanh.',
    topics: ['policy', 'digital_society'],
    publishedAt: clampToNow('2025-08-05', '08:00'),
  };
  for (const item of [article, script, scriptSed, handbook]) {
    item.searchText = foldForSearch(item.title);
    plan.libraryItems.push(item);
  }
  /** The library item a record reuses, if any; only Quảng Ngãi's units can see Quảng Ngãi's library. */
  const libraryFor = (
    topic: string,
    language: string,
    occurredAt: Date,
    province: '51' | '68',
  ): string | null => {
    const reused = pickLibraryItem(topic, language, occurredAt);
    return province === '51' ? reused : null;
  };
  // Draws the same random numbers whatever the province, so the rest of the demo stays as it was.
  const pickLibraryItem = (topic: string, language: string, occurredAt: Date): string | null => {
    if (topic === 'ict_applications' && occurredAt >= script.publishedAt! && random.chance(0.4))
      return language === 'sed' && occurredAt >= scriptSed.publishedAt! ? scriptSed.id : script.id;
    if (topic === 'good_models' && occurredAt >= article.publishedAt! && random.chance(0.3))
      return article.id;
    return null;
  };

  interface RadioRun {
    unitId: string;
    channel: ChannelRow & { id: string };
    name: string;
    from: string;
    to: string;
    profile: RadioProfile;
    officer?: string;
    province: '51' | '68';
  }
  /** Broadcasts week by week; returns them so schedules can point at them. */
  const broadcasts = (run: RadioRun): NewActivity[] => {
    const made: NewActivity[] = [];
    const thisMonday = mondayOf(today);
    const silent = new Set<string>();
    for (const [weeksAgo, length] of run.profile.gaps ?? []) {
      for (let i = 0; i < length; i++) silent.add(addDays(thisMonday, -7 * (weeksAgo - i)));
    }
    for (let monday = mondayOf(run.from); monday <= run.to; monday = addDays(monday, 7)) {
      const count = random.int(...run.profile.perWeek);
      if (silent.has(monday) || random.chance(run.profile.skipChance)) continue;
      // Communes air on fixed weekdays: Monday, Wednesday, Friday; a fourth on Saturday.
      const days = [0, 2, 4, 5]
        .slice(0, count)
        .map((offset) => addDays(monday, offset))
        .filter((day) => day >= run.from && day <= run.to);
      for (const day of days) {
        const time = random.chance(0.6) ? '05:00' : '17:00';
        const occurredAt = vnInstant(day, time);
        if (occurredAt > now) continue;
        const { title, topic, genre } = makeTitle(random, 'broadcast', run.name, day);
        const source: BroadcastSource = random.pick([
          'own',
          'own',
          'own',
          'province_source',
          'province_source',
          'relay',
        ]);
        const base: NewActivity = {
          id: random.uuid(),
          kind: 'broadcast',
          unitId: run.unitId,
          channelId: run.channel.id,
          occurredAt,
          occurredOn: day,
          title,
          searchText: foldForSearch(title),
          genre,
          topics: [topic],
          language: 'vi',
          author: source === 'own' ? random.pick(AUTHORS) : null,
          programme: run.channel.name,
          durationSeconds: random.int(10, 15) * 60,
          source,
          libraryItemId: libraryFor(topic, 'vi', occurredAt, run.province),
          ...bookkeeping(occurredAt, run.province, run.officer),
        };
        made.push(base);
        for (const { language, chance } of run.profile.translations ?? []) {
          if (!random.chance(chance)) continue;
          // The version in another language follows the Vietnamese one in the same slot.
          const at = new Date(occurredAt.getTime() + 15 * 60_000);
          if (at > now) continue;
          const translated = `${title} (${LANGUAGE_NAMES[language]})`;
          made.push({
            ...base,
            id: random.uuid(),
            occurredAt: at,
            title: translated,
            searchText: foldForSearch(translated),
            language,
            source: 'own',
            author: random.pick(AUTHORS),
            translationOfId: base.id,
            libraryItemId: language === 'sed' && base.libraryItemId === script.id ? scriptSed.id : null,
            ...bookkeeping(at, run.province, run.officer),
          });
        }
      }
    }
    plan.activities.push(...made);
    return made;
  };

  interface PostRun {
    unitId: string;
    channel: ChannelRow & { id: string };
    name: string;
    from: string;
    to: string;
    perMonth: [number, number];
    urlOf: (slug: string) => string;
    translations?: Array<{ language: string; chance: number }>;
    officer?: string;
    province: '51' | '68';
  }
  const posts = (run: PostRun): NewActivity[] => {
    const made: NewActivity[] = [];
    for (const month of monthsBetween(run.from, run.to)) {
      const { first, last } = monthBounds(month);
      const count = random.int(...run.perMonth);
      for (let i = 0; i < count; i++) {
        const day = addDays(first, random.int(0, Number(last.slice(8)) - 1));
        const occurredAt = vnInstant(
          day,
          `${String(random.int(7, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
        );
        if (day < run.from || day > run.to || occurredAt > now) continue;
        const { title, topic, genre } = makeTitle(random, 'post', run.name, day);
        const url = run.urlOf(slugOf(title, serial++));
        const base: NewActivity = {
          id: random.uuid(),
          kind: 'post',
          unitId: run.unitId,
          channelId: run.channel.id,
          occurredAt,
          occurredOn: day,
          title,
          searchText: foldForSearch(title),
          url,
          urlKey: urlKey(url),
          genre,
          topics: [topic],
          language: 'vi',
          author: random.pick(AUTHORS),
          libraryItemId: libraryFor(topic, 'vi', occurredAt, run.province),
          ...bookkeeping(occurredAt, run.province, run.officer),
        };
        made.push(base);
        for (const { language, chance } of run.translations ?? []) {
          if (!random.chance(chance)) continue;
          const translated = `${title} (${LANGUAGE_NAMES[language]})`;
          const translatedUrl = run.urlOf(slugOf(translated, serial++));
          made.push({
            ...base,
            id: random.uuid(),
            title: translated,
            searchText: foldForSearch(translated),
            url: translatedUrl,
            urlKey: urlKey(translatedUrl),
            language,
            translationOfId: base.id,
            ...bookkeeping(occurredAt, run.province, run.officer),
          });
        }
      }
    }
    plan.activities.push(...made);
    return made;
  };

  // The former Kon Rẫy district and Thị trấn Đắk Rve before 01/07/2025: their history rolls up.
  const district = unitId('former:616');
  const districtWeb = addChannel({
    unitId: district,
    kind: 'website_column',
    platform: 'website',
    name: 'Chuyên mục Chuyển đổi số',
    url: 'https://konray.kontum.gov.vn/chuyen-muc/chuyen-doi-so',
    startedOn: '2023-03-01',
    endedOn: FORMER_END,
  });
  const districtPosts = posts({
    unitId: district,
    channel: districtWeb,
    name: 'Huyện Kon Rẫy',
    from: FORMER_START,
    to: FORMER_END,
    perMonth: [2, 3],
    urlOf: (slug) => `https://konray.kontum.gov.vn/tin-tuc/${slug}`,
    province: '51',
  });
  const districtRadio = addChannel({
    unitId: district,
    kind: 'radio_programme',
    platform: 'radio',
    name: 'Chuyên mục Chuyển đổi số',
    stationName: 'Đài Truyền thanh - Truyền hình huyện Kon Rẫy',
    startedOn: '2023-01-01',
    endedOn: FORMER_END,
  });
  const districtBroadcasts = broadcasts({
    unitId: district,
    channel: districtRadio,
    name: 'Huyện Kon Rẫy',
    from: FORMER_START,
    to: FORMER_END,
    profile: { perWeek: [1, 2], skipChance: 0.1, translations: [{ language: 'sed', chance: 0.2 }] },
    province: '51',
  });
  const formerTown = unitId('former:23479');
  broadcasts({
    unitId: formerTown,
    channel: addChannel({
      unitId: formerTown,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục Chuyển đổi số',
      stationName: 'Đài truyền thanh thị trấn Đắk Rve',
      startedOn: FORMER_START,
      endedOn: FORMER_END,
    }),
    name: 'Thị trấn Đắk Rve',
    from: FORMER_START,
    to: FORMER_END,
    profile: { perWeek: [1, 1], skipChance: 0.3 },
    province: '51',
  });

  const radioOf = new Map<string, { channel: ChannelRow & { id: string }; made: NewActivity[] }>();
  const postsOf = new Map<string, NewActivity[]>();
  for (const commune of COMMUNES) {
    const id = unitId(commune.code);
    const web = addChannel({
      unitId: id,
      kind: 'website_column',
      platform: 'website',
      name: 'Chuyên mục Chuyển đổi số',
      url: `${commune.website}/chuyen-muc/chuyen-doi-so`,
      feedUrl: `${commune.website}/chuyen-muc/chuyen-doi-so/rss`,
      startedOn: addDays(REORG, random.int(0, 30)),
    });
    postsOf.set(
      commune.code,
      posts({
        unitId: id,
        channel: web,
        name: commune.name,
        from: web.startedOn!,
        to: today,
        perMonth: commune.postsPerMonth,
        urlOf: (slug) => `${commune.website}/tin-tuc/${slug}`,
        translations: commune.postTranslations,
        officer: commune.officer,
        province: commune.province,
      }),
    );
    const radio = addChannel({
      unitId: id,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục Chuyển đổi số',
      stationName: stationOf(commune.name),
      startedOn: REORG,
    });
    radioOf.set(commune.code, {
      channel: radio,
      made: broadcasts({
        unitId: id,
        channel: radio,
        name: commune.name,
        from: REORG,
        to: today,
        profile: commune.radio,
        officer: commune.officer,
        province: commune.province,
      }),
    });
    if (commune.social) {
      const social = addChannel({
        unitId: id,
        kind: 'social_page',
        platform: commune.social.platform,
        name: `Trang ${commune.social.platform === 'facebook' ? 'Facebook' : 'Zalo OA'} ${commune.name}`,
        url: commune.social.url,
        startedOn: addDays(REORG, random.int(20, 90)),
      });
      posts({
        unitId: id,
        channel: social,
        name: commune.name,
        from: social.startedOn!,
        to: today,
        perMonth: [1, 3],
        urlOf: (slug) => `${commune.social!.url}/posts/${slug}`,
        officer: commune.officer,
        province: commune.province,
      });
    }
    if (commune.banners) {
      // The national public-service portal banner, checked every other month; sometimes found broken.
      for (const [i, month] of monthsBetween(web.startedOn!, today).entries()) {
        if (i % 2) continue;
        const day = `${month}-0${random.int(1, 9)}`;
        const occurredAt = vnInstant(day, '09:00');
        if (day < web.startedOn! || occurredAt > now) continue;
        const national = month.endsWith('-10');
        const title = national
          ? 'Banner Ngày Chuyển đổi số quốc gia 10/10'
          : 'Banner Cổng Dịch vụ công quốc gia';
        plan.activities.push({
          id: random.uuid(),
          kind: 'banner',
          unitId: id,
          channelId: web.id,
          occurredAt,
          occurredOn: day,
          title,
          searchText: foldForSearch(title),
          url: commune.website,
          urlKey: null,
          topics: [national ? 'policy' : 'benefits'],
          language: 'vi',
          targetUrl: national ? 'https://ngaychuyendoiso.gov.vn' : 'https://dichvucong.gov.vn',
          isVerified: random.chance(0.8),
          ...bookkeeping(occurredAt, commune.province, commune.officer),
        });
      }
    }
  }

  // Provincial press: at least two DX issues a month, except one short month for the newspapers.
  const thisMonth = today.slice(0, 7);
  for (const press of PRESS) {
    const id = unitId(press.name);
    const column = addChannel({
      unitId: id,
      kind: 'press_column',
      platform: press.platform,
      name: press.platform === 'tv' ? 'Chuyên mục Chuyển đổi số (truyền hình)' : 'Chuyên mục Chuyển đổi số',
      stationName: press.name,
      url: press.url,
      startedOn: SPAN_START,
    });
    const shortMonth =
      press.shortMonthsAgo === undefined ? null : addMonths(thisMonth, -press.shortMonthsAgo);
    let issueNumber = random.int(1800, 2400);
    const province = press.province === '51' ? 'Quảng Ngãi' : 'Lâm Đồng';
    for (const month of monthsBetween(SPAN_START, today)) {
      const { first, last } = monthBounds(month);
      const count = month === shortMonth ? 1 : random.int(2, 4);
      const spacing = Math.floor(Number(last.slice(8)) / count);
      for (let i = 0; i < count; i++) {
        const day = addDays(first, i * spacing + random.int(0, spacing - 1));
        const occurredAt = vnInstant(day, press.platform === 'tv' ? '19:45' : '06:00');
        if (occurredAt > now) continue;
        const { title, topic, genre } = makeTitle(random, 'post', `tỉnh ${province}`, day);
        const full = `Chuyển đổi số: ${title}`;
        const url = `${press.url}/${slugOf(full, serial++)}`;
        issueNumber += random.int(5, 12);
        plan.activities.push({
          id: random.uuid(),
          kind: 'press_issue',
          unitId: id,
          channelId: column.id,
          occurredAt,
          occurredOn: day,
          title: full,
          searchText: foldForSearch(full),
          url,
          urlKey: urlKey(url),
          genre: press.platform === 'tv' ? 'phong_su' : genre,
          topics: [topic],
          language: 'vi',
          author: random.pick(AUTHORS),
          issueNumber:
            press.platform === 'tv'
              ? `Kỳ ${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
              : `Số ${issueNumber}`,
          ...bookkeeping(occurredAt, press.province, undefined),
        });
      }
    }
  }

  // A couple of suspected duplicates: the same page entered again from a spreadsheet.
  for (const code of ['23479', '23497']) {
    const original = postsOf
      .get(code)!
      .filter((post) => post.language === 'vi')
      .at(-2);
    if (!original) continue;
    const recordedAt = new Date(
      Math.min((original.recordedAt as Date).getTime() + 2 * DAY_MS, now.getTime()),
    );
    plan.activities.push({
      ...original,
      id: random.uuid(),
      provenance: 'import',
      recordedAt,
      reviewStatus: 'pending',
      reviewedAt: null,
      reviewedBy: null,
      duplicateOfId: original.id,
    });
  }

  // Monthly broadcast schedules: last month issued (aired entries point at their broadcasts), this month a draft.
  const lastMonth = addMonths(thisMonth, -1);
  const issuedSchedule = (
    code: string,
    signer: [name: string, title: string],
    number: string,
    head?: string,
    skipped = 0,
  ) => {
    const radio = radioOf.get(code)!;
    const { first, last } = monthBounds(lastMonth);
    const schedule: ScheduleRow & { id: string } = {
      id: random.uuid(),
      unitId: radio.channel.unitId,
      channelId: radio.channel.id,
      month: first,
      status: 'issued',
      documentNumber: number,
      signerName: signer[0],
      signerTitle: signer[1],
      recipients: 'Phòng Văn hóa - Xã hội; Đài truyền thanh xã; Lưu: VT.',
      issuedAt: clampToNow(addDays(first, -3), '15:00'),
      issuedBy: userId(head),
      createdBy: userId(COMMUNES.find((c) => c.code === code)?.officer),
    };
    plan.schedules.push(schedule);
    for (const aired of radio.made.filter((b) => b.occurredOn >= first && b.occurredOn <= last)) {
      const entry: EntryRow = {
        id: random.uuid(),
        scheduleId: schedule.id,
        airDate: aired.occurredOn,
        timeSlot: timeSlotOf(aired.occurredAt as Date),
        title: aired.title,
        genre: aired.genre ?? null,
        topic: aired.topics?.[0] ?? null,
        durationMinutes: Math.round((aired.durationSeconds ?? 600) / 60),
        language: aired.language ?? 'vi',
        source: aired.source ?? 'own',
        libraryItemId: aired.libraryItemId ?? null,
        airedActivityId: aired.id,
      };
      aired.scheduleEntryId = entry.id;
      plan.scheduleEntries.push(entry);
    }
    // Planned but never aired: the plan-versus-aired view shows these as skipped.
    for (let i = 0; i < skipped; i++) {
      const day = addDays(first, 7 * i + 1);
      const { title, topic, genre } = makeTitle(random, 'broadcast', radio.channel.stationName ?? '', day);
      plan.scheduleEntries.push({
        id: random.uuid(),
        scheduleId: schedule.id,
        airDate: day,
        timeSlot: '17:00',
        title,
        genre,
        topic,
        durationMinutes: 10,
        language: 'vi',
        source: 'own',
      });
    }
  };
  issuedSchedule('23479', ['A Thuở', 'Chủ tịch UBND xã'], `${random.int(20, 60)}/DM-UBND`, 'lanhdao.dakrve');
  issuedSchedule(
    '23497',
    ['Đinh Văn Sơn', 'Phó Chủ tịch UBND xã'],
    `${random.int(20, 60)}/DM-UBND`,
    undefined,
    3,
  );
  issuedSchedule('24670', ['Nguyễn Văn Hải', 'Chủ tịch UBND xã'], `${random.int(20, 60)}/DM-UBND`);
  {
    const radio = radioOf.get('23479')!;
    const { first, last } = monthBounds(thisMonth);
    const draft: ScheduleRow & { id: string } = {
      id: random.uuid(),
      unitId: radio.channel.unitId,
      channelId: radio.channel.id,
      month: first,
      status: 'draft',
      note: 'Dự thảo, chờ lãnh đạo UBND xã ký ban hành.',
      createdBy: userId('canbo.dakrve'),
    };
    plan.schedules.push(draft);
    for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
      for (const offset of [0, 3]) {
        const day = addDays(monday, offset);
        if (day < first || day > last) continue;
        const { title, topic, genre } = makeTitle(random, 'broadcast', 'Xã Đăk Rve', day);
        plan.scheduleEntries.push({
          id: random.uuid(),
          scheduleId: draft.id,
          airDate: day,
          timeSlot: offset ? '17:00' : '05:00',
          title,
          genre,
          topic,
          durationMinutes: random.int(10, 15),
          language: 'vi',
          source: 'own',
          libraryItemId: topic === 'ict_applications' ? script.id : null,
        });
      }
    }
  }

  // Evidence: the Kon Tum letter behind the district's programme, and Đăk Rve's plan for the year.
  const letter: EvidenceRow & { id: string } = {
    id: random.uuid(),
    unitId: district,
    kind: 'citation',
    title: 'Văn bản hướng dẫn tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở',
    documentNumber: '114/STTTT-BCVT-CNTT',
    documentDate: '2024-01-22',
    issuingBody: 'Sở Thông tin và Truyền thông tỉnh Kon Tum',
    summary:
      'Đề nghị các huyện duy trì chuyên mục chuyển đổi số trên trang thông tin điện tử và đài truyền thanh, mỗi tuần ít nhất một lần.',
    periodFrom: FORMER_START,
    periodTo: FORMER_END,
    capturedAt: clampToNow('2024-01-25', '10:00'),
    source: 'upload',
  };
  plan.evidence.push(letter);
  for (const record of [...districtBroadcasts.slice(0, 2), ...districtPosts.slice(0, 1)]) {
    plan.evidenceLinks.push({
      id: random.uuid(),
      evidenceId: letter.id,
      targetType: 'activity',
      targetId: record.id!,
    });
  }
  const planYear = today.slice(0, 4);
  const planDay = `${planYear}-01-12`;
  if (planDay <= today) {
    const yearPlan: EvidenceRow & { id: string } = {
      id: random.uuid(),
      unitId: unitId('23479'),
      kind: 'citation',
      title: `Kế hoạch tuyên truyền chuyển đổi số năm ${planYear}`,
      documentNumber: `08/KH-UBND`,
      documentDate: planDay,
      issuingBody: 'Ủy ban nhân dân xã Đăk Rve',
      summary:
        'Kế hoạch phát thanh chuyên mục chuyển đổi số mỗi tuần và đăng tin bài hằng tháng trên trang thông tin điện tử của xã.',
      periodFrom: `${planYear}-01-01`,
      periodTo: `${planYear}-12-31`,
      capturedAt: clampToNow(addDays(planDay, 2), '10:00'),
      source: 'upload',
      createdBy: userId('canbo.dakrve'),
    };
    plan.evidence.push(yearPlan);
    const firstPost = postsOf.get('23479')!.find((post) => post.occurredOn >= planDay);
    if (firstPost)
      plan.evidenceLinks.push({
        id: random.uuid(),
        evidenceId: yearPlan.id,
        targetType: 'activity',
        targetId: firstPost.id!,
      });
  }
  return plan;
}

function timeSlotOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * HOUR_MS).toISOString().slice(11, 16);
}

export async function loadDemoActivityContext(q: Queryable): Promise<DemoActivityContext> {
  const unitIds = new Map<string, string>();
  for (const row of await q
    .select({ id: units.id, code: units.code, name: units.name, validTo: units.validTo })
    .from(units)) {
    if (row.code) unitIds.set(row.validTo ? `former:${row.code}` : row.code, row.id);
    if (!row.code && !row.validTo) unitIds.set(row.name, row.id);
  }
  const userIds = new Map<string, string>();
  for (const row of await q.select({ id: users.id, username: users.username }).from(users)) {
    userIds.set(row.username, row.id);
  }
  return { unitIds, userIds };
}

export interface DemoActivityCounts {
  channels: number;
  activities: number;
  libraryItems: number;
  schedules: number;
  scheduleEntries: number;
  evidence: number;
}

/** Seeds the demo records into a database that already holds the demo units and users. */
export async function seedDemoActivities(
  q: Queryable,
  options: { now?: Date } = {},
): Promise<DemoActivityCounts> {
  const plan = planDemoActivities(await loadDemoActivityContext(q), options.now ?? new Date());
  await q.insert(channels).values(plan.channels);
  await q.insert(libraryItems).values(plan.libraryItems);
  await insertActivities(q, plan.activities);
  await q.insert(broadcastSchedules).values(plan.schedules);
  await q.insert(broadcastScheduleEntries).values(plan.scheduleEntries);
  await q.insert(evidence).values(plan.evidence);
  if (plan.evidenceLinks.length) await q.insert(evidenceLinks).values(plan.evidenceLinks);
  const counts: DemoActivityCounts = {
    channels: plan.channels.length,
    activities: plan.activities.length,
    libraryItems: plan.libraryItems.length,
    schedules: plan.schedules.length,
    scheduleEntries: plan.scheduleEntries.length,
    evidence: plan.evidence.length,
  };
  await insertAuditEntries(q, SEED_ACTOR, [
    {
      action: 'demo.seed_activities',
      entityType: 'activity',
      summary: `Dữ liệu mẫu: ${counts.activities} bản ghi, ${counts.channels} kênh, ${counts.schedules} danh mục phát sóng, ${counts.libraryItems} tài liệu, ${counts.evidence} minh chứng.`,
      after: counts,
    },
  ]);
  return counts;
}

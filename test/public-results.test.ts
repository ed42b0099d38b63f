import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { html, safeHref } from '../src/server/public-pages/html';
import type { AssessmentDetailDto } from '../src/shared/api/assessments';
import type { EvidenceCreatedDto, EvidenceDetailDto } from '../src/shared/api/evidence';
import type { PublicRankingDto, PublicResultsSettingDto } from '../src/shared/api/public-results';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly } from './support/scoring-records';

/**
 * The public results page (issue 10 item 8). Tỉnh Công Khai has three communes on Kon Tum QĐ 780 in
 * 2024: Xã Công Bố's appraisal is published (its name carries a script tag: stored text is user input),
 * Xã Đã Thẩm Định's is appraised but not published, Xã Chưa Lập has none. Only the first may appear,
 * and only with its official score; nobody's name or e-mail, and only the evidence marked public.
 */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HOSTILE_NAME = 'Xã Công Bố <script>alert(1)</script>';

describe('public results page', () => {
  let ctx: TestContext;
  let province: string;
  let published: string;
  let appraisedOnly: string;
  let office: Session;
  let officer: Session;
  let reviewerName: string;
  let officerName: string;
  let publicEvidence: string;
  let unpublishedAssessment: string;
  let privateEvidence: string;
  const db = () => ctx.database.db;
  const anonymous = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }): Promise<T> {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function assess(unitId: string, publish: boolean, evidenceIds: string[] = []) {
    const unitOfficer = await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId }]);
    officerName = unitOfficer.username;
    const head = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId }])).session;
    const reviewer = await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: province }]);
    reviewerName = reviewer.username;
    const created = await ok<AssessmentDetailDto>(
      await unitOfficer.session.post(`/api/units/${unitId}/assessments`, {
        framework: 'kontum-780',
        period: '2024',
      }),
    );
    for (const code of ['1.4', '1.5'])
      await ok(
        await unitOfficer.session.patch(`/api/assessments/${created.id}/criteria/${code}`, {
          selfScore: 20,
          selfExplanation: `Cán bộ ${unitOfficer.username} tự chấm`,
        }),
      );
    for (const evidenceId of evidenceIds)
      await ok(
        await unitOfficer.session.post(`/api/assessments/${created.id}/criteria/1.4/evidence`, {
          evidenceId,
        }),
      );
    await ok(await head.post(`/api/assessments/${created.id}/submit`, {}));
    await ok(
      await reviewer.session.patch(`/api/assessments/${created.id}/appraisal/1.4`, {
        reviewerScore: 20,
        reviewerComment: 'Đủ 10 tin <b>trong năm</b>',
      }),
    );
    await ok(
      await reviewer.session.patch(`/api/assessments/${created.id}/appraisal/1.5`, { reviewerScore: 5 }),
    );
    await ok(await reviewer.session.post(`/api/assessments/${created.id}/appraise`, {}));
    if (publish) await ok(await office.post(`/api/assessments/${created.id}/publish`, {}));
    return created.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '74', name: 'Tỉnh Công Khai' });
    const commune = (code: string, name: string) =>
      createUnit(db(), { kind: 'commune', code, name, parentId: province, validFrom: '2020-01-01' });
    published = await commune('74001', HOSTILE_NAME);
    appraisedOnly = await commune('74002', 'Xã Đã Thẩm Định');
    await commune('74003', 'Xã Chưa Lập');
    const column = await addDxChannel(db(), published, 'website_column', '2023-01-01');
    await addDxRecords(db(), 'post', published, column, monthly(2024, '10', 10));
    office = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }])).session;
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: published }]))
      .session;

    const upload = async (name: string) => {
      const data = new FormData();
      data.append('title', name);
      data.append('file', new Blob([new Uint8Array(PDF)]), `${name}.pdf`);
      const response = await officer.request({
        method: 'POST',
        url: `/api/units/${published}/evidence`,
        payload: data,
      });
      return (await ok<EvidenceCreatedDto>(response)).id;
    };
    publicEvidence = await upload('Quyết định công khai');
    privateEvidence = await upload('Bảng chấm nội bộ');
    await assess(published, true, [publicEvidence, privateEvidence]);
    unpublishedAssessment = await assess(appraisedOnly, false);
  });
  afterAll(() => ctx.close());

  it('answers the same 404 for a province that has not turned it on as for an unknown code', async () => {
    const off = await anonymous('/public/74');
    const unknown = await anonymous('/public/99999');
    expect(off.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(off.body).toBe(unknown.body);
    expect((await anonymous('/public/74/kontum-780/2024')).statusCode).toBe(404);
    expect((await anonymous('/public/api/74')).statusCode).toBe(404);
    expect((await anonymous(`/public/74/tep/${publicEvidence}`)).statusCode).toBe(404);
    expect((await anonymous('/public/74/x/y/z/w/v')).statusCode).toBe(404);
  });

  it('lets only the province’s DX office turn it on, audited', async () => {
    const seen = await ok<PublicResultsSettingDto>(
      await officer.get(`/api/units/${published}/public-results`),
    );
    expect(seen).toMatchObject({ isEnabled: false, canManage: false, publicPath: null });
    expect(
      (
        await officer.request({
          method: 'PUT',
          url: `/api/units/${published}/public-results`,
          payload: { isEnabled: true },
        })
      ).statusCode,
    ).toBe(403);
    const turnedOn = await ok<PublicResultsSettingDto>(
      await office.request({
        method: 'PUT',
        url: `/api/units/${province}/public-results`,
        payload: { isEnabled: true },
      }),
    );
    expect(turnedOn).toMatchObject({ isEnabled: true, canManage: true, publicPath: '/public/74' });
    const audit = await ok<{ items: Array<{ action: string }> }>(
      await office.get(`/api/audit?unitId=${province}`),
    );
    expect(audit.items.map((item) => item.action)).toContain('public_results.enable');
    // Marking evidence public is the office's too.
    expect(
      (await officer.patch(`/api/evidence/${publicEvidence}/public`, { isPublic: true })).statusCode,
    ).toBe(403);
    const marked = await ok<EvidenceDetailDto>(
      await office.patch(`/api/evidence/${publicEvidence}/public`, { isPublic: true }),
    );
    expect(marked).toMatchObject({ isPublic: true, canMakePublic: true });
  });

  it('lists the published ranking and shows only published official scores, escaped, without people', async () => {
    const list = await anonymous('/public/74');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('href="/public/74/kontum-780/2024"');
    expect(list.body).toContain('1 đơn vị đã công bố');

    const ranking = await anonymous('/public/74/kontum-780/2024');
    expect(ranking.statusCode).toBe(200);
    expect(ranking.body).toContain('Xã Công Bố &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(ranking.body).not.toContain('<script');
    expect(ranking.body).toContain('25/40 điểm');
    expect(ranking.body).not.toContain('Xã Đã Thẩm Định');
    expect(ranking.body).not.toContain('Xã Chưa Lập');
    expect(ranking.body).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
    expect(ranking.body).toContain('<link rel="stylesheet" href="/public/assets/ket-qua.css">');
    const json = await anonymous('/public/api/74/kontum-780/2024');
    const dto = json.json<PublicRankingDto>();
    expect(
      dto.groups.flatMap((group) => group.rows).map((row) => [row.name, row.score, row.max, row.rank]),
    ).toEqual([[HOSTILE_NAME, 25, 40, 1]]);

    const unitPage = await anonymous(`/public/74/kontum-780/2024/don-vi/${published}`);
    expect(unitPage.statusCode).toBe(200);
    const body = unitPage.body;
    expect(body).toContain('Điểm chính thức: <strong>25/40</strong>');
    expect(body).toContain('Đủ 10 tin &lt;b&gt;trong năm&lt;/b&gt;');
    expect(body).toContain('10 tin bài');
    expect(body).not.toContain('<script');
    // No person: neither the officer's nor the reviewer's account, nor any e-mail address.
    for (const text of [officerName, reviewerName, 'Người Thử', '@']) expect(body).not.toContain(text);
    for (const text of [officerName, reviewerName, 'Người Thử', '@'])
      expect(ranking.body).not.toContain(text);
    // The public evidence item is linked, the other is not.
    expect(body).toContain(`/public/74/tep/${publicEvidence}`);
    expect(body).toContain('Quyết định công khai');
    expect(body).not.toContain(privateEvidence);
    expect(body).not.toContain('Bảng chấm nội bộ');
    // A unit not published has no page.
    expect((await anonymous(`/public/74/kontum-780/2024/don-vi/${appraisedOnly}`)).statusCode).toBe(404);
    expect((await anonymous('/public/74/kontum-780/2023')).statusCode).toBe(404);
  });

  it('serves the file of public evidence only', async () => {
    const file = await anonymous(`/public/74/tep/${publicEvidence}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((await anonymous(`/public/74/tep/${privateEvidence}`)).statusCode).toBe(404);
    expect((await anonymous('/public/74/tep/not-a-uuid')).statusCode).toBe(404);
  });

  it('is cacheable: Cache-Control, an ETag and 304 when unchanged; a change of what it shows (evidence, a publication) changes it', async () => {
    const first = await anonymous('/public/74/kontum-780/2024');
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await anonymous('/public/74/kontum-780/2024', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A new record changes no published figure: the copy stays good (busy days keep the cache).
    const column = await addDxChannel(db(), appraisedOnly, 'website_column', '2023-01-01');
    await addDxRecords(db(), 'post', appraisedOnly, column, ['2024-05-05']);
    expect((await anonymous('/public/74/kontum-780/2024', { 'if-none-match': etag })).statusCode).toBe(304);
    // The public pages have no script at all: their CSP allows none, and no inline style either.
    const csp = first.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    const css = await anonymous('/public/assets/ket-qua.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    // Turning the evidence private changes the unit page, hence its ETag.
    const before = await anonymous(`/public/74/kontum-780/2024/don-vi/${published}`);
    await ok(await office.patch(`/api/evidence/${publicEvidence}/public`, { isPublic: false }));
    const after = await anonymous(`/public/74/kontum-780/2024/don-vi/${published}`, {
      'if-none-match': before.headers.etag as string,
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain(publicEvidence);
    expect((await anonymous(`/public/74/tep/${publicEvidence}`)).statusCode).toBe(404);
    // A new publication shows at once to a browser revalidating its copy.
    const ranked = await anonymous('/public/74/kontum-780/2024');
    expect(ranked.body).not.toContain('Xã Đã Thẩm Định');
    await ok(await office.post(`/api/assessments/${unpublishedAssessment}/publish`, {}));
    const republished = await anonymous('/public/74/kontum-780/2024', {
      'if-none-match': ranked.headers.etag as string,
    });
    expect(republished.statusCode).toBe(200);
    expect(republished.body).toContain('Xã Đã Thẩm Định');
    expect(republished.headers.etag).not.toBe(ranked.headers.etag);
    expect((await anonymous('/public/74')).body).toContain('2 đơn vị đã công bố');
  });

  it('goes dark again when the office turns it off', async () => {
    await ok(
      await office.request({
        method: 'PUT',
        url: `/api/units/${province}/public-results`,
        payload: { isEnabled: false },
      }),
    );
    expect((await anonymous('/public/74')).statusCode).toBe(404);
    expect((await anonymous('/public/74/kontum-780/2024')).statusCode).toBe(404);
  });
});

describe('public pages escaping', () => {
  it('escapes every interpolated text, in elements and attributes, and keeps only http(s) links', () => {
    const hostile = `"><img src=x onerror=alert(1)>'\``;
    const out =
      html`<a href="${safeHref('javascript:alert(1)')}" title="${hostile}">${hostile}</a>`.toString();
    expect(out).toBe(
      '<a href="#" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&#96;</a>',
    );
    expect(safeHref('https://xa.example/bai?a=1')).toBe('https://xa.example/bai?a=1');
    expect(safeHref('//evil.example/')).toBe('#');
    expect(safeHref('/public/74')).toBe('/public/74');
    expect(safeHref('data:text/html,<script>')).toBe('#');
    // Nested templates are not escaped twice; arrays are joined.
    expect(html`<ul>${['<a>', html`<li>${'&'}</li>`]}</ul>`.toString()).toBe(
      '<ul>&lt;a&gt;<li>&amp;</li></ul>',
    );
  });
});

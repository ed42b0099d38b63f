import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { insertEvidenceLink } from '../src/server/db/repositories/evidence';
import { reportPeriods, reports, reportTypes } from '../src/server/db/schema-reports';
import { assessmentCriteria, assessments, frameworks } from '../src/server/db/schema-scoring';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { collectReportEvidence } from '../src/server/domain/reports/collect-report-evidence';
import { criteriaWithPaths } from '../src/server/frameworks/validate';
import type { EvidenceCreatedDto } from '../src/shared/api/evidence';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { communeResults } from './support/report-results';
import { createSignedInUser } from './support/scenarios';

/**
 * The report's downloads through the API: a submitted report of a commune (part I frozen), its
 * evidence attached to a record of the period and to a criterion of the period's assessment, and an
 * officer of another commune who must not see any of it.
 */

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n% biên bản kiểm tra cụm loa\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let ctx: TestContext;
let officer: Session;
let outsider: Session;
let reportId: string;
let communeId: string;
let evidencePdf: string;
let evidencePhoto: string;
let provinceId: string;
let periodId: string;

function upload(session: Session, unitId: string, name: string, content: Buffer, title: string) {
  const form = new FormData();
  form.append('title', title);
  form.append('file', new Blob([new Uint8Array(content)]), name);
  return session.request({ method: 'POST', url: `/api/units/${unitId}/evidence`, payload: form });
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  const province = await createUnit(db, {
    kind: 'province',
    name: 'Tỉnh Quảng Ngãi',
    validFrom: '2025-07-01',
  });
  provinceId = province;
  communeId = await createUnit(db, { name: 'Xã Đăk Rve', parentId: province, validFrom: '2025-07-01' });
  const other = await createUnit(db, { name: 'Xã Kon Braih', parentId: province, validFrom: '2025-07-01' });
  officer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: communeId }])).session;
  outsider = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: other }])).session;

  const [type] = await db
    .insert(reportTypes)
    .values({
      ownerUnitId: province,
      kind: 'annual',
      name: 'Báo cáo năm',
      dueRule: { kind: 'yearly', month: 12, day: 5 },
      submitterKinds: ['commune'],
      recipients: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi\nThường trực Đảng ủy xã',
    })
    .returning();
  const [period] = await db
    .insert(reportPeriods)
    .values({
      reportTypeId: type!.id,
      periodKey: '2026',
      label: 'năm 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      dueOn: '2026-12-05',
    })
    .returning();
  periodId = period!.id;
  const results = communeResults({ unit: { id: communeId, name: 'Xã Đăk Rve', kind: 'commune' } });
  results.dxPosts[0] = { ...results.dxPosts[0]!, title: '=HYPERLINK("http://x")' };
  const [report] = await db
    .insert(reports)
    .values({
      periodId: period!.id,
      unitId: communeId,
      status: 'submitted',
      assessmentText: 'Ưu điểm: chuyên mục cập nhật đều.',
      tasksText: 'Duy trì chuyên mục.',
      proposalsText: 'Hỗ trợ thay loa.',
      results,
      submittedAt: new Date('2026-12-03T02:00:00Z'),
      submittedOn: '2026-12-03',
    })
    .returning();
  reportId = report!.id;

  // A record of the period with a PDF, and a criterion of the period's assessment with a photo.
  const [recordId] = await insertActivities(db, [
    {
      kind: 'post',
      unitId: communeId,
      occurredAt: new Date('2026-03-05T02:00:00Z'),
      occurredOn: '2026-03-05',
      title: 'Hướng dẫn cài VNeID',
      searchText: 'huong dan cai vneid',
      provenance: 'form',
    },
  ]);
  const pdf = await upload(officer, communeId, '../Biên bản\u202Efdp.exe', PDF, 'Biên bản kiểm tra');
  expect(pdf.statusCode, pdf.body).toBe(200);
  evidencePdf = pdf.json<EvidenceCreatedDto>().id;
  await insertEvidenceLink(db, { evidenceId: evidencePdf, targetType: 'activity', targetId: recordId! });

  await ensureBuiltinFrameworks(db);
  const [framework] = await db.select().from(frameworks).limit(1);
  const criterion = criteriaWithPaths(framework!.definition)[0]!.criterion;
  const [assessment] = await db
    .insert(assessments)
    .values({
      unitId: communeId,
      frameworkId: framework!.id,
      periodKey: '2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      maxTotal: 100,
    })
    .returning();
  const [row] = await db
    .insert(assessmentCriteria)
    .values({ assessmentId: assessment!.id, criterionCode: criterion.code, max: criterion.max })
    .returning();
  const photo = await upload(officer, communeId, 'Ảnh loa.png', PNG, 'Ảnh cụm loa thôn');
  evidencePhoto = photo.json<EvidenceCreatedDto>().id;
  await insertEvidenceLink(db, { evidenceId: evidencePhoto, targetType: 'criterion', targetId: row!.id });
  await insertEvidenceLink(db, { evidenceId: evidencePdf, targetType: 'criterion', targetId: row!.id });
}, 60_000);

afterAll(() => ctx.close());

describe('report downloads', () => {
  it('collects the evidence of the records and criteria of the period, each item once with what it proves', async () => {
    const items = await collectReportEvidence(ctx.database.db, {
      unitIds: [communeId],
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(items.map((item) => item.evidenceId).sort()).toEqual([evidencePdf, evidencePhoto].sort());
    const pdf = items.find((item) => item.evidenceId === evidencePdf)!;
    expect(pdf.file).toMatchObject({
      sha256: sha256(PDF),
      sizeBytes: PDF.length,
      mimeType: 'application/pdf',
    });
    expect(pdf.proves[0]).toBe('Tin bài “Hướng dẫn cài VNeID” ngày 05/03/2026');
    expect(pdf.proves[1]).toMatch(/^Tiêu chí /);
    // Outside the period: nothing.
    expect(
      await collectReportEvidence(ctx.database.db, {
        unitIds: [communeId],
        from: '2025-01-01',
        to: '2025-12-31',
      }),
    ).toEqual([]);
  });

  it('sends the DOCX with a Vietnamese file name', async () => {
    const response = await officer.get(`/api/reports/${reportId}/document.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo năm 2026 - Xã Đăk Rve.docx')}`,
    );
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('XÃ ĐĂK RVE');
    expect(xml).toContain('Đăk Rve, ngày 03 tháng 12 năm 2026');
    expect(xml).toContain('Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;');
    expect(xml).toContain('Ưu điểm: chuyên mục cập nhật đều.');
  });

  it('sends the annex with formulas neutralised', async () => {
    const response = await officer.get(`/api/reports/${reportId}/annex.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Tin bài CĐS')!.getCell('C2').value).toBe('\'=HYPERLINK("http://x")');
  });

  it('streams the evidence ZIP: report, annex, index with SHA-256, the files under the unit folder', async () => {
    const response = await officer.get(`/api/reports/${reportId}/evidence.zip`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      [
        'Báo cáo năm 2026 - Xã Đăk Rve.docx',
        'Phụ lục - Báo cáo năm 2026 - Xã Đăk Rve.xlsx',
        'Minh chứng/Xã Đăk Rve/Biên bảnfdp.exe',
        'Minh chứng/Xã Đăk Rve/Ảnh loa.png',
        'index.html',
        'index.xlsx',
      ].sort(),
    );
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain(sha256(PDF));
    expect(html).toContain(sha256(PNG));
    expect(html).toContain('Tin bài “Hướng dẫn cài VNeID” ngày 05/03/2026');
    expect(await zip.file('Minh chứng/Xã Đăk Rve/Ảnh loa.png')!.async('nodebuffer')).toEqual(PNG);
    expect(html.match(/<td>khớp<\/td>/g)?.length).toBe(4);
  });

  it('streams the whole ZIP over a real connection', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/api/reports/${reportId}/evidence.zip`, {
      headers: { cookie: officer.cookie },
    });
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    expect(await zip.file('Minh chứng/Xã Đăk Rve/Biên bảnfdp.exe')!.async('nodebuffer')).toEqual(PDF);
  });

  it('gives a province’s draft report its children’s table, as the report page shows it', async () => {
    const office = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'dx_office', unitId: provinceId }])
    ).session;
    const opened = await office.post(`/api/report-periods/${periodId}/units/${provinceId}/report`);
    expect(opened.statusCode, opened.body).toBe(200);
    const provinceReport = opened.json<{ id: string; status: string }>();
    expect(provinceReport.status).toBe('draft');
    const response = await office.get(`/api/reports/${provinceReport.id}/document.docx`);
    expect(response.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    // Đăk Rve submitted, Kon Braih did not: both are in the table of the units that report.
    expect(xml).toContain('Xã Đăk Rve');
    expect(xml).toContain('Xã Kon Braih');
    // The evidence package of the province holds its children's evidence.
    const zip = await JSZip.loadAsync(
      (await office.get(`/api/reports/${provinceReport.id}/evidence.zip`)).rawPayload,
    );
    expect(Object.keys(zip.files)).toContain('Minh chứng/Xã Đăk Rve/Ảnh loa.png');
  });

  it('answers 404 to an officer of another commune', async () => {
    for (const file of ['document.docx', 'annex.xlsx', 'evidence.zip']) {
      const response = await outsider.get(`/api/reports/${reportId}/${file}`);
      expect(response.statusCode, file).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

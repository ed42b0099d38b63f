import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { channels } from '../src/server/db/schema-activities';
import { assessmentCriteria, frameworks } from '../src/server/db/schema-scoring';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type {
  AssessmentCriterionDto,
  AssessmentDetailDto,
  AssessmentListDto,
  AssessmentSummaryDto,
} from '../src/shared/api/assessments';
import type { EvidenceCreatedDto } from '../src/shared/api/evidence';
import type { ErrorBody } from '../src/shared/errors';
import { type FrameworkFileInput, frameworkSchema } from '../src/shared/frameworks/definition';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

// A past year: the product refuses records, documents and periods after today, so the fixtures must
// never lie in the future of the day the suite runs.
const PERIOD = '2025';

/**
 * A small yearly framework with one criterion of each kind the workflow treats differently: records
 * (live, then frozen), a choice input, a manual score that needs evidence, a yes/no input, a ratio of
 * two number inputs.
 */
const FRAMEWORK: FrameworkFileInput = {
  code: 'thu-danh-gia',
  version: '2025',
  name: 'Bộ chỉ số thử đánh giá',
  legalBasis: 'QĐ 01/QĐ-THU ngày 02/01/2025',
  issuingBody: 'UBND tỉnh Thử',
  validFrom: '2025-01-01',
  period: 'year',
  appliesTo: ['commune', 'ward'],
  pillars: [
    {
      code: '1',
      title: 'Nhận thức số',
      indices: [
        {
          code: '1.1',
          title: 'Tuyên truyền',
          criteria: [
            {
              code: '1.1',
              title: 'Tin bài chuyển đổi số trên trang thông tin điện tử',
              max: 10,
              rule: { type: 'count', measure: { source: 'posts' }, threshold: 4, partial: 'proportional' },
            },
            {
              code: '1.2',
              title: 'Người chủ trì Ban chỉ đạo',
              max: 4,
              rule: {
                type: 'choice',
                input: 'chu_tri',
                options: [
                  { value: 'truong', fraction: 1 },
                  { value: 'pho', fraction: 0.5 },
                ],
              },
              inputs: [
                {
                  key: 'chu_tri',
                  label: 'Người chủ trì',
                  type: 'choice',
                  options: [
                    { value: 'truong', label: 'Trưởng ban' },
                    { value: 'pho', label: 'Phó trưởng ban' },
                  ],
                },
              ],
            },
            {
              code: '1.3',
              title: 'Kết quả kiểm tra của tỉnh',
              max: 6,
              rule: { type: 'manual' },
              evidence: 'Biên bản kiểm tra',
              evidenceRequired: true,
            },
          ],
        },
        {
          code: '1.2',
          title: 'Kế hoạch',
          criteria: [
            {
              code: '1.4',
              title: 'Có kế hoạch chuyển đổi số năm',
              max: 2,
              rule: { type: 'boolean', input: 'co_ke_hoach' },
              inputs: [{ key: 'co_ke_hoach', label: 'Có kế hoạch', type: 'boolean' }],
            },
            {
              code: '1.5',
              title: 'Tỷ lệ văn bản ký số',
              max: 4,
              rule: { type: 'ratio', numerator: { input: 'da_ky' }, denominator: { input: 'tong_so' } },
              inputs: [
                { key: 'da_ky', label: 'Số văn bản ký số', type: 'number' },
                { key: 'tong_so', label: 'Tổng số văn bản', type: 'number' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('assessments: self-assessment, appraisal, publication', () => {
  let ctx: TestContext;
  let s: Scenario;
  let officer: Session;
  let head: Session;
  let reviewer: Session;
  let ownReviewer: Session;
  let dxOffice: Session;
  let outsider: Session;
  let viewer: Session;
  let dxChannel: string;
  let assessmentId: string;
  let evidenceId: string;

  const db = () => ctx.database.db;

  async function insertFramework(file: FrameworkFileInput) {
    const definition = frameworkSchema.parse(file);
    const sourceText = JSON.stringify(file);
    await db()
      .insert(frameworks)
      .values({
        code: definition.code,
        version: definition.version,
        name: definition.name,
        legalBasis: definition.legalBasis,
        issuingBody: definition.issuingBody,
        validFrom: definition.validFrom,
        periodKind: definition.period,
        appliesTo: definition.appliesTo,
        definition,
        sourceText,
        sourceFormat: 'json',
        sha256: createHash('sha256').update(sourceText).digest('hex'),
      });
  }

  async function addPosts(days: string[]) {
    await insertActivities(
      db(),
      days.map((day, i) => ({
        kind: 'post',
        unitId: s.dakRve,
        channelId: dxChannel,
        occurredAt: new Date(`${day}T02:00:00Z`),
        occurredOn: day,
        title: `Tin chuyển đổi số ${day} ${i}`,
        searchText: `tin chuyen doi so ${day} ${i}`,
        provenance: 'form',
      })),
    );
  }

  async function detail(session: Session = officer, id = assessmentId) {
    const response = await session.get(`/api/assessments/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AssessmentDetailDto>();
  }

  const criterion = (found: AssessmentDetailDto, code: string): AssessmentCriterionDto =>
    found.criteria.find((item) => item.code === code)!;

  async function session200(request: Promise<{ statusCode: number; body: string; json<T>(): T }>) {
    return ok(await request);
  }

  async function ok(response: { statusCode: number; body: string; json<T>(): T }) {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AssessmentDetailDto>();
  }

  function refused(response: { statusCode: number; body: string; json<T>(): T }, status: number) {
    expect(response.statusCode, response.body).toBe(status);
    return response.json<ErrorBody>();
  }

  const auditActions = async (entityId: string) =>
    (
      await db()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, entityId))
        .orderBy(asc(auditLog.at), asc(auditLog.id))
    ).map((row) => row.action);

  async function scoreAll(session: Session, field: 'self' | 'reviewer', scores: Record<string, number>) {
    for (const [code, score] of Object.entries(scores)) {
      const url =
        field === 'self'
          ? `/api/assessments/${assessmentId}/criteria/${code}`
          : `/api/assessments/${assessmentId}/appraisal/${code}`;
      const body = field === 'self' ? { selfScore: score } : { reviewerScore: score };
      await ok(await session.patch(url, body));
    }
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    s = await createKonTumScenario(db());
    await insertFramework(FRAMEWORK);
    const signIn = async (role: Parameters<typeof createSignedInUser>[2][number]['role'], unitId: string) =>
      (await createSignedInUser(ctx.app, db(), [{ role, unitId }])).session;
    officer = await signIn('unit_officer', s.dakRve);
    head = await signIn('unit_head', s.dakRve);
    reviewer = await signIn('reviewer', s.quangNgai);
    ownReviewer = await signIn('reviewer', s.dakRve);
    dxOffice = await signIn('dx_office', s.quangNgai);
    outsider = await signIn('unit_officer', s.dakMil);
    viewer = await signIn('viewer', s.dakRve);
    const [channel] = await db()
      .insert(channels)
      .values({
        unitId: s.dakRve,
        kind: 'website_column',
        platform: 'website',
        name: 'Chuyên mục Chuyển đổi số',
        url: 'https://dakrve.quangngai.gov.vn/cds',
      })
      .returning({ id: channels.id });
    dxChannel = channel!.id;
  });
  afterAll(() => ctx.close());

  describe('starting an assessment', () => {
    it('creates a draft with one row per criterion and the automatic scores', async () => {
      const created = await ok(
        await officer.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: PERIOD,
        }),
      );
      assessmentId = created.id;
      expect(created).toMatchObject({
        unit: { id: s.dakRve, name: 'Xã Đăk Rve', kind: 'commune' },
        framework: {
          code: 'thu-danh-gia',
          version: '2025',
          name: 'Bộ chỉ số thử đánh giá',
          periodKind: 'year',
        },
        period: { key: '2025', from: '2025-01-01', to: '2025-12-31', label: 'năm 2025' },
        version: 1,
        status: 'draft',
        supersedesId: null,
        supersededById: null,
        totals: { auto: 0, self: 0, appraised: 0, max: 26 },
        progress: { criteria: 5, selfScored: 0, appraised: 0 },
        actions: ['edit'],
      });
      expect(created.criteria.map((item) => item.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
      expect(criterion(created, '1.1')).toMatchObject({
        title: 'Tin bài chuyển đổi số trên trang thông tin điện tử',
        pillarCode: '1',
        indexCode: '1.1',
        max: 10,
        ruleType: 'count',
        auto: { score: 0, isLive: true },
        selfScore: null,
        evidence: [],
      });
      expect(criterion(created, '1.1').auto.explanation).toMatch(/(^|\D)0 tin bài .*\(cần 4\)/);
      expect(criterion(created, '1.2')).toMatchObject({
        auto: { score: null, status: 'grey', isLive: true },
        inputSpecs: [
          {
            key: 'chu_tri',
            type: 'choice',
            options: [
              { value: 'truong', label: 'Trưởng ban' },
              { value: 'pho', label: 'Phó trưởng ban' },
            ],
          },
        ],
      });
      expect(criterion(created, '1.3')).toMatchObject({
        ruleType: 'manual',
        evidenceRequired: true,
        evidenceHint: 'Biên bản kiểm tra',
        auto: { score: null, status: 'grey' },
      });
      expect(created.transitions).toEqual([
        {
          fromStatus: null,
          toStatus: 'draft',
          actorName: expect.any(String),
          note: null,
          at: expect.any(String),
        },
      ]);
      expect(await auditActions(assessmentId)).toEqual(['assessment.create']);
    });

    it('refuses a second live assessment for the same framework and period, naming the first', async () => {
      const error = refused(
        await head.post(`/api/units/${s.dakRve}/assessments`, { framework: 'thu-danh-gia', period: PERIOD }),
        409,
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('năm 2025');
      expect(error.details).toEqual([{ field: 'assessmentId', message: assessmentId }]);
    });

    it('refuses unknown frameworks, periods not begun, other people’s units and roles without the right', async () => {
      refused(
        await officer.post(`/api/units/${s.dakRve}/assessments`, { framework: 'khong-co', period: PERIOD }),
        400,
      );
      const future = refused(
        await officer.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: '2099',
        }),
        400,
      );
      expect(future.message).toBe('Kỳ đánh giá chưa bắt đầu.');
      refused(
        await officer.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: '2025-H1',
        }),
        400,
      );
      refused(
        await outsider.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: '2025',
        }),
        404,
      );
      refused(
        await viewer.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: '2025',
        }),
        403,
      );
      // A province is not scored by a framework for communes.
      const kind = refused(
        await dxOffice.post(`/api/units/${s.quangNgai}/assessments`, {
          framework: 'thu-danh-gia',
          period: PERIOD,
        }),
        400,
      );
      expect(kind.message).toBe('Bộ chỉ số này không áp dụng cho loại đơn vị này.');
    });

    it('lets one of two simultaneous creations win; the other gets the conflict', async () => {
      const body = { framework: 'thu-danh-gia', period: PERIOD };
      const responses = await Promise.all([
        dxOffice.post(`/api/units/${s.konBraih}/assessments`, body),
        dxOffice.post(`/api/units/${s.konBraih}/assessments`, body),
      ]);
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const winner = responses.find((response) => response.statusCode === 200)!.json<AssessmentDetailDto>();
      const loser = responses.find((response) => response.statusCode === 409)!.json<ErrorBody>();
      expect(loser.details).toEqual([{ field: 'assessmentId', message: winner.id }]);
    });

    it('shows outsiders nothing', async () => {
      refused(await outsider.get(`/api/assessments/${assessmentId}`), 404);
      refused(await outsider.get(`/api/units/${s.dakRve}/assessments`), 404);
      refused(await outsider.get(`/api/assessments?unitId=${s.dakRve}`), 404);
      const own = (await outsider.get('/api/assessments')).json<AssessmentListDto>();
      expect(own.items).toEqual([]);
    });
  });

  describe('the self-assessment', () => {
    it('recomputes the automatic scores from the records while it is a draft', async () => {
      await addPosts(['2025-03-02', '2025-03-09']);
      const found = await detail();
      expect(criterion(found, '1.1').auto).toMatchObject({ score: 5, isLive: true });
      expect(found.totals.auto).toBe(5);
    });

    it('writes the live explanations and gaps in the language asked for (lang=en), Vietnamese by default', async () => {
      const english = await session200(officer.get(`/api/assessments/${assessmentId}?lang=en`));
      const auto = criterion(english, '1.1').auto;
      expect(auto.explanation).toMatch(/(^|\D)2 posts in 2025 \(4 needed\)/);
      expect(auto.explanation).not.toMatch(/tin bài|cần/);
      expect(auto.gaps.join(' ')).not.toMatch(/tin bài|cần/);
      expect(criterion(await detail(), '1.1').auto.explanation).toMatch(/2 tin bài/);
      refused(await officer.get(`/api/assessments/${assessmentId}?lang=fr`), 400);
    });

    it('takes self scores, explanations and inputs, and the inputs feed the automatic score', async () => {
      const updated = await ok(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.2`, {
          selfScore: 2,
          selfExplanation: 'Phó Chủ tịch UBND xã làm Phó trưởng ban.',
          inputs: { chu_tri: 'pho' },
        }),
      );
      expect(criterion(updated, '1.2')).toMatchObject({
        selfScore: 2,
        selfExplanation: 'Phó Chủ tịch UBND xã làm Phó trưởng ban.',
        inputs: { chu_tri: 'pho' },
        auto: { score: 2, isLive: true },
      });
      const ratio = await ok(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.5`, {
          inputs: { da_ky: 3, tong_so: 4 },
        }),
      );
      expect(criterion(ratio, '1.5')).toMatchObject({ inputs: { da_ky: 3, tong_so: 4 }, auto: { score: 3 } });
      // null removes a value.
      const cleared = await ok(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.5`, { inputs: { tong_so: null } }),
      );
      expect(criterion(cleared, '1.5').inputs).toEqual({ da_ky: 3 });
      expect(criterion(cleared, '1.5').auto.score).toBeNull();
      expect(await auditActions(assessmentId)).toEqual([
        'assessment.create',
        'assessment.criterion_update',
        'assessment.criterion_update',
        'assessment.criterion_update',
      ]);
    });

    it('refuses scores outside 0..max and inputs the framework does not declare, naming the field', async () => {
      const tooHigh = refused(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 11 }),
        400,
      );
      expect(tooHigh).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 10.',
        details: [{ field: 'body.selfScore', message: 'Điểm tự chấm phải từ 0 đến 10.' }],
      });
      refused(await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: -1 }), 400);
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [
          '1.2',
          { chu_tri: 'chu_tich' },
          '"Người chủ trì" phải là một trong: truong (Trưởng ban), pho (Phó trưởng ban).',
        ],
        ['1.2', { so_van_ban: 3 }, 'Tiêu chí 1.2 không có ô nhập "so_van_ban" (có: chu_tri).'],
        ['1.4', { co_ke_hoach: 'có' }, '"Có kế hoạch" phải là có hoặc không (true/false).'],
        ['1.5', { da_ky: -2 }, '"Số văn bản ký số" phải là một số không âm.'],
        ['1.1', { bat_ky: 1 }, 'Tiêu chí 1.1 không có ô nhập nào.'],
      ];
      for (const [code, inputs, message] of cases) {
        const error = refused(
          await officer.patch(`/api/assessments/${assessmentId}/criteria/${code}`, { inputs }),
          400,
        );
        expect(error.details).toEqual([{ field: `body.inputs.${Object.keys(inputs)[0]}`, message }]);
      }
      refused(await officer.patch(`/api/assessments/${assessmentId}/criteria/9.9`, { selfScore: 1 }), 404);
      // Nothing of it was stored.
      const found = await detail();
      expect(criterion(found, '1.1').selfScore).toBeNull();
      expect(criterion(found, '1.2').inputs).toEqual({ chu_tri: 'pho' });
    });

    it('lets only the unit’s people edit it', async () => {
      refused(await viewer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 5 }), 403);
      refused(await reviewer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 5 }), 403);
      refused(await outsider.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 5 }), 404);
    });

    it('attaches evidence of the unit to a criterion, and detaches it', async () => {
      const created = await officer.post(`/api/units/${s.dakRve}/evidence/citation`, {
        documentNumber: '12/BB-UBND',
        documentDate: '2025-04-10',
        issuingBody: 'UBND xã Đăk Rve',
        summary: 'Biên bản kiểm tra công tác chuyển đổi số',
      });
      expect(created.statusCode, created.body).toBe(200);
      evidenceId = created.json<EvidenceCreatedDto>().id;

      const linked = await ok(
        await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId }),
      );
      const evidence = criterion(linked, '1.3').evidence;
      expect(evidence).toEqual([
        expect.objectContaining({
          id: evidenceId,
          kind: 'citation',
          documentNumber: '12/BB-UBND',
          linkId: expect.any(String),
        }),
      ]);
      const again = refused(
        await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId }),
        409,
      );
      expect(again.message).toContain('đã được gắn với tiêu chí 1.3');
      // The evidence routes cannot detach it behind the assessment's back (it would survive a lock).
      const generic = refused(await officer.delete(`/api/evidence-links/${evidence[0]!.linkId}`), 409);
      expect(generic.message).toContain('tiêu chí của bản đánh giá');

      const unlinked = await ok(await officer.delete(`/api/criterion-evidence-links/${evidence[0]!.linkId}`));
      expect(criterion(unlinked, '1.3').evidence).toEqual([]);
      refused(await officer.delete(`/api/criterion-evidence-links/${evidence[0]!.linkId}`), 404);
      await ok(await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId }));
      expect((await auditActions(assessmentId)).slice(-3)).toEqual([
        'assessment.evidence_link',
        'assessment.evidence_unlink',
        'assessment.evidence_link',
      ]);
    });

    it('refuses evidence of another unit, and hides it from those who cannot see it', async () => {
      const elsewhere = await dxOffice.post(`/api/units/${s.konBraih}/evidence/url`, {
        title: 'Trang chuyên mục của Kon Braih',
        url: 'https://konbraih.quangngai.gov.vn/cds',
      });
      const otherId = elsewhere.json<EvidenceCreatedDto>().id;
      refused(
        await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId: otherId }),
        404,
      );
      const error = refused(
        await dxOffice.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, {
          evidenceId: otherId,
        }),
        400,
      );
      expect(error.details).toEqual([{ field: 'body.evidenceId', message: 'Minh chứng của đơn vị khác.' }]);
    });
  });

  describe('submitting', () => {
    it('is for the unit head only', async () => {
      // The note is optional, and so is the whole body.
      refused(await officer.post(`/api/assessments/${assessmentId}/submit`), 403);
      refused(await reviewer.post(`/api/assessments/${assessmentId}/submit`, {}), 403);
    });

    it('refuses while self scores are missing, listing the criteria', async () => {
      const error = refused(await head.post(`/api/assessments/${assessmentId}/submit`, {}), 400);
      expect(error.message).toBe('Chưa gửi thẩm định được: chưa tự chấm tiêu chí 1.1, 1.3, 1.4, 1.5.');
      expect(error.details.map((detail) => detail.field)).toEqual([
        'criteria.1.1.selfScore',
        'criteria.1.3.selfScore',
        'criteria.1.4.selfScore',
        'criteria.1.5.selfScore',
      ]);
    });

    it('refuses a criterion that needs evidence and has none', async () => {
      const linked = criterion(await detail(), '1.3').evidence[0]!;
      await ok(await officer.delete(`/api/criterion-evidence-links/${linked.linkId}`));
      await scoreAll(officer, 'self', { '1.1': 5, '1.3': 6, '1.4': 2, '1.5': 3 });
      const error = refused(await head.post(`/api/assessments/${assessmentId}/submit`, {}), 400);
      expect(error.message).toBe('Chưa gửi thẩm định được: thiếu minh chứng cho tiêu chí 1.3.');
      expect(error.details).toEqual([
        { field: 'criteria.1.3.evidence', message: 'Tiêu chí 1.3: cần ít nhất một minh chứng.' },
      ]);
      await ok(await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId }));
    });

    it('submits, freezing the automatic scores and the totals', async () => {
      const submitted = await ok(
        await head.post(`/api/assessments/${assessmentId}/submit`, { note: 'Đề nghị thẩm định.' }),
      );
      expect(submitted).toMatchObject({
        status: 'submitted',
        totals: { auto: 7, self: 18, appraised: 0, max: 26 },
        progress: { criteria: 5, selfScored: 5, appraised: 0 },
        submittedAt: expect.any(String),
        actions: [],
      });
      expect(criterion(submitted, '1.1').auto).toMatchObject({ score: 5, isLive: false });
      expect(criterion(submitted, '1.1').auto.explanation).toMatch(/(^|\D)2 tin bài .*\(cần 4\)/);
      expect(submitted.transitions.at(-1)).toMatchObject({
        fromStatus: 'draft',
        toStatus: 'submitted',
        note: 'Đề nghị thẩm định.',
      });
      expect((await auditActions(assessmentId)).at(-1)).toBe('assessment.submit');
    });

    it('keeps the frozen automatic score when records are added afterwards', async () => {
      await addPosts(['2025-04-06']);
      const found = await detail();
      expect(criterion(found, '1.1').auto).toMatchObject({ score: 5, isLive: false });
      expect(found.totals.auto).toBe(7);
    });

    it('keeps the frozen explanation in both languages; a row frozen before keeps its Vietnamese', async () => {
      const english = await session200(officer.get(`/api/assessments/${assessmentId}?lang=en`));
      const auto = criterion(english, '1.1').auto;
      expect(auto).toMatchObject({ score: 5, isLive: false });
      expect(auto.explanation).toMatch(/(^|\D)2 posts /);
      expect(auto.explanation + auto.gaps.join(' ')).not.toMatch(/tin bài|cần/);
      expect(criterion(await detail(), '1.1').auto.explanation).toMatch(/(^|\D)2 tin bài .*\(cần 4\)/);
      // Frozen before the English copy existed: still readable, in Vietnamese.
      const [row] = await db()
        .select({ id: assessmentCriteria.id, autoFacts: assessmentCriteria.autoFacts })
        .from(assessmentCriteria)
        .where(
          and(eq(assessmentCriteria.assessmentId, assessmentId), eq(assessmentCriteria.criterionCode, '1.1')),
        );
      const { en: _english, ...older } = row!.autoFacts as Record<string, unknown>;
      await db()
        .update(assessmentCriteria)
        .set({ autoFacts: older })
        .where(eq(assessmentCriteria.id, row!.id));
      try {
        const old = criterion(
          await session200(officer.get(`/api/assessments/${assessmentId}?lang=en`)),
          '1.1',
        );
        expect(old.auto.explanation).toMatch(/(^|\D)2 tin bài .*\(cần 4\)/);
        expect(old.auto.gaps).toEqual(criterion(await detail(), '1.1').auto.gaps);
      } finally {
        await db()
          .update(assessmentCriteria)
          .set({ autoFacts: row!.autoFacts })
          .where(eq(assessmentCriteria.id, row!.id));
      }
    });

    it('locks the unit’s part once submitted', async () => {
      const error = refused(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 1 }),
        409,
      );
      expect(error.message).toBe(
        'Bản đánh giá đang ở trạng thái "Đã gửi thẩm định": không thể sửa phần tự chấm.',
      );
      refused(
        await officer.post(`/api/assessments/${assessmentId}/criteria/1.3/evidence`, { evidenceId }),
        409,
      );
      refused(await head.post(`/api/assessments/${assessmentId}/submit`, {}), 409);
    });
  });

  describe('appraisal', () => {
    it('puts the assessment in the queue of the reviewer above, with what they may do', async () => {
      const queue = (await reviewer.get('/api/assessments?status=submitted')).json<AssessmentListDto>();
      expect(queue.total).toBe(1);
      expect(queue.items[0]).toMatchObject({
        id: assessmentId,
        unit: { name: 'Xã Đăk Rve' },
        status: 'submitted',
        totals: { auto: 7, self: 18, max: 26 },
        actions: ['return', 'appraise'],
      });
      const scoped = (
        await reviewer.get(`/api/assessments?status=submitted&unitId=${s.quangNgai}`)
      ).json<AssessmentListDto>();
      expect(scoped.items.map((item) => item.id)).toEqual([assessmentId]);
      const drafts = (await reviewer.get('/api/assessments?status=draft')).json<AssessmentListDto>();
      expect(drafts.items.map((item) => item.unit.name)).toEqual(['Xã Kon Braih']);
      // The unit's own reviewer sees it, but may not appraise it.
      const own = (await ownReviewer.get('/api/assessments?status=submitted')).json<AssessmentListDto>();
      expect(own.items[0]!.actions).toEqual([]);
      expect((await detail(ownReviewer)).actions).toEqual([]);
      expect((await detail(reviewer)).actions).toEqual(['return', 'appraise']);
    });

    it('refuses a unit reviewing itself, and anyone without the reviewer’s role above', async () => {
      const self = refused(
        await ownReviewer.post(`/api/assessments/${assessmentId}/return`, { note: 'Bổ sung.' }),
        403,
      );
      expect(self.message).toContain('đơn vị không tự thẩm định');
      refused(
        await ownReviewer.patch(`/api/assessments/${assessmentId}/appraisal/1.1`, { reviewerScore: 1 }),
        403,
      );
      refused(await ownReviewer.post(`/api/assessments/${assessmentId}/appraise`, {}), 403);
      refused(await head.post(`/api/assessments/${assessmentId}/appraise`, {}), 403);
      refused(await outsider.post(`/api/assessments/${assessmentId}/appraise`, {}), 404);
    });

    it('takes the reviewer’s score and comment beside the self score', async () => {
      const scored = await ok(
        await reviewer.patch(`/api/assessments/${assessmentId}/appraisal/1.1`, {
          reviewerScore: 4,
          reviewerComment: 'Một tin bài không thuộc chủ đề.',
        }),
      );
      expect(criterion(scored, '1.1')).toMatchObject({
        selfScore: 5,
        reviewerScore: 4,
        reviewerComment: 'Một tin bài không thuộc chủ đề.',
      });
      const error = refused(
        await reviewer.patch(`/api/assessments/${assessmentId}/appraisal/1.1`, { reviewerScore: 10.5 }),
        400,
      );
      expect(error.details).toEqual([
        { field: 'body.reviewerScore', message: 'Điểm thẩm định phải từ 0 đến 10.' },
      ]);
    });

    it('refuses to conclude while reviewer scores are missing', async () => {
      const error = refused(await reviewer.post(`/api/assessments/${assessmentId}/appraise`, {}), 400);
      expect(error.message).toBe(
        'Chưa kết thúc thẩm định được: chưa chấm điểm thẩm định tiêu chí 1.2, 1.3, 1.4, 1.5.',
      );
    });

    it('returns it with requests per criterion; the automatic scores are live again', async () => {
      const unknown = refused(
        await reviewer.post(`/api/assessments/${assessmentId}/return`, {
          note: 'Bổ sung.',
          requests: [{ code: '7.7', request: 'Không có.' }],
        }),
        400,
      );
      expect(unknown.details).toEqual([
        { field: 'body.requests.0.code', message: 'Bản đánh giá không có tiêu chí 7.7.' },
      ]);
      refused(await reviewer.post(`/api/assessments/${assessmentId}/return`, { note: '' }), 400);
      const returned = await ok(
        await reviewer.post(`/api/assessments/${assessmentId}/return`, {
          note: 'Đề nghị rà soát lại tiêu chí 1.1.',
          requests: [{ code: '1.1', request: 'Tính cả tin bài tháng 4.' }],
        }),
      );
      expect(returned).toMatchObject({ status: 'returned', reviewNote: 'Đề nghị rà soát lại tiêu chí 1.1.' });
      expect(criterion(returned, '1.1')).toMatchObject({
        reviewerRequest: 'Tính cả tin bài tháng 4.',
        reviewerScore: 4,
        auto: { score: 7.5, isLive: true },
      });
      expect(criterion(returned, '1.2').reviewerRequest).toBeNull();
      expect((await detail(head)).actions).toEqual(['edit', 'submit']);
      refused(await dxOffice.post(`/api/assessments/${assessmentId}/publish`, {}), 409);
      refused(await reviewer.post(`/api/assessments/${assessmentId}/appraise`, {}), 409);
    });

    it('is fixed, resubmitted and appraised; self and appraised scores are both kept', async () => {
      await ok(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, {
          selfScore: 7.5,
          selfExplanation: 'Đã tính cả tin bài tháng 4.',
        }),
      );
      const resubmitted = await ok(await head.post(`/api/assessments/${assessmentId}/submit`, {}));
      expect(resubmitted.totals).toEqual({ auto: 9.5, self: 20.5, appraised: 4, max: 26 });
      expect(criterion(resubmitted, '1.1').auto).toMatchObject({ score: 7.5, isLive: false });
      await scoreAll(reviewer, 'reviewer', { '1.1': 7.5, '1.2': 2, '1.3': 5, '1.4': 2, '1.5': 3 });
      const appraised = await ok(
        await reviewer.post(`/api/assessments/${assessmentId}/appraise`, { note: 'Đạt yêu cầu.' }),
      );
      expect(appraised).toMatchObject({
        status: 'appraised',
        reviewNote: 'Đạt yêu cầu.',
        totals: { auto: 9.5, self: 20.5, appraised: 19.5, max: 26 },
        progress: { criteria: 5, selfScored: 5, appraised: 5 },
        appraisedAt: expect.any(String),
      });
      expect(criterion(appraised, '1.3')).toMatchObject({ selfScore: 6, reviewerScore: 5 });
      refused(
        await reviewer.patch(`/api/assessments/${assessmentId}/appraisal/1.3`, { reviewerScore: 6 }),
        409,
      );
      expect((await detail(dxOffice)).actions).toEqual(['publish']);
    });
  });

  describe('publication', () => {
    it('is for the DX office', async () => {
      refused(await reviewer.post(`/api/assessments/${assessmentId}/publish`, {}), 403);
      refused(await head.post(`/api/assessments/${assessmentId}/publish`, {}), 403);
      refused(await outsider.post(`/api/assessments/${assessmentId}/publish`, {}), 404);
      const published = await ok(await dxOffice.post(`/api/assessments/${assessmentId}/publish`, {}));
      expect(published).toMatchObject({
        status: 'published',
        publishedAt: expect.any(String),
        actions: ['supersede'],
      });
    });

    it('locks the assessment: every write is refused', async () => {
      const link = criterion(await detail(), '1.3').evidence[0]!;
      const attempts = [
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 1 }),
        await officer.post(`/api/assessments/${assessmentId}/criteria/1.1/evidence`, { evidenceId }),
        await officer.delete(`/api/criterion-evidence-links/${link.linkId}`),
        await head.post(`/api/assessments/${assessmentId}/submit`, {}),
        await reviewer.post(`/api/assessments/${assessmentId}/return`, { note: 'Xem lại.' }),
        await reviewer.patch(`/api/assessments/${assessmentId}/appraisal/1.1`, { reviewerScore: 1 }),
        await reviewer.post(`/api/assessments/${assessmentId}/appraise`, {}),
        await dxOffice.post(`/api/assessments/${assessmentId}/publish`, {}),
      ];
      for (const attempt of attempts) {
        const error = refused(attempt, 409);
        expect(error.message).toMatch(
          /^Bản đánh giá đã công bố và bị khóa: không thể .+\. Muốn thay đổi, lập phiên bản mới thay thế\.$/,
        );
      }
      expect(criterion(await detail(), '1.1')).toMatchObject({ selfScore: 7.5, reviewerScore: 7.5 });
    });

    it('audits every step and keeps the history', async () => {
      const found = await detail();
      expect(found.transitions.map((t) => [t.fromStatus, t.toStatus])).toEqual([
        [null, 'draft'],
        ['draft', 'submitted'],
        ['submitted', 'returned'],
        ['returned', 'submitted'],
        ['submitted', 'appraised'],
        ['appraised', 'published'],
      ]);
      expect(found.transitions[2]).toMatchObject({
        note: 'Đề nghị rà soát lại tiêu chí 1.1.',
        actorName: expect.any(String),
      });
      const actions = await auditActions(assessmentId);
      expect(
        actions.filter(
          (action) => !action.startsWith('assessment.criterion') && !action.startsWith('assessment.evidence'),
        ),
      ).toEqual([
        'assessment.create',
        'assessment.submit',
        'assessment.return',
        'assessment.submit',
        'assessment.appraise',
        'assessment.publish',
      ]);
      expect(actions.filter((action) => action === 'assessment.criterion_appraise')).toHaveLength(6);
      const [returnEntry] = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'assessment.return'));
      expect(returnEntry).toMatchObject({
        entityType: 'assessment',
        unitId: s.dakRve,
        summary: 'Trả lại bản đánh giá "Bộ chỉ số thử đánh giá" năm 2025 của Xã Đăk Rve',
        before: { status: 'submitted' },
        after: {
          status: 'returned',
          note: 'Đề nghị rà soát lại tiêu chí 1.1.',
          requests: { '1.1': 'Tính cả tin bài tháng 4.' },
        },
      });
    });
  });

  describe('superseding', () => {
    let nextId: string;

    it('replaces a published assessment with a new draft version that keeps the unit’s work', async () => {
      refused(await head.post(`/api/assessments/${assessmentId}/supersede`, { reason: 'Sửa.' }), 403);
      refused(await dxOffice.post(`/api/assessments/${assessmentId}/supersede`, { reason: '' }), 400);
      const next = await ok(
        await dxOffice.post(`/api/assessments/${assessmentId}/supersede`, {
          reason: 'Phúc tra: tiêu chí 1.3 chấm lại.',
        }),
      );
      nextId = next.id;
      expect(next).toMatchObject({
        status: 'draft',
        version: 2,
        supersedesId: assessmentId,
        totals: { self: 20.5, appraised: 0, max: 26 },
      });
      expect(next.id).not.toBe(assessmentId);
      expect(criterion(next, '1.1')).toMatchObject({
        selfScore: 7.5,
        selfExplanation: 'Đã tính cả tin bài tháng 4.',
        reviewerScore: null,
        reviewerComment: null,
        auto: { score: 7.5, isLive: true },
      });
      expect(criterion(next, '1.2').inputs).toEqual({ chu_tri: 'pho' });
      expect(criterion(next, '1.3').evidence.map((item) => item.id)).toEqual([evidenceId]);
      expect(next.transitions).toEqual([
        expect.objectContaining({
          fromStatus: null,
          toStatus: 'draft',
          note: 'Thay thế phiên bản 1: Phúc tra: tiêu chí 1.3 chấm lại.',
        }),
      ]);
      expect(await auditActions(nextId)).toEqual(['assessment.create']);
    });

    it('keeps the old version, superseded, pointing at the new one, and still locked', async () => {
      const old = await detail(officer, assessmentId);
      expect(old).toMatchObject({ status: 'superseded', supersededById: nextId, actions: [] });
      expect(criterion(old, '1.3')).toMatchObject({ selfScore: 6, reviewerScore: 5 });
      expect(criterion(old, '1.3').evidence.map((item) => item.id)).toEqual([evidenceId]);
      expect(old.transitions.at(-1)).toMatchObject({
        fromStatus: 'published',
        toStatus: 'superseded',
        note: 'Phúc tra: tiêu chí 1.3 chấm lại.',
      });
      const error = refused(
        await officer.patch(`/api/assessments/${assessmentId}/criteria/1.1`, { selfScore: 1 }),
        409,
      );
      expect(error.message).toContain('đã được thay thế bằng một phiên bản mới');
      refused(await dxOffice.post(`/api/assessments/${assessmentId}/supersede`, { reason: 'Lần nữa.' }), 409);
      expect((await auditActions(assessmentId)).at(-1)).toBe('assessment.supersede');
    });

    it('lists both versions for the unit, and only the live one elsewhere', async () => {
      const mine = (await officer.get(`/api/units/${s.dakRve}/assessments`)).json<{
        items: AssessmentSummaryDto[];
      }>();
      expect(mine.items.map((item) => [item.version, item.status])).toEqual([
        [2, 'draft'],
        [1, 'superseded'],
      ]);
      expect(mine.items[0]!.actions).toEqual(['edit']);
      const live = (await dxOffice.get(`/api/assessments?unitId=${s.quangNgai}`)).json<AssessmentListDto>();
      expect(live.items.map((item) => [item.id, item.version, item.status])).toEqual(
        expect.arrayContaining([[nextId, 2, 'draft']]),
      );
      expect(live.items.map((item) => item.unit.name).sort()).toEqual(['Xã Kon Braih', 'Xã Đăk Rve']);
      const history = (await dxOffice.get('/api/assessments?status=superseded')).json<AssessmentListDto>();
      expect(history.items.map((item) => item.id)).toEqual([assessmentId]);
      const conflict = refused(
        await officer.post(`/api/units/${s.dakRve}/assessments`, {
          framework: 'thu-danh-gia',
          period: PERIOD,
        }),
        409,
      );
      expect(conflict.details).toEqual([{ field: 'assessmentId', message: nextId }]);
    });

    it('feeds the new draft’s inputs and self scores into the live scores', async () => {
      const response = await officer.get(
        `/api/units/${s.dakRve}/scores?framework=thu-danh-gia&period=${PERIOD}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const scores = response.json<{ criteria: Array<{ code: string; score: number | null }> }>();
      expect(scores.criteria.find((item) => item.code === '1.2')?.score).toBe(2);
      expect(scores.criteria.find((item) => item.code === '1.3')?.score).toBe(6);
    });
  });

  // Last: it adds an assessment the lists above do not expect.
  describe('a unit that has since ended', () => {
    it('assesses a unit that has since ended as it was: Huyện Kon Rẫy in 2024', async () => {
      // The district ended on 01/07/2025; it is none of today's units, so its own records of 2024
      // are what count (its successors' view has no row for it).
      await ensureBuiltinFrameworks(ctx.database);
      const districtOfficer = (
        await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: s.konRay }])
      ).session;
      await insertActivities(db(), [
        {
          unitId: s.konRay,
          kind: 'post',
          title: 'Huyện Kon Rẫy triển khai chuyển đổi số',
          searchText: 'huyen kon ray trien khai chuyen doi so',
          occurredOn: '2024-05-10',
          occurredAt: new Date('2024-05-10T08:00:00+07:00'),
          channelId: (
            await db()
              .insert(channels)
              .values({
                unitId: s.konRay,
                kind: 'website_column',
                platform: 'website',
                name: 'Chuyên mục CĐS huyện',
              })
              .returning({ id: channels.id })
          )[0]!.id,
          provenance: 'form',
        },
      ]);
      const created = await ok(
        await districtOfficer.post(`/api/units/${s.konRay}/assessments`, {
          framework: 'kontum-780',
          period: '2024',
        }),
      );
      expect(created.unit).toMatchObject({ id: s.konRay, kind: 'former_district' });
      expect(created.criteria.map((item) => item.code)).toEqual(['1.5', '1.6', '1.7']);
      // Kon Tum reuses "1.5": for a district it is the website criterion (10 points), not the
      // commune's radio one.
      expect(criterion(created, '1.5')).toMatchObject({ max: 10, ruleType: 'all_of' });
      expect(criterion(created, '1.5').title).toContain('Trang thông tin điện tử huyện');
      expect(criterion(created, '1.5').auto.explanation).toMatch(/(^|\D)1 tin bài .*\(cần 20\)/);
    });
  });
});

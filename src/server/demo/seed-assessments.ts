import type { AssessmentDetailDto } from '../../shared/api/assessments';
import { dayOf } from '../../shared/dates';
import type { Db } from '../db/client';
import { findCurrentUnitsByCode } from '../db/repositories/units';
import { findGrantsOfUsers, getUserByUsername } from '../db/repositories/users';
import type { Actor } from '../domain/actor';
import { appraiseAssessment } from '../domain/assessments/appraise-assessment';
import { appraiseCriterion } from '../domain/assessments/appraise-criterion';
import { createAssessment } from '../domain/assessments/create-assessment';
import { publishAssessment } from '../domain/assessments/publish-assessment';
import { returnAssessment } from '../domain/assessments/return-assessment';
import { submitAssessment } from '../domain/assessments/submit-assessment';
import { updateCriterion } from '../domain/assessments/update-criterion';
import type { Principal } from '../policies/principal';

/**
 * The demo's assessments of 2025 on Kon Tum QĐ 780, made through the same workflow as a person
 * would (so the history and the audit log read true): Xã Đăk Rve self-assessed, appraised with one
 * point taken off, and published; Xã Kon Braih submitted and returned with a request. The 2026
 * assessments are left for the visitor to make.
 */

const FRAMEWORK = 'kontum-780';
const PERIOD = '2025';
const DAK_RVE = '23479';
const KON_BRAIH = '23497';

interface DemoPerson {
  principal: Principal;
  actor: Actor;
}

async function person(db: Db, username: string): Promise<DemoPerson> {
  const user = await getUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} missing`);
  const grants = (await findGrantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    principal: {
      userId: user.id,
      username: user.username,
      grants: grants.map((grant) => ({ id: grant.id, role: grant.role, unitId: grant.unitId })),
    },
    actor: { userId: user.id, label: user.username },
  };
}

/** The officer takes the automatic scores as self scores and explains each one. */
async function selfAssess(db: Db, officer: DemoPerson, draft: AssessmentDetailDto, today: string) {
  for (const criterion of draft.criteria)
    await updateCriterion({
      db,
      ...officer,
      assessmentId: draft.id,
      code: criterion.code,
      input: {
        selfScore: criterion.auto.score ?? 0,
        selfExplanation: `Theo số liệu Loa Số: ${criterion.auto.explanation}`,
      },
      today,
    });
}

export async function seedDemoAssessments(db: Db, options: { now?: Date } = {}): Promise<void> {
  const today = dayOf(options.now ?? new Date());
  if (today < '2026-01-01') return; // The demo's 2025 has not ended yet on such a clock.
  const units = await findCurrentUnitsByCode(db, [DAK_RVE, KON_BRAIH]);
  const [officerRve, headRve, officerBraih, reviewer, dxOffice] = await Promise.all([
    person(db, 'canbo.dakrve'),
    person(db, 'lanhdao.dakrve'),
    person(db, 'canbo.konbraih'),
    person(db, 'thamdinh.quangngai'),
    person(db, 'sokhcn.quangngai'),
  ]);
  const admin = await person(db, 'admin');

  // Xã Đăk Rve: the whole way to publication.
  const rve = await createAssessment({
    db,
    ...officerRve,
    unitId: units.get(DAK_RVE)!.id,
    input: { framework: FRAMEWORK, period: PERIOD },
    today,
  });
  await selfAssess(db, officerRve, rve, today);
  await submitAssessment({ db, ...headRve, assessmentId: rve.id, note: 'Trình thẩm định.', today });
  for (const criterion of rve.criteria) {
    const full = criterion.auto.score ?? 0;
    // The reviewer found one post outside the DX column and takes a point off the website criterion.
    const reviewerScore = criterion.code === '1.4' && full > 0 ? full - 1 : full;
    await appraiseCriterion({
      db,
      ...reviewer,
      assessmentId: rve.id,
      code: criterion.code,
      input: {
        reviewerScore,
        reviewerComment:
          reviewerScore < full ? 'Một tin bài đăng ngoài chuyên mục CĐS, trừ 1 điểm.' : 'Thống nhất.',
      },
      today,
    });
  }
  await appraiseAssessment({ db, ...reviewer, assessmentId: rve.id, note: 'Đã thẩm định.', today });
  await publishAssessment({
    db,
    ...dxOffice,
    assessmentId: rve.id,
    note: 'Công bố kết quả năm 2025.',
    today,
  });

  // Xã Kon Braih: submitted, then returned with a request (it is behind on broadcasts).
  const braih = await createAssessment({
    db,
    ...officerBraih,
    unitId: units.get(KON_BRAIH)!.id,
    input: { framework: FRAMEWORK, period: PERIOD },
    today,
  });
  await selfAssess(db, officerBraih, braih, today);
  // The commune has no head among the demo users: the administrator submits for it.
  await submitAssessment({ db, ...admin, assessmentId: braih.id, today });
  await returnAssessment({
    db,
    ...reviewer,
    assessmentId: braih.id,
    input: {
      note: 'Bổ sung minh chứng về phát thanh trước khi thẩm định.',
      requests: [
        {
          code: '1.5',
          request: 'Đính kèm danh mục phát sóng đã ban hành của các tháng có tuần không phát.',
        },
      ],
    },
    today,
  });
}

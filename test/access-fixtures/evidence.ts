import { insertActivities } from '../../src/server/db/repositories/activities';
import { insertEvidence, insertEvidenceLink } from '../../src/server/db/repositories/evidence';
import type { EvidenceCreatedDto } from '../../src/shared/api/evidence';
import type { AccessEnv, AccessFixtures } from '../support/access-types';

/**
 * The target commune's evidence: a URL item (evidenceId), a link of another item to a record
 * (linkId), a record to link to, and an uploaded PDF (fileId). The upload goes through the API as
 * the admin, so that the file is in the store the app reads.
 */

// Always the same bytes: repeated runs keep one file in the store.
const pdf = () => Buffer.from('%PDF-1.7\n% truy cập\n%%EOF\n');

function pdfForm(): FormData {
  const data = new FormData();
  data.append('title', 'Biên bản kiểm tra');
  data.append('file', new Blob([new Uint8Array(pdf())]), 'bien-ban.pdf');
  return data;
}

async function createRecord(env: AccessEnv, title: string): Promise<string> {
  const [id] = await insertActivities(env.db, [
    {
      kind: 'post',
      unitId: env.targetUnitId,
      occurredAt: new Date('2025-12-02T02:00:00Z'),
      occurredOn: '2025-12-02',
      title,
      searchText: title,
      provenance: 'form',
    },
  ]);
  return id!;
}

const createItem = (env: AccessEnv, title: string) =>
  insertEvidence(env.db, { unitId: env.targetUnitId, kind: 'url', title, url: 'https://xa-khac.gov.vn/cds' });

export const accessFixtures: AccessFixtures = {
  params: {
    evidenceId: (env) => createItem(env, 'Trang chuyên mục của xã khác'),
    linkId: async (env) => {
      const evidenceId = await createItem(env, 'Minh chứng đã gắn');
      const link = await insertEvidenceLink(env.db, {
        evidenceId,
        targetType: 'activity',
        targetId: await createRecord(env, 'Tin đã có minh chứng'),
      });
      return link.id;
    },
    /** Not a path parameter: the record the link route attaches evidence to. */
    evidenceTargetActivityId: (env) => createRecord(env, 'Tin cần minh chứng'),
    fileId: async (env) => {
      const response = await env.adminSession.request({
        method: 'POST',
        url: `/api/units/${env.targetUnitId}/evidence`,
        payload: pdfForm(),
      });
      if (response.statusCode !== 200)
        throw new Error(`evidence upload for the access test failed: ${response.body}`);
      return response.json<EvidenceCreatedDto>().file!.id;
    },
  },
  bodies: {
    'POST /api/units/:unitId/evidence': () => pdfForm(),
    'POST /api/units/:unitId/evidence/url': () => ({ title: 'Trang lạ', url: 'https://la.gov.vn' }),
    'POST /api/units/:unitId/evidence/citation': () => ({
      documentNumber: '114/STTTT-BCVT-CNTT',
      documentDate: '2025-12-05',
      issuingBody: 'Sở Thông tin và Truyền thông',
      summary: 'Về việc tuyên truyền chuyển đổi số',
    }),
    'POST /api/evidence/:evidenceId/versions': () => ({
      kind: 'url',
      title: 'Phiên bản mới',
      url: 'https://xa-khac.gov.vn/cds-moi',
    }),
    'POST /api/evidence/:evidenceId/links': (_env, ids) => ({
      targetType: 'activity',
      targetId: ids.evidenceTargetActivityId,
    }),
  },
};

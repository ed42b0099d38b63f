import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { UnitDetailDto, UnitDto, UnitHistoryDto } from '../src/shared/api/units';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createKonTumScenario, createSignedInUser, REORG } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

describe('unit history, successors and roll-up', () => {
  let ctx: TestContext;
  let s: Scenario;
  let admin: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    s = await createKonTumScenario(ctx.database.db);
    admin = (await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'system_admin', unitId: null }]))
      .session;
  });
  afterAll(() => ctx.close());

  const history = async (session: Session, id: string) => {
    const response = await session.get(`/api/units/${id}/history`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<UnitHistoryDto>();
  };
  const rollupNames = async (session: Session, id: string) => {
    const response = await session.get(`/api/units/${id}/rollup`);
    expect(response.statusCode, response.body).toBe(200);
    return response
      .json<{ items: UnitDto[] }>()
      .items.map((unit) => unit.name)
      .sort();
  };

  it('lists the versions and the rename event of a renamed unit', async () => {
    const id = await createUnit(ctx.database.db, {
      kind: 'ward',
      name: 'Phường Một',
      parentId: s.lamDong,
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(ctx.database.db, TEST_ACTOR, {
      kind: 'rename',
      date: '2022-05-01',
      unitId: id,
      newName: 'Phường Hai',
    });
    const result = await history(admin, id);
    expect(result.versions).toEqual([
      {
        name: 'Phường Một',
        parentId: s.lamDong,
        parentName: 'Tỉnh Lâm Đồng',
        validFrom: '2020-01-01',
        validTo: '2022-05-01',
      },
      {
        name: 'Phường Hai',
        parentId: s.lamDong,
        parentName: 'Tỉnh Lâm Đồng',
        validFrom: '2022-05-01',
        validTo: null,
      },
    ]);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      kind: 'rename',
      effectiveDate: '2022-05-01',
      details: { fromName: 'Phường Một', toName: 'Phường Hai' },
      units: [{ id, role: 'subject' }],
    });
    expect(result.successors).toEqual([]);
    expect(result.predecessors).toEqual([]);
  });

  it("shows the parent's name in force on the day asked", async () => {
    const province = await createUnit(ctx.database.db, {
      kind: 'province',
      name: 'Tỉnh Cũ',
      validFrom: '2020-01-01',
    });
    const commune = await createUnit(ctx.database.db, {
      name: 'Xã Con',
      parentId: province,
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(ctx.database.db, TEST_ACTOR, {
      kind: 'rename',
      date: '2024-01-01',
      unitId: province,
      newName: 'Tỉnh Mới',
    });
    const before = (await admin.get(`/api/units/${commune}?date=2023-12-31`)).json<UnitDetailDto>();
    const after = (await admin.get(`/api/units/${commune}?date=2024-01-01`)).json<UnitDetailDto>();
    expect(before.parentName).toBe('Tỉnh Cũ');
    expect(after.parentName).toBe('Tỉnh Mới');
  });

  it('follows merges forward and backward, transitively over two merges', async () => {
    // Xã Một + Xã Hai → Xã Ba (2019); Xã Ba + Xã Bốn → Xã Năm (2025).
    const db = ctx.database.db;
    const mot = await createUnit(db, { name: 'Xã Một', validFrom: '2010-01-01', validTo: '2019-01-01' });
    const hai = await createUnit(db, { name: 'Xã Hai', validFrom: '2010-01-01', validTo: '2019-01-01' });
    const ba = await createUnit(db, { name: 'Xã Ba', validFrom: '2019-01-01', validTo: REORG });
    const bon = await createUnit(db, { name: 'Xã Bốn', validFrom: '2010-01-01', validTo: REORG });
    const nam = await createUnit(db, { name: 'Xã Năm', parentId: s.lamDong, validFrom: REORG });
    await recordUnitEvent(db, TEST_ACTOR, {
      kind: 'merge',
      date: '2019-01-01',
      fromIds: [mot, hai],
      toId: ba,
    });
    await recordUnitEvent(db, TEST_ACTOR, { kind: 'merge', date: REORG, fromIds: [ba, bon], toId: nam });

    const ofMot = await history(admin, mot);
    expect(ofMot.successors.map((u) => [u.name, u.distance, u.viaEventDate]).sort()).toEqual([
      ['Xã Ba', 1, '2019-01-01'],
      ['Xã Năm', 2, REORG],
    ]);
    expect(ofMot.predecessors).toEqual([]);

    const ofNam = await history(admin, nam);
    expect(ofNam.predecessors.map((u) => [u.name, u.distance]).sort()).toEqual([
      ['Xã Ba', 1],
      ['Xã Bốn', 1],
      ['Xã Hai', 2],
      ['Xã Một', 2],
    ]);
    expect(ofNam.successors).toEqual([]);
    expect(ofNam.events.map((event) => event.kind)).toEqual(['merge']);

    const ofBa = await history(admin, ba);
    expect(ofBa.events.map((event) => [event.kind, event.effectiveDate])).toEqual([
      ['merge', '2019-01-01'],
      ['merge', REORG],
    ]);
    expect(ofBa.successors.map((u) => u.name)).toEqual(['Xã Năm']);
    expect(ofBa.predecessors.map((u) => u.name).sort()).toEqual(['Xã Hai', 'Xã Một']);

    expect(await rollupNames(admin, nam)).toEqual(['Xã Ba', 'Xã Bốn', 'Xã Hai', 'Xã Một', 'Xã Năm'].sort());
  });

  it('gives the former communes and the dissolved district their successors', async () => {
    const ofTtDakRve = await history(admin, s.ttDakRve);
    expect(ofTtDakRve.successors).toMatchObject([
      { id: s.dakRve, name: 'Xã Đăk Rve', distance: 1, viaEventDate: REORG },
    ]);
    const ofKonRay = await history(admin, s.konRay);
    expect(ofKonRay.successors.map((u) => u.name).sort()).toEqual(['Xã Đăk Rve', 'Xã Kon Braih'].sort());
    const ofDakRve = await history(admin, s.dakRve);
    expect(ofDakRve.predecessors.map((u) => u.name).sort()).toEqual(
      ['Huyện Kon Rẫy', 'Thị trấn Đắk Rve', 'Xã Đắk Pne'].sort(),
    );
    const ofQuangNgai = await history(admin, s.quangNgai);
    expect(ofQuangNgai.predecessors.map((u) => u.name)).toEqual(['Tỉnh Kon Tum']);
  });

  it("rolls a province up with its merged former province's district and communes", async () => {
    const names = await rollupNames(admin, s.quangNgai);
    expect(names).toEqual(
      [
        'Tỉnh Quảng Ngãi',
        'Phường Cẩm Thành',
        'Xã Đăk Rve',
        'Xã Kon Braih',
        'Tỉnh Kon Tum',
        'Huyện Kon Rẫy',
        'Thị trấn Đắk Rve',
        'Xã Đắk Pne',
        'Xã Tân Lập',
        'Xã Đắk Ruồng',
      ].sort(),
    );
    expect(await rollupNames(admin, s.lamDong)).not.toContain('Huyện Kon Rẫy');
  });

  it("rolls a new commune up with its own former communes only, not its neighbours'", async () => {
    expect(await rollupNames(admin, s.dakRve)).toEqual(
      ['Xã Đăk Rve', 'Thị trấn Đắk Rve', 'Xã Đắk Pne', 'Huyện Kon Rẫy'].sort(),
    );
    expect(await rollupNames(admin, s.konBraih)).toEqual(
      ['Xã Kon Braih', 'Xã Tân Lập', 'Xã Đắk Ruồng', 'Huyện Kon Rẫy'].sort(),
    );
  });

  it("lets a commune's officer read its predecessors' history but not a neighbour's former communes", async () => {
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: s.dakRve }])
    ).session;
    expect((await history(officer, s.ttDakRve)).successors.map((u) => u.id)).toEqual([s.dakRve]);
    expect((await officer.get(`/api/units/${s.ttDakRve}?date=2025-06-30`)).statusCode).toBe(200);
    for (const id of [s.tanLap, s.dakRuong, s.konBraih, s.konTum, s.quangNgai]) {
      const response = await officer.get(`/api/units/${id}/history`);
      expect(response.statusCode, id).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    // The province's DX office reaches all of them.
    const office = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'dx_office', unitId: s.quangNgai }])
    ).session;
    for (const id of [s.tanLap, s.dakRuong, s.konBraih, s.konTum, s.konRay, s.ttDakRve]) {
      expect((await office.get(`/api/units/${id}/history`)).statusCode, id).toBe(200);
    }
    expect((await office.get(`/api/units/${s.dakMil}/history`)).statusCode).toBe(404);
  });
});

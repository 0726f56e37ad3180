/**
 * Identity level (mức định danh) as the catalogue states it and online submission enforces it: a
 * level-2 procedure is refused to a level-1 session and accepted from level 2; a level-1 procedure
 * takes both. Also: the migration's marks for older catalogues agree with the starter files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSession, createTestSystem, type TestSystem } from '../../../test/system.ts';
import { readStarterCatalog } from '../catalog/catalog.loader.ts';
import { rowToInput } from '../catalog/catalog.presenter.ts';
import { procedureProblems } from '../catalog/catalog.validate.ts';
import { APPLICANT, dossierApi, LONG_XUYEN, onlineBody } from '../dossiers/dossiers.fixtures.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => sys?.close());

const LODGING_NOTICE = '2.001159';
const lodgingBody = {
  procedureCode: LODGING_NOTICE,
  unitCode: LONG_XUYEN,
  applicant: APPLICANT,
  formData: {
    hostFullName: APPLICANT.fullName,
    hostIdNumber: APPLICANT.idNumber,
    accommodationAddress: APPLICANT.address,
    hostPhone: APPLICANT.phone,
    guestFullName: 'Trần Văn Khách',
    guestIdNumber: '079085001234',
    stayFrom: '2026-03-01',
    stayTo: '2026-03-05',
  },
};

describe('identity level required by a procedure', () => {
  it('is shown in the catalogue: 2 for temporary residence, 1 for a lodging notice', async () => {
    const temp = (await sys.app.inject({ method: 'GET', url: '/api/v1/procedures/1.004194' })).json();
    expect(temp.identityLevel).toBe(2);
    const lodging = (await sys.app.inject({ method: 'GET', url: `/api/v1/procedures/${LODGING_NOTICE}` })).json();
    expect(lodging.identityLevel).toBe(1);
    const list = (await sys.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent('tạm trú')}&limit=50` })).json();
    expect(list.items.find((p: { code: string }) => p.code === '1.004194').identityLevel).toBe(2);
  });

  it('refuses a level-2 procedure to a level-1 session, naming the level', async () => {
    const api = dossierApi(sys);
    const level1 = await citizenSession(sys, { idNumber: '089190055501', level: 1 });
    const res = await api.online(onlineBody(), level1.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Thủ tục này yêu cầu tài khoản định danh điện tử mức độ 2. Vui lòng kích hoạt mức 2 trên ứng dụng VNeID rồi đăng nhập lại.',
      details: { reason: 'identity_level', required: 2 },
    });
    const stored = await sys.database.db.selectFrom('dossiers').select('id').where('citizen_id', '=', level1.citizenId).execute();
    expect(stored).toEqual([]);
  });

  it('accepts the same procedure from a level-2 session', async () => {
    const level2 = await citizenSession(sys, { idNumber: '089190055502', level: 2 });
    expect((await dossierApi(sys).online(onlineBody(), level2.headers)).statusCode).toBe(201);
  });

  it('accepts a level-1 procedure from a level-1 session', async () => {
    const level1 = await citizenSession(sys, { idNumber: '089190055503', level: 1 });
    const res = await dossierApi(sys).online(lodgingBody, level1.headers);
    expect(res.statusCode).toBe(201);
  });

  it('is 1 or 2 in a catalogue entry, nothing else', () => {
    const entry = readStarterCatalog().find((p) => p.code === LODGING_NOTICE)!;
    expect(procedureProblems({ ...entry, identityLevel: 2 })).toEqual([]);
    expect(procedureProblems({ ...entry, identityLevel: 3 })).toEqual(['mức định danh "3" không hợp lệ (1|2, mặc định 1)']);
    expect(procedureProblems({ ...entry, identityLevel: '2' })).toEqual(['mức định danh "2" không hợp lệ (1|2, mặc định 1)']);
  });
});

describe('migration 20261123T1020 on a catalogue loaded from the older starter files', () => {
  it('gives it the identity levels and phone prefill marks the starter files now carry', async () => {
    const db = sys.database.db;
    // The catalogue as the older files made it: every level 1, no registry:phone marks.
    await sql`UPDATE procedures SET identity_level = 1`.execute(db);
    const starter = readStarterCatalog();
    for (const p of starter) {
      const older = p.form.map(({ prefill, ...f }) => (prefill && prefill !== 'registry:phone' ? { ...f, prefill } : f));
      await sql`UPDATE procedures SET form = ${JSON.stringify(older)}::jsonb WHERE code = ${p.code}`.execute(db);
    }
    const file = path.join(import.meta.dirname, '../../db/migrations/20261123T1020_catalog_vneid.sql');
    const script = fs.readFileSync(file, 'utf8');
    // The data part of the migration (the column exists already).
    const updates = script.slice(script.indexOf('UPDATE procedures SET identity_level'));
    expect(updates.length).toBeGreaterThan(100);
    await sys.database.execScript(updates);
    const rows = await db.selectFrom('procedures').selectAll().execute();
    const byCode = new Map(rows.map((r) => [r.code, rowToInput(r)]));
    for (const p of starter) {
      const now = byCode.get(p.code)!;
      expect(now.identityLevel, p.code).toBe(p.identityLevel);
      expect(now.form, p.code).toEqual(p.form);
    }
  });
});

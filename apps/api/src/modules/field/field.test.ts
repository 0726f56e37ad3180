/**
 * Field work through HTTP: household list import (all-or-nothing, every bad row named), teams and
 * assignment, the volunteer's next households, idempotent outcome sync, progress with the ratio that
 * leaves ineligible people out (seed 003 V.2.d), and who may do what across communes and roles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC } from '../campaigns/campaigns.fixtures.ts';
import { cccd, csvOf, fieldApi, person, record, type Headers } from './field.fixtures.ts';
import { fieldCounts, fieldDoneByDay, pendingByTeam } from './field.facts.ts';
import { importHouseholdsFile } from './field.import.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { REPO_ROOT } from '../../shared/paths.ts';

const REF = 'TEST-TTTB';
let sys: TestSystem;
let api: ReturnType<typeof fieldApi>;
let province: Headers; // coordinator of Sở KH&CN: the whole area
let coordLx: Headers; // coordinator of Long Xuyên only
let coordMhh: Headers;
let volLx: Headers;
let volLx2: Headers;
let volMhh: Headers;
let volLxUser: string;
let volMhhUser: string;
let intakeLx: Headers;
let monitor: Headers;
let campaignId: number;

// The list used by most tests: Long Xuyên, two hamlets; Mỹ Hòa Hưng, one hamlet.
const LX_A = 'Khóm Bình Khánh 1';
const LX_B = 'Khóm Đông Thịnh 3';
const MHH_A = 'Ấp Tân Vĩnh';
const ids = { an: cccd(1980), binh: cccd(1982), cuong: cccd(1990), dung: cccd(1975), em: cccd(2001), giang: cccd(1968), hoa: cccd(1995) };
const LIST = [
  person(LONG_XUYEN, LX_A, 'BK1-002', 'Nguyễn Văn An', { id_number: ids.an, birth_year: '1980', address: '12 Trần Hưng Đạo', phone: '0912345678' }),
  person(LONG_XUYEN, LX_A, 'BK1-002', 'Trần Thị Bình', { id_number: ids.binh, birth_year: '1982' }),
  person(LONG_XUYEN, LX_A, 'BK1-010', 'Lê Minh Cường', { id_number: ids.cuong, birth_year: '1990' }),
  person(LONG_XUYEN, LX_B, 'DT3-001', 'Phạm Văn Dũng', { id_number: ids.dung, birth_year: '1975' }),
  person(LONG_XUYEN, LX_B, 'DT3-001', 'Phạm Thị Em', { id_number: ids.em, birth_year: '2001' }),
  person(MY_HOA_HUNG, MHH_A, 'TV-001', 'Huỳnh Văn Giang', { id_number: ids.giang, birth_year: '1968' }),
  person(MY_HOA_HUNG, MHH_A, 'TV-002', 'Võ Thị Hoa', { id_number: ids.hoa, birth_year: '1995' }),
];

let teamLx: number;
let teamMhh: number;
const personId: Record<string, number> = {};

beforeAll(async () => {
  sys = await createTestSystem();
  api = fieldApi(sys);
  campaignId = await createTestCampaign(sys.database.db);
  province = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  coordLx = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  coordMhh = (await staffSession(sys, MY_HOA_HUNG, ['campaign_coordinator'])).headers;
  const v1 = await staffSession(sys, LONG_XUYEN, ['field_volunteer']);
  volLx = v1.headers;
  volLxUser = v1.username;
  volLx2 = (await staffSession(sys, LONG_XUYEN, ['field_volunteer'])).headers;
  const v3 = await staffSession(sys, MY_HOA_HUNG, ['field_volunteer']);
  volMhh = v3.headers;
  volMhhUser = v3.username;
  intakeLx = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
});
afterAll(async () => sys?.close());

describe('household list import', () => {
  it('rejects the whole file and names every bad row', async () => {
    const dup = cccd(1970);
    const bad = [
      person(LONG_XUYEN, LX_A, 'X-1', 'Đúng Một Dòng'),
      person(LONG_XUYEN, LX_A, 'X-2', 'Sai Số', { id_number: '08908500123' }),
      person('00070', 'Tổ 1', 'HN-1', 'Ngoài Tỉnh'),
      person('91.SKHCN', 'Tổ 1', 'S-1', 'Không Phải Xã'),
      person(LONG_XUYEN, LX_A, 'X-3', 'Trùng Một', { id_number: dup, birth_year: '1970' }),
      person(LONG_XUYEN, LX_A, 'X-4', 'Trùng Hai', { id_number: dup, birth_year: '1970' }),
      person(LONG_XUYEN, LX_A, 'X-5', 'Sai Năm', { birth_year: '1999' }),
      person(LONG_XUYEN, LX_A, 'X-6', 'Sai Điện Thoại', { phone: '0212345678' }),
      person(LONG_XUYEN, LX_A, 'X-7', 'Sai Danh Sách', { list_kind: 'khac' }),
      person(LONG_XUYEN, LX_B, 'X-1', 'Khác Ấp'),
      person(LONG_XUYEN, '', '', ''),
    ];
    const res = await api.upload(REF, csvOf(bad), province);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_REJECTED');
    expect(body.error.details.accepted).toBe(0);
    const reasons = Object.fromEntries(body.error.details.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12]);
    expect(reasons[3]).toBe('số CCCD: Nhập số CCCD gồm 12 chữ số');
    expect(reasons[4]).toBe('xã 00070 không thuộc địa bàn chiến dịch');
    expect(reasons[5]).toBe('91.SKHCN (Sở Khoa học và Công nghệ tỉnh An Giang) không phải xã, phường, đặc khu');
    expect(reasons[7]).toBe('số CCCD trùng với dòng 6');
    expect(reasons[8]).toBe('năm sinh 1999 không khớp số CCCD (năm 1985)');
    expect(reasons[9]).toMatch(/^số điện thoại: Số bắt đầu bằng 02 là số máy bàn/);
    expect(reasons[10]).toBe('list_kind "khac" phải là approved_not_activated hoặc to_verify');
    expect(reasons[11]).toBe(`hộ X-1 đã ghi ở ấp "${LX_A}" (dòng 2)`);
    expect(reasons[12]).toBe('thiếu tên ấp/khóm/khu phố (hamlet); thiếu mã hộ (household_code); thiếu họ tên (full_name)');
    const progress = await api.progress(REF, province);
    expect(progress.json().total.listed).toBe(0);
  });

  it('reports a missing column on line 1', async () => {
    const res = await api.upload(REF, Buffer.from('commune_code,hamlet\r\n30307,Khóm 1\r\n'), province);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([
      { line: 1, reason: expect.stringMatching(/^thiếu cột: household_code, full_name, id_number/) },
    ]);
  });

  it('keeps a commune coordinator to their own commune', async () => {
    const res = await api.upload(REF, csvOf([person(LONG_XUYEN, LX_A, 'Y-1', 'Của Long Xuyên'), person(MY_HOA_HUNG, MHH_A, 'Y-2', 'Của Mỹ Hòa Hưng')]), coordLx);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([{ line: 3, reason: 'không có quyền nhập danh sách cho xã 30313' }]);
  });

  it('refuses the wrong roles and anonymous callers', async () => {
    const file = csvOf([person(LONG_XUYEN, LX_A, 'Z-1', 'Ai Đó')]);
    expect((await api.upload(REF, file, volLx)).statusCode).toBe(403);
    expect((await api.upload(REF, file, intakeLx)).statusCode).toBe(403);
    expect((await api.upload(REF, file, monitor)).statusCode).toBe(403);
    expect((await api.upload(REF, file)).statusCode).toBe(401);
    expect((await api.upload('NO-SUCH', file, province)).statusCode).toBe(404);
  });

  it('imports a valid list and refuses the same people twice', async () => {
    const res = await api.upload(REF, csvOf(LIST), province, 'danh-sach-ho.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 7, households: 5, communes: [LONG_XUYEN, MY_HOA_HUNG], rejected: [] });
    const again = await api.upload(REF, csvOf([LIST[0]!]), province);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.rejected).toEqual([{ line: 2, reason: 'người này đã có trong danh sách của chiến dịch' }]);
    const rows = await sys.database.db.selectFrom('field_people').select(['id', 'id_number', 'phone']).where('campaign_id', '=', campaignId).execute();
    expect(rows).toHaveLength(7);
    for (const r of rows) personId[r.id_number] = Number(r.id);
    expect(rows.find((r) => r.id_number === ids.an)!.phone).toBe('0912345678');
  });

  it('adds people to a known household only in its hamlet', async () => {
    const res = await api.upload(REF, csvOf([person(LONG_XUYEN, LX_B, 'BK1-002', 'Sai Ấp Hộ Cũ')]), province);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([{ line: 2, reason: `hộ BK1-002 đã có trong danh sách ở ấp "${LX_A}"` }]);
  });
});

describe('teams and assignment', () => {
  it('creates a team of the commune’s volunteers', async () => {
    const res = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ công nghệ số khóm Bình Khánh', memberUsernames: [volLxUser] }, coordLx);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Tổ công nghệ số khóm Bình Khánh', unitCode: LONG_XUYEN, hamlets: [], households: 0, pendingPeople: 0 });
    expect(res.json().members.map((m: { username: string }) => m.username)).toEqual([volLxUser]);
    teamLx = res.json().id;
    const mhh = await api.createTeam(REF, { unitCode: MY_HOA_HUNG, name: 'Đoàn thanh niên ấp Tân Vĩnh', memberUsernames: [volMhhUser] }, province);
    expect(mhh.statusCode).toBe(201);
    teamMhh = mhh.json().id;
  });

  it('refuses members from elsewhere or without the role, a duplicate name, another commune', async () => {
    const wrong = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ 2', memberUsernames: [volMhhUser, 'khong.co.ai'] }, coordLx);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'memberUsernames', message: `${volMhhUser}: không thuộc xã của tổ` },
      { field: 'memberUsernames', message: 'khong.co.ai: không có tài khoản đang hoạt động' },
    ]);
    const dup = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ công nghệ số khóm Bình Khánh', memberUsernames: [] }, coordLx);
    expect(dup.statusCode).toBe(409);
    expect((await api.createTeam(REF, { unitCode: MY_HOA_HUNG, name: 'Tổ lạ', memberUsernames: [] }, coordLx)).statusCode).toBe(403);
    expect((await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ lạ', memberUsernames: [] }, volLx)).statusCode).toBe(403);
    expect((await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ lạ', memberUsernames: [] }, monitor)).statusCode).toBe(403);
  });

  it('assigns hamlets and households of the team’s commune only', async () => {
    const res = await api.assign(REF, teamLx, { hamlets: [LX_A] }, coordLx);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ hamlets: 1, households: 0 });
    const unknown = await api.assign(REF, teamLx, { hamlets: ['Ấp Không Có'], householdCodes: ['TV-001'] }, coordLx);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { field: 'hamlets', message: `ấp "Ấp Không Có" không có hộ nào trong danh sách của xã ${LONG_XUYEN}` },
      { field: 'householdCodes', message: `hộ TV-001 không có trong danh sách của xã ${LONG_XUYEN}` },
    ]);
    // Another commune's coordinator does not see the team at all.
    expect((await api.assign(REF, teamLx, { hamlets: [LX_B] }, coordMhh)).statusCode).toBe(404);
    expect((await api.assign(REF, teamMhh, { householdCodes: ['TV-001'] }, province)).json()).toEqual({ hamlets: 0, households: 1 });
  });

  it('lists the teams of the caller’s scope only', async () => {
    const lx = await api.teams(REF, coordLx);
    expect(lx.statusCode).toBe(200);
    expect(lx.json().items.map((t: { id: number }) => t.id)).toEqual([teamLx]);
    expect(lx.json().items[0]).toMatchObject({ hamlets: [LX_A], households: 2, pendingPeople: 3 });
    const all = await api.teams(REF, province);
    expect(all.json().items.map((t: { id: number }) => t.id)).toEqual([teamLx, teamMhh]);
    expect(all.json().items[1]).toMatchObject({ hamlets: [], households: 1, pendingPeople: 1 });
    expect((await api.teams(REF, coordLx, MY_HOA_HUNG)).statusCode).toBe(403);
    expect((await api.teams(REF, volLx)).statusCode).toBe(403);
  });

  it('renames a team and replaces its members', async () => {
    const res = await api.updateTeam(REF, teamLx, { name: 'Tổ CNSCĐ khóm Bình Khánh 1', memberUsernames: [volLxUser] }, coordLx);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Tổ CNSCĐ khóm Bình Khánh 1', hamlets: [LX_A] });
    expect((await api.updateTeam(REF, teamLx, { name: 'X' }, coordMhh)).statusCode).toBe(404);
  });
});

describe('the volunteer’s next households', () => {
  it('lists the team’s households by hamlet, with the last 4 ID digits only, and records the download', async () => {
    const res = await api.assignments(volLx);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.campaigns).toHaveLength(1);
    const c = body.campaigns[0];
    expect(c).toMatchObject({ code: REF, teams: [{ id: teamLx, name: 'Tổ CNSCĐ khóm Bình Khánh 1' }] });
    expect(c.hamlets.map((h: { hamlet: string }) => h.hamlet)).toEqual([LX_A]);
    expect(c.hamlets[0].households.map((h: { code: string }) => h.code)).toEqual(['BK1-002', 'BK1-010']);
    expect(c.hamlets[0].households[0].people[0]).toEqual({
      id: personId[ids.an],
      fullName: 'Nguyễn Văn An',
      birthYear: 1980,
      idType: 'cccd',
      idLast4: ids.an.slice(-4),
      phoneMasked: '091****678',
      msisdnMasked: null,
      carrier: null,
      listKind: 'approved_not_activated',
      outcome: null,
      outcomeAt: null,
    });
    for (const id of Object.values(ids)) expect(res.body).not.toContain(id);
    const audit = await sys.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'field.list.download').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ campaigns: [REF], people: 3, households: 2 });
  });

  it('gives nothing to a volunteer without a team and refuses other roles', async () => {
    expect((await api.assignments(volLx2)).json().campaigns).toEqual([]);
    expect((await api.assignments(coordLx)).statusCode).toBe(403);
    expect((await api.assignments()).statusCode).toBe(401);
  });
});

describe('outcomes from the phone', () => {
  const batch = () => [
    record(personId[ids.an]!, 'done', '2026-05-02T02:10:00.000Z', '7d0c5d1e-4c6a-4b43-9a51-0c1f0a000001'),
    record(personId[ids.binh]!, 'absent', '2026-05-02T02:12:00.000Z', '7d0c5d1e-4c6a-4b43-9a51-0c1f0a000002'),
    record(personId[ids.cuong]!, 'ineligible', '2026-05-02T02:20:00.000Z', '7d0c5d1e-4c6a-4b43-9a51-0c1f0a000003'),
  ];

  it('stores a batch once however often it is sent', async () => {
    const first = await api.outcomes(batch(), volLx);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, duplicates: 0 });
    expect(first.json().items.map((i: { status: string }) => i.status)).toEqual(['created', 'created', 'created']);
    const second = await api.outcomes(batch(), volLx);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: 0, duplicates: 3 });
    expect(second.json().items.map((i: { status: string; outcome: string }) => [i.status, i.outcome])).toEqual([
      ['duplicate', 'done'],
      ['duplicate', 'absent'],
      ['duplicate', 'ineligible'],
    ]);
    // Sent twice in the same batch: one created, one duplicate.
    const twice = record(personId[ids.dung]!, 'done', '2026-05-03T01:00:00.000Z');
    const lx2 = await api.assign(REF, teamLx, { householdCodes: ['DT3-001'] }, coordLx);
    expect(lx2.statusCode).toBe(200);
    const res = await api.outcomes([twice, twice], volLx);
    expect(res.json()).toMatchObject({ created: 1, duplicates: 1 });
    const stored = await sys.database.db.selectFrom('field_outcomes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(4);
  });

  it('keeps the latest outcome by the time it was recorded', async () => {
    // Bình was absent at 09:12; found at home later that day; an older "refused" arrives last.
    await api.outcomes([record(personId[ids.binh]!, 'done', '2026-05-02T09:00:00.000Z')], volLx);
    const older = await api.outcomes([record(personId[ids.binh]!, 'refused', '2026-05-02T01:00:00.000Z')], volLx);
    expect(older.json().items[0]).toMatchObject({ status: 'created', outcome: 'done' });
    const p = await sys.database.db.selectFrom('field_people').select(['outcome']).where('id', '=', personId[ids.binh]!).executeTakeFirstOrThrow();
    expect(p.outcome).toBe('done');
  });

  it('refuses people outside the caller’s teams (nothing written)', async () => {
    const ok = record(personId[ids.em]!, 'done', '2026-05-04T01:00:00.000Z');
    const foreign = record(personId[ids.an]!, 'absent', '2026-05-04T01:00:00.000Z');
    const res = await api.outcomes([ok, foreign], volMhh);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details.rejected).toEqual([
      { clientId: ok.clientId, personId: personId[ids.em], reason: 'người này không thuộc hộ được giao cho tổ của bạn' },
      { clientId: foreign.clientId, personId: personId[ids.an], reason: 'người này không thuộc hộ được giao cho tổ của bạn' },
    ]);
    expect((await api.outcomes([record(999999, 'done', '2026-05-04T01:00:00.000Z')], volLx)).statusCode).toBe(404);
    expect((await api.outcomes([ok], volLx2)).statusCode).toBe(404);
    expect((await api.outcomes([ok], coordLx)).statusCode).toBe(403);
    expect((await api.outcomes([ok], intakeLx)).statusCode).toBe(403);
    expect((await api.outcomes([ok])).statusCode).toBe(401);
    const n = await sys.database.db.selectFrom('field_outcomes').select('id').where('client_id', '=', ok.clientId).execute();
    expect(n).toHaveLength(0);
  });

  it('bounds recordedAt: not in the future, not before the campaign', async () => {
    const future = record(personId[ids.em]!, 'done', new Date(Date.now() + 10 * 60_000).toISOString());
    const early = record(personId[ids.em]!, 'done', '2026-04-27T16:59:59.000Z');
    const fine = record(personId[ids.em]!, 'done', '2026-04-27T17:00:00.000Z');
    const res = await api.outcomes([future, early, fine], volLx);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rejected.map((r: { clientId: string; reason: string }) => [r.clientId, r.reason])).toEqual([
      [future.clientId, 'thời điểm ghi nhận ở tương lai (kiểm tra đồng hồ điện thoại)'],
      [early.clientId, 'thời điểm ghi nhận trước khi chiến dịch bắt đầu'],
    ]);
    expect((await api.outcomes([{ ...fine, recordedAt: '2026-05-01T08:00:00' }], volLx)).statusCode).toBe(400);
  });

  it('refuses a clientId reused for another record', async () => {
    const res = await api.outcomes([record(personId[ids.em]!, 'done', '2026-05-05T01:00:00.000Z', '7d0c5d1e-4c6a-4b43-9a51-0c1f0a000001')], volLx);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.rejected[0]).toMatchObject({ reason: 'mã clientId đã dùng cho một bản ghi khác' });
  });
});

describe('progress and the ratio', () => {
  it('counts per commune and hamlet; ratio = done / (listed − ineligible)', async () => {
    // Long Xuyên: An done, Bình done (after absent), Cường ineligible, Dũng done, Em pending → 3 / (5 − 1).
    const res = await api.progress(REF, province);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const lx = body.communes.find((c: { unitCode: string }) => c.unitCode === LONG_XUYEN);
    expect(lx).toMatchObject({ listed: 5, done: 3, absent: 0, ineligible: 1, moved: 0, deceased: 0, refused: 0, pending: 1, ratio: 0.75 });
    expect(lx.hamlets).toEqual([
      { hamlet: LX_A, teamName: 'Tổ CNSCĐ khóm Bình Khánh 1', listed: 3, done: 2, absent: 0, ineligible: 1, moved: 0, deceased: 0, refused: 0, pending: 0, ratio: 1 },
      { hamlet: LX_B, teamName: null, listed: 2, done: 1, absent: 0, ineligible: 0, moved: 0, deceased: 0, refused: 0, pending: 1, ratio: 0.5 },
    ]);
    // Whole area: 3 done of 7 listed, 1 ineligible → 3 / 6.
    expect(body.total).toMatchObject({ listed: 7, done: 3, ineligible: 1, pending: 3, ratio: 0.5 });
  });

  it('answers as of a past day from the outcomes recorded by then', async () => {
    // End of 02/05 (VN): An done, Bình done (09:00Z = 16:00 VN), Cường ineligible; Dũng's 03/05 not yet.
    const res = await api.progress(REF, province, '?asOf=2026-05-02');
    const lx = res.json().communes.find((c: { unitCode: string }) => c.unitCode === LONG_XUYEN);
    expect(lx).toMatchObject({ listed: 5, done: 2, ineligible: 1, pending: 2, ratio: 0.5 });
    const before = await api.progress(REF, province, '?asOf=2026-05-01');
    expect(before.json().total).toMatchObject({ listed: 7, done: 0, pending: 7, ratio: 0 });
  });

  it('shows a commune coordinator their commune only', async () => {
    const res = await api.progress(REF, coordLx);
    expect(res.statusCode).toBe(200);
    expect(res.json().communes.map((c: { unitCode: string }) => c.unitCode)).toEqual([LONG_XUYEN]);
    expect(res.json().total).toMatchObject({ listed: 5, done: 3 });
    expect((await api.progress(REF, coordLx, `?unit=${MY_HOA_HUNG}`)).statusCode).toBe(403);
    expect((await api.progress(REF, province, `?unit=${MY_HOA_HUNG}`)).json().communes.map((c: { unitCode: string }) => c.unitCode)).toEqual([MY_HOA_HUNG]);
    expect((await api.progress(REF, monitor)).statusCode).toBe(200);
    expect((await api.progress(REF, volLx)).statusCode).toBe(403);
    expect((await api.progress(REF)).statusCode).toBe(401);
  });

  it('gives other modules the same facts', async () => {
    const db = sys.database.db;
    const units = new Map([LONG_XUYEN, MY_HOA_HUNG].map((code) => [code, 0]));
    for (const code of units.keys()) units.set(code, Number((await findUnitByCode(db, code, '2026-05-01'))!.id));
    const counts = await fieldCounts(db, campaignId, '2026-05-02');
    expect(counts.find((c) => c.unitId === units.get(LONG_XUYEN))).toEqual({ unitId: units.get(LONG_XUYEN), listed: 5, done: 2, absent: 0, ineligible: 1, moved: 0, deceased: 0, refused: 0, pending: 2 });
    const today = await fieldCounts(db, campaignId, '2099-01-01');
    expect(today.find((c) => c.unitId === units.get(LONG_XUYEN))).toMatchObject({ done: 3, pending: 1 });
    // Bình's run of "done" began 02/05 16:00 VN (her morning "refused" is older); An 02/05; Dũng 03/05.
    expect(await fieldDoneByDay(db, campaignId)).toEqual([
      { unitId: units.get(LONG_XUYEN), day: '2026-05-02', done: 2 },
      { unitId: units.get(LONG_XUYEN), day: '2026-05-03', done: 1 },
    ]);
    expect(await pendingByTeam(db, campaignId)).toEqual([
      { teamId: teamLx, unitId: units.get(LONG_XUYEN), memberStaffIds: [expect.any(Number)], pendingPeople: 1 },
      { teamId: teamMhh, unitId: units.get(MY_HOA_HUNG), memberStaffIds: [expect.any(Number)], pendingPeople: 1 },
    ]);
  });
});

describe('motcua import households', () => {
  it('imports a file for a campaign, or reports every bad row and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-field-'));
    const good = path.join(dir, 'ds.csv');
    fs.writeFileSync(good, csvOf([person(PHU_QUOC, 'Khu phố 1', 'PQ-1', 'Danh Thị Lan', { id_number: cccd(1993), birth_year: '1993' })]));
    const bad = path.join(dir, 'ds-loi.csv');
    fs.writeFileSync(bad, csvOf([person(PHU_QUOC, 'Khu phố 1', 'PQ-2', 'Sơn Văn Tài', { id_number: '123' })]));
    expect(await importHouseholdsFile(sys.database.db, bad, REF)).toEqual({ accepted: 0, households: 0, communes: [], rejected: [{ line: 2, reason: 'số CCCD: Nhập số CCCD gồm 12 chữ số' }] });
    expect(await importHouseholdsFile(sys.database.db, good, String(campaignId))).toEqual({ accepted: 1, households: 1, communes: [PHU_QUOC], rejected: [] });
    await expect(importHouseholdsFile(sys.database.db, good, undefined)).rejects.toThrow(/--campaign/);
    fs.rmSync(dir, { recursive: true });
  });

  it('reads the shipped samples: the list with mistakes names each one, the good list goes in whole', async () => {
    const dir = path.join(REPO_ROOT, 'data', 'samples', 'households');
    const bad = await importHouseholdsFile(sys.database.db, path.join(dir, 'danh-sach-ho-co-loi.csv'), REF);
    expect(bad.rejected.map((r) => [r.line, r.reason.replace(/[0-9]{4}\)$/, 'YYYY)')])).toEqual([
      [3, 'số CCCD: Nhập số CCCD gồm 12 chữ số'],
      [4, 'xã 00070 không thuộc địa bàn chiến dịch'],
      [5, 'số CCCD trùng với dòng 2'],
      [6, 'số điện thoại: Số bắt đầu bằng 02 là số máy bàn. Nhập số điện thoại di động'],
      [7, expect.stringMatching(/^năm sinh [0-9]{4} không khớp số CCCD \(năm YYYY\)$/)],
    ]);
    const good = await importHouseholdsFile(sys.database.db, path.join(dir, 'danh-sach-ho-3-xa.csv'), REF);
    expect(good).toMatchObject({ accepted: 72, communes: [LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC], rejected: [] });
  });
});

/**
 * Subscribers registered with a 9-digit CMND on to_verify lists (seed 002 II.1: "Đang sử dụng Chứng
 * minh nhân dân 9 số để đăng ký SIM") with the subscriber number and carrier, and the coordinators'
 * people list with its CSV export (seed 003 V.2.d: "danh sách không có mặt, danh sách công dân không
 * đủ điều kiện"): exact rows, filters, paging, masking, audit and scope.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';
import { REPO_ROOT } from '../../shared/paths.ts';
import { cccd, csvOf, fieldApi, person, record, type Headers } from './field.fixtures.ts';
import { importHouseholdsFile } from './field.import.ts';

const REF = 'TEST-TTTB';
let sys: TestSystem;
let api: ReturnType<typeof fieldApi>;
let province: Headers;
let coordLx: Headers;
let coordMhh: Headers;
let volLx: Headers;
let volLxUser: string;
let monitor: Headers;
let intakeLx: Headers;

const LX_A = 'Khóm Bình Khánh 1';
const LX_B = 'Khóm Đông Thịnh 3';
const MHH_A = 'Ấp Tân Vĩnh';
const CMND_AN = '351234567';
const CMND_BINH = '351234568';
const ids = { cuong: cccd(1990), dung: cccd(1975), em: cccd(2001), giang: cccd(1968) };
const toVerify = (commune: string, hamlet: string, household: string, name: string, extra: Parameters<typeof person>[4] = {}) =>
  person(commune, hamlet, household, name, { list_kind: 'to_verify', birth_year: '', ...extra });

// Long Xuyên: two hamlets, two CMND subscribers; Mỹ Hòa Hưng: one person.
const LIST = [
  toVerify(LONG_XUYEN, LX_A, 'BK1-002', 'Nguyễn Văn An', { id_number: CMND_AN, birth_year: '1960', phone: '0912345678', msisdn: '0961234567', carrier: 'viettel' }),
  toVerify(LONG_XUYEN, LX_A, 'BK1-002', 'Trần Thị Bình', { id_number: CMND_BINH, msisdn: '0912000111' }),
  toVerify(LONG_XUYEN, LX_A, 'BK1-010', 'Lê Minh Cường', { id_number: ids.cuong, birth_year: '1990', msisdn: '0961000222', carrier: 'MobiFone' }),
  toVerify(LONG_XUYEN, LX_B, 'DT3-001', 'Phạm Văn Dũng', { id_number: ids.dung }),
  toVerify(LONG_XUYEN, LX_B, 'DT3-001', 'Phạm Thị Em', { id_number: ids.em }),
  toVerify(MY_HOA_HUNG, MHH_A, 'TV-001', 'Huỳnh Văn Giang', { id_number: ids.giang }),
];
const personId: Record<string, number> = {};

beforeAll(async () => {
  sys = await createTestSystem();
  api = fieldApi(sys);
  await createTestCampaign(sys.database.db);
  // A campaign of Long Xuyên alone: invisible to Mỹ Hòa Hưng's staff.
  await createTestCampaign(sys.database.db, { code: 'TEST-LX', scopeUnitCode: LONG_XUYEN, coordinatorUnitCode: LONG_XUYEN, partners: [], baselines: [], targets: [] });
  province = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
  coordLx = (await staffSession(sys, LONG_XUYEN, ['campaign_coordinator'])).headers;
  coordMhh = (await staffSession(sys, MY_HOA_HUNG, ['campaign_coordinator'])).headers;
  const v = await staffSession(sys, LONG_XUYEN, ['field_volunteer']);
  volLx = v.headers;
  volLxUser = v.username;
  monitor = (await staffSession(sys, '91', ['monitor'])).headers;
  intakeLx = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
});
afterAll(async () => sys?.close());

describe('CMND on to_verify lists', () => {
  it('rejects a CMND where a CCCD is needed, bad numbers, duplicates and unknown carriers; writes nothing', async () => {
    const bad = [
      person(LONG_XUYEN, LX_A, 'X-1', 'Cần CCCD', { id_number: '351000001', birth_year: '' }),
      toVerify(LONG_XUYEN, LX_A, 'X-2', 'Mười Số', { id_number: '3510000012' }),
      toVerify(LONG_XUYEN, LX_A, 'X-3', 'Trùng Một', { id_number: '351000003' }),
      toVerify(LONG_XUYEN, LX_A, 'X-4', 'Trùng Hai', { id_number: '351000003' }),
      toVerify(LONG_XUYEN, LX_A, 'X-5', 'Sai Thuê Bao', { id_number: '351000005', msisdn: '0281234567' }),
      person(LONG_XUYEN, LX_A, 'X-6', 'Thuê Bao Sai Danh Sách', { msisdn: '0961234999' }),
      toVerify(LONG_XUYEN, LX_A, 'X-7', 'Nhà Mạng Lạ', { id_number: '351000007', msisdn: '0961234998', carrier: 'SFone' }),
      toVerify(LONG_XUYEN, LX_A, 'X-8', 'Thiếu Thuê Bao', { id_number: '351000008', carrier: 'Viettel' }),
      toVerify(LONG_XUYEN, LX_A, 'X-9', 'Đúng', { id_number: '351000009' }),
    ];
    const res = await api.upload(REF, csvOf(bad), province);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([
      { line: 2, reason: 'số CCCD: danh sách approved_not_activated cần số CCCD 12 chữ số (CMND 9 số chỉ dùng cho danh sách to_verify)' },
      { line: 3, reason: 'số giấy tờ: nhập số CCCD gồm 12 chữ số hoặc số CMND cũ gồm 9 chữ số' },
      { line: 5, reason: 'số CMND trùng với dòng 4' },
      { line: 6, reason: 'số thuê bao (msisdn): Số bắt đầu bằng 02 là số máy bàn. Nhập số điện thoại di động' },
      { line: 7, reason: 'số thuê bao cần xác thực (msisdn) chỉ dùng cho danh sách to_verify' },
      { line: 8, reason: 'nhà mạng "SFone" phải là một trong: Viettel, MobiFone, VinaPhone, Itelecom, Vietnamobile, Gmobile, Indochina Telecom, Reddi' },
      { line: 9, reason: 'có nhà mạng (carrier) nhưng thiếu số thuê bao (msisdn)' },
    ]);
    expect(await sys.database.db.selectFrom('field_people').select('id').execute()).toEqual([]);
  });

  it('stores the CMND with its type, the subscriber and its carrier (named, else from the prefix)', async () => {
    const res = await api.upload(REF, csvOf(LIST), province);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 6, households: 4 });
    const rows = await sys.database.db.selectFrom('field_people').select(['id', 'full_name', 'id_type', 'id_number', 'msisdn', 'carrier', 'birth_year']).orderBy('line').execute();
    for (const r of rows) personId[r.full_name] = Number(r.id);
    expect(rows.slice(0, 3).map(({ id: _id, ...r }) => r)).toEqual([
      { full_name: 'Nguyễn Văn An', id_type: 'cmnd', id_number: CMND_AN, msisdn: '0961234567', carrier: 'Viettel', birth_year: 1960 },
      { full_name: 'Trần Thị Bình', id_type: 'cmnd', id_number: CMND_BINH, msisdn: '0912000111', carrier: 'VinaPhone', birth_year: null },
      // A ported number: the list's carrier wins over the prefix (096 is Viettel's).
      { full_name: 'Lê Minh Cường', id_type: 'cccd', id_number: ids.cuong, msisdn: '0961000222', carrier: 'MobiFone', birth_year: 1990 },
    ]);
    const again = await api.upload(REF, csvOf([toVerify(LONG_XUYEN, LX_A, 'BK1-003', 'Nguyễn Văn An', { id_number: CMND_AN })]), province);
    expect(again.json().error.details.rejected).toEqual([{ line: 2, reason: 'người này đã có trong danh sách của chiến dịch' }]);
  });

  it('shows the volunteer the ID type and last 4 digits, and the subscriber masked with its carrier', async () => {
    const team = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ CNSCĐ', memberUsernames: [volLxUser] }, coordLx);
    expect(team.statusCode).toBe(201);
    expect((await api.assign(REF, team.json().id, { hamlets: [LX_A, LX_B] }, coordLx)).statusCode).toBe(200);
    const res = await api.assignments(volLx);
    expect(res.statusCode).toBe(200);
    const people = res.json().campaigns[0].hamlets[0].households[0].people;
    expect(people[0]).toEqual({
      id: personId['Nguyễn Văn An'],
      fullName: 'Nguyễn Văn An',
      birthYear: 1960,
      idType: 'cmnd',
      idLast4: '4567',
      phoneMasked: '091****678',
      msisdnMasked: '096****567',
      carrier: 'Viettel',
      listKind: 'to_verify',
      outcome: null,
      outcomeAt: null,
    });
    for (const secret of [CMND_AN, CMND_BINH, '0961234567', ids.cuong]) expect(res.body).not.toContain(secret);
  });
});

describe('GET /api/v1/campaigns/:ref/households/people', () => {
  const people = (headers: Headers, query = '', ref = REF) => sys.app.inject({ method: 'GET', url: `/api/v1/campaigns/${ref}/households/people${query}`, headers });
  const names = (body: { items: { fullName: string }[] }) => body.items.map((p) => p.fullName);

  beforeAll(async () => {
    const res = await api.outcomes(
      [
        record(personId['Nguyễn Văn An']!, 'done', '2026-05-02T09:00:00+07:00'),
        record(personId['Trần Thị Bình']!, 'absent', '2026-05-02T09:05:00+07:00'),
        record(personId['Phạm Văn Dũng']!, 'ineligible', '2026-05-02T10:00:00+07:00'),
        record(personId['Phạm Thị Em']!, 'absent', '2026-05-02T10:01:00+07:00'),
      ].map((r, i) => (i === 1 ? { ...r, note: 'Đi làm ở TP.HCM' } : r)),
      volLx,
    );
    expect(res.statusCode).toBe(200);
  });

  it('lists the coordinator’s people in list order with masked ID and phones and the current outcome', async () => {
    const res = await people(province);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.total, body.limit, body.offset]).toEqual([6, 50, 0]);
    expect(names(body)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường', 'Phạm Văn Dũng', 'Phạm Thị Em', 'Huỳnh Văn Giang']);
    expect(body.items[1]).toEqual({
      id: personId['Trần Thị Bình'],
      unitCode: LONG_XUYEN,
      unitName: 'Phường Long Xuyên',
      hamlet: LX_A,
      householdCode: 'BK1-002',
      address: '',
      fullName: 'Trần Thị Bình',
      birthYear: null,
      idType: 'cmnd',
      idMasked: '******568',
      phoneMasked: null,
      msisdnMasked: '091****111',
      carrier: 'VinaPhone',
      listKind: 'to_verify',
      teamName: 'Tổ CNSCĐ',
      outcome: 'absent',
      outcomeAt: '2026-05-02T02:05:00.000Z',
      outcomeBy: 'Cán bộ Kiểm thử',
      note: 'Đi làm ở TP.HCM',
    });
    expect(body.items[5]).toMatchObject({ fullName: 'Huỳnh Văn Giang', idMasked: `*********${ids.giang.slice(-3)}`, teamName: null, outcome: null, outcomeBy: null, note: '' });
    for (const secret of [CMND_AN, CMND_BINH, ids.cuong, ids.giang, '0912345678', '0961234567']) expect(res.body).not.toContain(secret);
  });

  it('filters by unit, hamlet and outcome (pending = not visited) and pages', async () => {
    expect(names((await people(province, '?outcome=absent')).json())).toEqual(['Trần Thị Bình', 'Phạm Thị Em']);
    expect(names((await people(province, '?outcome=ineligible')).json())).toEqual(['Phạm Văn Dũng']);
    expect(names((await people(province, '?outcome=pending')).json())).toEqual(['Lê Minh Cường', 'Huỳnh Văn Giang']);
    expect(names((await people(province, `?unit=${LONG_XUYEN}&hamlet=${encodeURIComponent(LX_B)}`)).json())).toEqual(['Phạm Văn Dũng', 'Phạm Thị Em']);
    expect(names((await people(province, `?unit=${MY_HOA_HUNG}`)).json())).toEqual(['Huỳnh Văn Giang']);
    const page = (await people(province, '?limit=2&offset=2')).json();
    expect([page.total, page.limit, page.offset, names(page)]).toEqual([6, 2, 2, ['Lê Minh Cường', 'Phạm Văn Dũng']]);
    expect((await people(province, '?outcome=gone')).statusCode).toBe(400);
    expect((await people(province, '?limit=501')).statusCode).toBe(400);
  });

  it('keeps a commune coordinator to its commune: another commune is not disclosed (404)', async () => {
    expect(names((await people(coordMhh)).json())).toEqual(['Huỳnh Văn Giang']);
    const other = await people(coordMhh, `?unit=${LONG_XUYEN}`);
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await people(coordMhh, '', 'TEST-LX')).statusCode).toBe(404);
    expect((await people(coordLx, '?unit=99999')).statusCode).toBe(404);
    // A unit above the coordinator's scope narrows to the scope.
    expect((await people(coordLx, '?unit=91')).json().total).toBe(5);
  });

  it('refuses roles without field.manage and anonymous callers', async () => {
    expect((await people(monitor)).statusCode).toBe(403);
    expect((await people(volLx)).statusCode).toBe(403);
    expect((await people(intakeLx)).statusCode).toBe(403);
    expect((await sys.app.inject({ method: 'GET', url: `/api/v1/campaigns/${REF}/households/people` })).statusCode).toBe(401);
  });

  it('exports the filtered list as CSV with a BOM, masked, whole (no paging)', async () => {
    const res = await people(province, `?unit=${LONG_XUYEN}&outcome=absent&format=csv&limit=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="danh-sach-${LONG_XUYEN}-absent.csv"`);
    const text = res.rawPayload.toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFMã xã,Tên xã,"Ấp, khóm, khu phố",Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Loại giấy tờ,Số giấy tờ (che),Điện thoại (che),Thuê bao cần xác thực (che),Nhà mạng,Tổ,Kết quả,Thời điểm ghi nhận (giờ Việt Nam),Người ghi nhận,Ghi chú',
      `${LONG_XUYEN},Phường Long Xuyên,${LX_A},BK1-002,,Trần Thị Bình,,CMND,******568,,091****111,VinaPhone,Tổ CNSCĐ,Không có mặt,2026-05-02 09:05,Cán bộ Kiểm thử,Đi làm ở TP.HCM`,
      `${LONG_XUYEN},Phường Long Xuyên,${LX_B},DT3-001,,Phạm Thị Em,,CCCD,*********${ids.em.slice(-3)},,,,Tổ CNSCĐ,Không có mặt,2026-05-02 10:01,Cán bộ Kiểm thử,`,
      '',
    ]);
  });

  it('records every read and export in the audit log', async () => {
    const rows = await sys.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['field.people.read', 'field.people.export'])
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(rows[0]).toMatchObject({ action: 'field.people.export', details: { unit: LONG_XUYEN, outcome: 'absent', people: 2, total: 2 } });
    const reads = await sys.database.db.selectFrom('audit_log').select('id').where('action', '=', 'field.people.read').execute();
    // 1 + 6 + 2 successful reads above; refused ones (400, 403, 404) leave no row.
    expect(reads).toHaveLength(9);
  });
});

describe('the shipped subscriber sample', () => {
  it('goes in whole, CMND rows included', async () => {
    const file = path.join(REPO_ROOT, 'data', 'samples', 'households', 'danh-sach-thue-bao-3-xa.csv');
    expect(await importHouseholdsFile(sys.database.db, file, REF)).toMatchObject({ accepted: 72, communes: [LONG_XUYEN, MY_HOA_HUNG, '31078'], rejected: [] });
    const byType = await sys.database.db.selectFrom('field_people').select(['id_type', (eb) => eb.fn.countAll<number>().as('n')]).where('line', '>', 1).where('import_id', '=', (eb) => eb.selectFrom('field_imports').select((e) => e.fn.max('id').as('m'))).groupBy('id_type').orderBy('id_type').execute();
    expect(byType.map((r) => [r.id_type, Number(r.n)])).toEqual([
      ['cccd', 48],
      ['cmnd', 24],
    ]);
  });
});

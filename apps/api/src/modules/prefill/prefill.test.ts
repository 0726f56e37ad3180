/**
 * Prefill over real HTTP: the citizen's e-form filled from the registry simulator through the
 * adapter, the fallbacks when the registry does not know the person or does not answer, and the
 * prefill indicator counting only what the server confirms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { listeningSystem, seedSimPopulation, type ListeningSystem } from '../../simulators/registry/registry.fixtures.ts';
import type { SimHouseholdRow, SimPersonRow } from '../../simulators/registry/registry.repo.ts';
import { LONG_XUYEN, MY_HOA_HUNG } from '../dossiers/dossiers.fixtures.ts';

let sys: ListeningSystem;
let people: SimPersonRow[];
let households: Map<number, SimHouseholdRow>;
/** A married head of household with a VNeID level-2 account: the registry knows a lot about them. */
let head: SimPersonRow;
let spouse: SimPersonRow;
let headers: Record<string, string>;

const TEMP_RESIDENCE = '1.004194';

beforeAll(async () => {
  sys = await listeningSystem();
  await seedSimPopulation(sys, 400);
  people = await sys.database.db.selectFrom('sim_people').selectAll().orderBy('id').execute();
  households = new Map((await sys.database.db.selectFrom('sim_households').selectAll().execute()).map((h) => [h.id, h]));
  head = people.find(
    (p) => p.household_role === 'head' && p.identity_level === 2 && p.status === 'alive' && people.some((s) => s.household_id === p.household_id && s.household_role === 'spouse'),
  )!;
  spouse = people.find((s) => s.household_id === head.household_id && s.household_role === 'spouse')!;
  ({ headers } = await citizenSession(sys, { idNumber: head.cccd, fullName: head.full_name, birthDate: head.date_of_birth, level: 2 }));
});
afterAll(async () => sys?.close());

const prefill = (code: string, h: Record<string, string> | undefined = headers) =>
  sys.app.inject({ method: 'GET', url: `/api/v1/me/prefill?procedure=${code}`, headers: h });

type View = {
  applicant: Record<string, { value: unknown; prefilled: boolean; source: string | null }>;
  fields: { name: string; value: unknown; prefilled: boolean; source: string | null }[];
  prefilledFields: string[];
  household: { code: string; address: string; members: { fullName: string; relationshipToHead: string; birthDate: string }[] } | null;
  [k: string]: unknown;
};
const field = (v: View, name: string) => v.fields.find((f) => f.name === name)!;
const valuesOf = (v: View) => Object.fromEntries(v.fields.filter((f) => f.prefilled).map((f) => [f.name, f.value]));

describe('GET /api/v1/me/prefill', () => {
  it('fills the temporary-residence form from the registry, with the applicant block', async () => {
    const res = await prefill(TEMP_RESIDENCE);
    expect(res.statusCode).toBe(200);
    const v = res.json() as View;
    const hh = households.get(head.household_id)!;
    expect(v).toMatchObject({ procedureCode: TEMP_RESIDENCE, procedureName: 'Đăng ký tạm trú', identityLevel: 2, fieldCount: 4 + 13, fromResults: [], notices: [] });
    expect(v.applicant).toEqual({
      fullName: { value: head.full_name, prefilled: true, source: 'registry' },
      idNumber: { value: head.cccd, prefilled: true, source: 'registry' },
      phone: { value: head.mobile, prefilled: true, source: 'registry' },
      address: { value: hh.address, prefilled: true, source: 'registry' },
    });
    expect(valuesOf(v)).toEqual({
      applicantFullName: head.full_name,
      applicantDateOfBirth: head.date_of_birth,
      applicantGender: head.sex === 'male' ? 'Nam' : 'Nữ',
      applicantIdNumber: head.cccd,
      applicantPhone: head.mobile,
      permanentAddress: hh.address,
    });
    expect(field(v, 'temporaryAddress')).toMatchObject({ value: null, prefilled: false, source: null });
    expect(field(v, 'applicantFullName')).toMatchObject({ prefill: 'registry:fullName', source: 'registry' });
    expect(v.prefilledFields).toEqual([
      'applicant.fullName',
      'applicant.idNumber',
      'applicant.phone',
      'applicant.address',
      'applicantFullName',
      'applicantDateOfBirth',
      'applicantGender',
      'applicantIdNumber',
      'applicantPhone',
      'permanentAddress',
    ]);
    // The form asks nothing about the household: the member list is not fetched or shown.
    expect(v.household).toBeNull();
    expect(v.suggestedUnitCode).toBe(hh.commune_code);
    const audit = await sys.database.db.selectFrom('audit_log').select(['actor_kind', 'details']).where('action', '=', 'registry.prefill').execute();
    expect(audit.at(-1)).toMatchObject({ actor_kind: 'citizen', details: { procedure: TEMP_RESIDENCE, registry: 'found', prefilled: 10 } });
  });

  it('writes the household line and lists the living members when the form asks about the household', async () => {
    const v = (await prefill('1.003677')).json() as View;
    const hh = households.get(head.household_id)!;
    expect(field(v, 'household').value).toBe(`Chủ hộ: ${head.full_name} (mã hộ ${hh.code}); người khai là chủ hộ`);
    const members = people.filter((p) => p.household_id === head.household_id && p.status === 'alive');
    expect(v.household!.code).toBe(hh.code);
    expect(v.household!.members).toHaveLength(members.length);
    expect(v.household!.members[0]).toEqual({ fullName: head.full_name, relationshipToHead: 'Chủ hộ', birthDate: head.date_of_birth });
    expect(v.household!.members).toContainEqual({
      fullName: spouse.full_name,
      relationshipToHead: spouse.sex === 'male' ? 'Chồng' : 'Vợ',
      birthDate: spouse.date_of_birth,
    });
  });

  it('fills the spouse in the land form and the marital status in the certificate form', async () => {
    const land = (await prefill('1.012753')).json() as View;
    expect(field(land, 'spouseFullName').value).toBe(spouse.full_name);
    expect(field(land, 'spouseIdNumber').value).toBe(spouse.cccd);
    const marital = (await prefill('1.004873')).json() as View;
    expect(field(marital, 'maritalStatus')).toMatchObject({ value: 'Đang có vợ/chồng', prefilled: true, source: 'registry' });
    expect(field(marital, 'requesterNationality').value).toBe('Việt Nam');
    // The synthetic registry holds no ethnicity: nothing is invented.
    expect(field(marital, 'requesterEthnicity')).toMatchObject({ value: null, prefilled: false });
  });

  it('marks earlier-result fields as such and leaves them empty (fromResults is a hook)', async () => {
    const v = (await prefill('1.002820')).json() as View;
    expect(field(v, 'licenceNumber')).toMatchObject({ prefill: 'results:drivingLicence.number', value: null, prefilled: false, source: 'results' });
    expect(v.fromResults).toEqual([]);
  });

  it('falls back to the VNeID identity for a citizen the registry does not know', async () => {
    const stranger = await citizenSession(sys, { idNumber: '079190000321', fullName: 'Lâm Thị Ngọc Hân', birthDate: '1990-03-04', level: 2 });
    const v = (await prefill(TEMP_RESIDENCE, stranger.headers)).json() as View;
    expect(v.applicant).toEqual({
      fullName: { value: 'Lâm Thị Ngọc Hân', prefilled: true, source: 'vneid' },
      idNumber: { value: '079190000321', prefilled: true, source: 'vneid' },
      phone: { value: null, prefilled: false, source: null },
      address: { value: null, prefilled: false, source: null },
    });
    expect(valuesOf(v)).toEqual({ applicantFullName: 'Lâm Thị Ngọc Hân', applicantDateOfBirth: '1990-03-04', applicantIdNumber: '079190000321' });
    expect(field(v, 'applicantFullName').source).toBe('vneid');
    expect(v.notices).toEqual(['Cơ sở dữ liệu quốc gia về dân cư chưa có thông tin của bạn: chỉ điền sẵn họ tên, số định danh và ngày sinh từ VNeID.']);
    expect(v.suggestedUnitCode).toBeNull();
  });

  it('needs a citizen session, a known procedure and a well-formed code', async () => {
    expect((await prefill(TEMP_RESIDENCE, {})).statusCode).toBe(401);
    const staff = await staffSession(sys, LONG_XUYEN, ['intake_officer']);
    expect((await prefill(TEMP_RESIDENCE, staff.headers)).statusCode).toBe(401);
    expect((await prefill('1.999999')).statusCode).toBe(404);
    expect((await prefill('abc')).statusCode).toBe(400);
  });
});

describe('counting prefilled fields at submission, and GET /api/v1/kpi/prefill', () => {
  const submit = (h: Record<string, string>, body: object) => sys.app.inject({ method: 'POST', url: '/api/v1/dossiers/online', headers: h, payload: body });
  const typed = { temporaryAddress: '45 Lý Thái Tổ, phường Long Xuyên, tỉnh An Giang', legalResidenceBasis: 'Thuê, mượn, ở nhờ', stayMonths: 12 };
  const report = (h: Record<string, string> | undefined, query = '') =>
    sys.app.inject({ method: 'GET', url: `/api/v1/kpi/prefill?from=2020-01-01&to=2099-12-31${query}`, headers: h });

  let monitor: Record<string, string>;
  beforeAll(async () => {
    const v = (await prefill(TEMP_RESIDENCE)).json() as View;
    const applicant = Object.fromEntries(Object.entries(v.applicant).map(([k, x]) => [k, x.value]));
    // 1: everything offered kept, three fields typed → 13 declared, 10 prefilled.
    let res = await submit(headers, { procedureCode: TEMP_RESIDENCE, unitCode: LONG_XUYEN, applicant, formData: { ...valuesOf(v), ...typed }, prefilledFields: v.prefilledFields });
    expect(res.statusCode).toBe(201);
    // 2: the permanent address edited but still claimed, and a typed field claimed → 13 declared, 9 confirmed.
    res = await submit(headers, {
      procedureCode: TEMP_RESIDENCE,
      unitCode: LONG_XUYEN,
      applicant,
      formData: { ...valuesOf(v), permanentAddress: 'Số 1, đường Khác, phường Long Xuyên, tỉnh An Giang', ...typed },
      prefilledFields: [...v.prefilledFields, 'temporaryAddress'],
    });
    expect(res.statusCode).toBe(201);
    // 3: nothing claimed, the optional permanent address left out → 12 declared, 0 prefilled.
    const { permanentAddress: _left, ...withoutAddress } = valuesOf(v);
    res = await submit(headers, { procedureCode: TEMP_RESIDENCE, unitCode: LONG_XUYEN, applicant, formData: { ...withoutAddress, ...typed } });
    expect(res.statusCode).toBe(201);
    // 4: another citizen claims fields without ever having been offered any → 13 declared, 0 prefilled.
    const other = await citizenSession(sys, { idNumber: '089190000777', fullName: 'Võ Văn Tài', birthDate: '1990-07-07', level: 2 });
    res = await submit(other.headers, {
      procedureCode: TEMP_RESIDENCE,
      unitCode: LONG_XUYEN,
      applicant,
      formData: { ...valuesOf(v), ...typed },
      prefilledFields: v.prefilledFields,
    });
    expect(res.statusCode).toBe(201);
    monitor = (await staffSession(sys, LONG_XUYEN, ['monitor'])).headers;
  });

  const expected = {
    submissions: 4,
    fieldsDeclared: 13 + 13 + 12 + 13,
    fieldsPrefilled: 10 + 9,
    avgDeclared: 12.75,
    avgPrefilled: 4.75,
    avgTyped: 8,
    sharePrefilled: 0.3725,
    meetsTarget: true,
  };

  it('counts per procedure only the fields whose value is what was offered', async () => {
    const res = await report(monitor);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2020-01-01',
      to: '2099-12-31',
      unit: { code: LONG_XUYEN, name: expect.any(String) },
      targetShare: 0.2,
      items: [{ procedureCode: TEMP_RESIDENCE, procedureName: 'Đăng ký tạm trú', ...expected }],
      total: expected,
    });
  });

  it('stores the counts per business day, procedure and handling unit', async () => {
    const rows = await sys.database.db.selectFrom('prefill_stats').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ procedure_code: TEMP_RESIDENCE, submissions: 4, fields_total: 51, fields_prefilled: 19 });
  });

  it('scopes the report to the staff member’s unit subtree and to kpi.read', async () => {
    const province = (await staffSession(sys, '91', ['monitor'])).headers;
    expect((await report(province)).json().total.submissions).toBe(4);
    expect((await report(province, `&unit=${LONG_XUYEN}`)).json().total.submissions).toBe(4);
    const elsewhere = (await staffSession(sys, MY_HOA_HUNG, ['monitor'])).headers;
    const other = (await report(elsewhere)).json();
    expect(other.items).toEqual([]);
    expect(other.total).toMatchObject({ submissions: 0, sharePrefilled: 0, meetsTarget: false });
    expect((await report(elsewhere, `&unit=${LONG_XUYEN}`)).statusCode).toBe(403);
    expect((await report((await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers)).statusCode).toBe(403);
    expect((await report(undefined)).statusCode).toBe(401);
    expect((await report(headers)).statusCode).toBe(401);
    const backwards = await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/prefill?from=2026-02-01&to=2026-01-01', headers: monitor });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('prefill when the registry does not answer', () => {
  let down: TestSystem;
  afterAll(async () => down?.close());

  it('serves the form with the VNeID identity and says why the rest is empty', async () => {
    down = await createTestSystem({ registryUrl: 'http://127.0.0.1:9/sim/registry' });
    const c = await citizenSession(down, { idNumber: '089190012345', fullName: 'Nguyễn Thị Mai Anh', birthDate: '1990-05-12', level: 2 });
    const res = await down.app.inject({ method: 'GET', url: `/api/v1/me/prefill?procedure=${TEMP_RESIDENCE}`, headers: c.headers });
    expect(res.statusCode).toBe(200);
    const v = res.json() as View;
    expect(v.notices).toEqual([
      'Tạm thời không kết nối được Cơ sở dữ liệu quốc gia về dân cư: chỉ điền sẵn thông tin từ VNeID, các trường còn lại vui lòng tự nhập.',
    ]);
    expect(valuesOf(v)).toEqual({ applicantFullName: 'Nguyễn Thị Mai Anh', applicantDateOfBirth: '1990-05-12', applicantIdNumber: '089190012345' });
    const audit = await down.database.db.selectFrom('audit_log').select('details').where('action', '=', 'registry.prefill').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ registry: 'unavailable' });
  });
});

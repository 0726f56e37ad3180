/**
 * The registry adapter against the registry simulator over real HTTP (the server listens on a
 * loopback port): lookup, each verification outcome, household, CMND → CCCD, wrong API key, and a
 * registry that does not answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.ts';
import { listeningSystem, seedSimPopulation, type ListeningSystem } from '../../simulators/registry/registry.fixtures.ts';
import type { SimPersonRow } from '../../simulators/registry/registry.repo.ts';
import { httpRegistry, type PopulationRegistry } from './registry.adapter.ts';

let sys: ListeningSystem;
let registry: PopulationRegistry;
let people: SimPersonRow[];

beforeAll(async () => {
  sys = await listeningSystem();
  await seedSimPopulation(sys, 2000);
  registry = httpRegistry({ baseUrl: `${sys.baseUrl}/sim/registry`, apiKey: sys.config.registryApiKey });
  people = await sys.database.db.selectFrom('sim_people').selectAll().orderBy('id').execute();
});
afterAll(async () => sys?.close());

const find = (pred: (p: SimPersonRow) => boolean) => {
  const p = people.find(pred);
  if (!p) throw new Error('no such person in the seeded population');
  return p;
};
const householdOf = (p: SimPersonRow) => people.filter((m) => m.household_id === p.household_id);

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('registry adapter ↔ simulator over HTTP', () => {
  it('looks a person up by CCCD with household, family and address', async () => {
    // A child living with both parents: the father and mother come from the household roles.
    const child = find((p) => p.household_role === 'child' && householdOf(p).some((m) => m.household_role === 'spouse'));
    const members = householdOf(child);
    const head = members.find((m) => m.household_role === 'head')!;
    const spouse = members.find((m) => m.household_role === 'spouse')!;
    const [father, mother] = head.sex === 'male' ? [head, spouse] : [spouse, head];
    const hh = await sys.database.db.selectFrom('sim_households').selectAll().where('id', '=', child.household_id).executeTakeFirstOrThrow();

    const r = await registry.lookupByIdNumber(child.cccd);
    expect(r).toMatchObject({
      idNumber: child.cccd,
      oldIdNumber: child.cmnd,
      fullName: child.full_name,
      birthDate: child.date_of_birth,
      sex: child.sex,
      nationality: 'Việt Nam',
      ethnicity: null,
      religion: null,
      permanentAddress: hh.address,
      currentAddress: hh.address,
      communeCode: hh.commune_code,
      household: { code: hh.code, relationshipToHead: 'Con', headFullName: head.full_name, headIdNumber: head.cccd },
      father: { fullName: father.full_name, idNumber: father.cccd },
      mother: { fullName: mother.full_name, idNumber: mother.cccd },
      status: 'alive',
    });
    expect(r!.phones).toEqual([child.mobile, child.mobile_2].filter(Boolean));
  });

  it('names the spouse of a head and says "Vợ"/"Chồng" by sex', async () => {
    const spouse = find((p) => p.household_role === 'spouse');
    const head = householdOf(spouse).find((m) => m.household_role === 'head')!;
    const r = await registry.lookupByIdNumber(head.cccd);
    expect(r!.spouse).toEqual({ fullName: spouse.full_name, idNumber: spouse.cccd });
    expect(r!.maritalStatus).toBe('Đã kết hôn');
    const s = await registry.lookupByIdNumber(spouse.cccd);
    expect(s!.household!.relationshipToHead).toBe(spouse.sex === 'male' ? 'Chồng' : 'Vợ');
    expect(s!.spouse).toEqual({ fullName: head.full_name, idNumber: head.cccd });
  });

  it('answers null for an unknown or malformed CCCD', async () => {
    const unknown = '089' + '199' + '999999';
    expect(people.some((p) => p.cccd === unknown)).toBe(false);
    expect(await registry.lookupByIdNumber(unknown)).toBeNull();
    expect(await registry.lookupByIdNumber('12345')).toBeNull();
    expect(await registry.householdMembers(unknown)).toBeNull();
  });

  it('accepts a CCCD typed with separators', async () => {
    const p = people[0]!;
    const spaced = `${p.cccd.slice(0, 3)} ${p.cccd.slice(3, 6)} ${p.cccd.slice(6)}`;
    expect((await registry.lookupByIdNumber(spaced))!.idNumber).toBe(p.cccd);
  });

  describe('verify', () => {
    const alive = () => find((p) => p.status === 'alive');

    it('matches ID + name + date of birth', async () => {
      const p = alive();
      expect(await registry.verify({ idNumber: p.cccd, fullName: p.full_name, birthDate: p.date_of_birth })).toEqual({ match: true });
    });

    it('matches a name in NFD, in capitals, with extra spaces and old-style tone placement', async () => {
      const p = find((x) => x.status === 'alive' && /(Thủy|Thúy|Hòa|Khỏe|Thụy)/.test(x.full_name));
      const oldStyle = p.full_name.replace('Thủy', 'Thuỷ').replace('Thúy', 'Thuý').replace('Hòa', 'Hoà').replace('Khỏe', 'Khoẻ').replace('Thụy', 'Thuỵ');
      expect(oldStyle).not.toBe(p.full_name);
      const typed = `  ${oldStyle.toUpperCase().replace(/ /g, '  ')} `.normalize('NFD');
      expect(await registry.verify({ idNumber: p.cccd, fullName: typed, birthDate: p.date_of_birth })).toEqual({ match: true });
    });

    it('says the name differs when one diacritic differs (Nguyễn ≠ Nguyên), and nothing else', async () => {
      const p = find((x) => x.status === 'alive' && x.full_name.startsWith('Nguyễn '));
      const r = await registry.verify({ idNumber: p.cccd, fullName: p.full_name.replace('Nguyễn', 'Nguyên'), birthDate: p.date_of_birth });
      expect(r).toEqual({
        match: false,
        mismatches: [{ field: 'fullName', message: 'Họ, chữ đệm và tên không khớp với Cơ sở dữ liệu quốc gia về dân cư.' }],
      });
    });

    it('says the date of birth differs', async () => {
      const p = alive();
      const other = p.date_of_birth.endsWith('-01') ? `${p.date_of_birth.slice(0, 8)}02` : `${p.date_of_birth.slice(0, 8)}01`;
      const r = await registry.verify({ idNumber: p.cccd, fullName: p.full_name, birthDate: other });
      expect(r).toEqual({
        match: false,
        mismatches: [{ field: 'birthDate', message: 'Ngày, tháng, năm sinh không khớp với Cơ sở dữ liệu quốc gia về dân cư.' }],
      });
    });

    it('lists both fields when name and date of birth differ', async () => {
      const p = alive();
      const r = await registry.verify({ idNumber: p.cccd, fullName: 'Trần Văn Khác', birthDate: '1901-01-01' });
      expect(r.match).toBe(false);
      expect(!r.match && r.mismatches.map((m) => m.field)).toEqual(['fullName', 'birthDate']);
    });

    it('says the ID is unknown', async () => {
      const r = await registry.verify({ idNumber: '089199999999', fullName: 'Nguyễn Văn A', birthDate: '1999-01-01' });
      expect(r).toEqual({
        match: false,
        mismatches: [{ field: 'idNumber', message: 'Số định danh cá nhân không có trong Cơ sở dữ liệu quốc gia về dân cư.' }],
      });
    });

    it('refuses the ID of a deceased person even when name and date agree', async () => {
      const dead = find((p) => p.status === 'deceased');
      const r = await registry.verify({ idNumber: dead.cccd, fullName: dead.full_name, birthDate: dead.date_of_birth });
      expect(r).toEqual({
        match: false,
        mismatches: [{ field: 'idNumber', message: 'Số định danh cá nhân thuộc về công dân đã được khai tử trong Cơ sở dữ liệu quốc gia về dân cư.' }],
      });
    });
  });

  it('lists the household members, head first, with their relationship to the head', async () => {
    const p = find((x) => householdOf(x).length >= 4 && x.household_role !== 'head');
    const members = householdOf(p);
    const r = await registry.householdMembers(p.cccd);
    expect(r!.members).toHaveLength(members.length);
    expect(r!.members[0]).toMatchObject({ relationshipToHead: 'Chủ hộ' });
    expect(r!.members[0]!.idNumber).toBe(members.find((m) => m.household_role === 'head')!.cccd);
    expect(r!.members.map((m) => m.idNumber).sort()).toEqual(members.map((m) => m.cccd).sort());
    expect(r!.members.find((m) => m.idNumber === p.cccd)).toEqual({
      idNumber: p.cccd,
      fullName: p.full_name,
      birthDate: p.date_of_birth,
      sex: p.sex,
      relationshipToHead: expect.any(String),
      status: p.status,
    });
  });

  it('maps an old 9-digit CMND to its CCCD, and an unknown or malformed one to null', async () => {
    const p = find((x) => x.cmnd !== null);
    expect(await registry.cmndToCccd(p.cmnd!)).toBe(p.cccd);
    const unused = Array.from({ length: 1000 }, (_, i) => `99${String(i).padStart(7, '0')}`).find((c) => !people.some((x) => x.cmnd === c))!;
    expect(await registry.cmndToCccd(unused)).toBeNull();
    expect(await registry.cmndToCccd('12ab')).toBeNull();
  });

  it('fails with EXTERNAL_UNAVAILABLE (503) when the API key is refused', async () => {
    const wrong = httpRegistry({ baseUrl: `${sys.baseUrl}/sim/registry`, apiKey: 'khong-dung-khoa' });
    const e = await rejection(wrong.lookupByIdNumber(people[0]!.cccd));
    expect(isAppError(e) && { code: e.code, status: e.status, details: e.details, message: e.message }).toEqual({
      code: 'EXTERNAL_UNAVAILABLE',
      status: 503,
      details: { system: 'registry', reason: 'api_key_refused', status: 401 },
      message: 'Không kết nối được Cơ sở dữ liệu quốc gia về dân cư. Vui lòng thử lại sau.',
    });
  });

  it('the simulator itself answers 401 in the JSON error shape without a key', async () => {
    const res = await fetch(`${sys.baseUrl}/sim/registry/v1/people/${people[0]!.cccd}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Khóa truy cập (x-api-key) không hợp lệ.',
    });
  });

  it('fails with EXTERNAL_UNAVAILABLE when nothing answers at the URL', async () => {
    const down = httpRegistry({ baseUrl: 'http://127.0.0.1:9/sim/registry', apiKey: 'x', timeoutMs: 2000 });
    const e = await rejection(down.verify({ idNumber: people[0]!.cccd, fullName: 'A', birthDate: '2000-01-01' }));
    expect(isAppError(e) && e.code).toBe('EXTERNAL_UNAVAILABLE');
    expect(isAppError(e) && e.details).toEqual({ system: 'registry', reason: 'network' });
  });
});

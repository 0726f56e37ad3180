import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { generatePopulation } from './population.generate.ts';
import { populationCommunes, seedPopulation } from './population.service.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => {
  await sys?.close();
});

const snapshot = async () => ({
  run: await sys.database.db.selectFrom('sim_population').selectAll().execute(),
  households: await sys.database.db.selectFrom('sim_households').selectAll().orderBy('id').execute(),
  people: await sys.database.db.selectFrom('sim_people').selectAll().orderBy('id').execute(),
});

describe('seeding the simulators\' population', () => {
  it('places households in the 102 communes of An Giang valid today', async () => {
    const communes = await populationCommunes(sys.database.db, '91');
    expect(communes).toHaveLength(102);
    const bySubtype = (s: string) => communes.filter((c) => c.subtype === s).length;
    expect([bySubtype('Xã'), bySubtype('Phường'), bySubtype('Đặc khu')]).toEqual([85, 14, 3]);
    expect(communes.find((c) => c.code === '30307')).toMatchObject({ name: 'Phường Long Xuyên', oldProvinceCode: '89' });
    expect(communes.find((c) => c.code === '31078')).toMatchObject({ subtype: 'Đặc khu', oldProvinceCode: '91' });
  });

  it('writes N people, exactly as generated, and changes nothing when run again with the same seed', async () => {
    const first = await seedPopulation(sys.database.db, { seed: 3, people: 1500 });
    expect(first).toMatchObject({ outcome: 'created', seed: 3, people: 1500 });
    const stored = await snapshot();
    expect(stored.people).toHaveLength(1500);
    expect(stored.households).toHaveLength(first.households);
    expect(stored.run).toMatchObject([{ seed: 3, people: 1500, households: first.households, generator_version: 1, as_of: '2026-01-01' }]);

    const expected = generatePopulation({ seed: 3, people: 1500, communes: await populationCommunes(sys.database.db, '91') });
    const p = expected.people[41]!;
    expect(stored.people[41]).toEqual({
      id: p.id,
      household_id: p.householdId,
      household_role: p.householdRole,
      full_name: p.fullName,
      surname: p.surname,
      middle_name: p.middleName,
      given_name: p.givenName,
      sex: p.sex,
      date_of_birth: p.dateOfBirth,
      birth_province_code: p.birthProvinceCode,
      cccd: p.cccd,
      cmnd: p.cmnd,
      mobile: p.mobile,
      mobile_2: p.mobile2,
      commune_code: p.communeCode,
      identity_level: p.identityLevel,
      status: p.status,
      date_of_death: p.dateOfDeath,
    });
    expect(stored.people.map((r) => r.cccd)).toEqual(expected.people.map((e) => e.cccd));
    expect(stored.households.map((r) => r.address)).toEqual(expected.households.map((e) => e.address));

    const again = await seedPopulation(sys.database.db, { seed: 3, people: 1500 });
    expect(again).toMatchObject({ outcome: 'unchanged', people: 1500, households: first.households, generateMs: 0, storeMs: 0 });
    expect(await snapshot()).toEqual(stored);
  });

  it('refuses another seed or size without replace, and leaves the population as it was', async () => {
    const before = await snapshot();
    await expect(seedPopulation(sys.database.db, { seed: 4, people: 1500 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { seed: 3, people: 1500, generatorVersion: 1 },
    });
    await expect(seedPopulation(sys.database.db, { seed: 3, people: 1600 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot()).toEqual(before);
  });

  it('replaces the population when asked', async () => {
    const before = await snapshot();
    const replaced = await seedPopulation(sys.database.db, { seed: 4, people: 800, replace: true });
    expect(replaced).toMatchObject({ outcome: 'replaced', seed: 4, people: 800 });
    const after = await snapshot();
    expect(after.people).toHaveLength(800);
    expect(after.households).toHaveLength(replaced.households);
    expect(after.run).toMatchObject([{ seed: 4, people: 800 }]);
    expect(after.people[0]!.cccd).not.toBe(before.people[0]!.cccd);
  });

  it('refuses a size that is not a positive integer', async () => {
    await expect(seedPopulation(sys.database.db, { seed: 1, people: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cccdMatchesBirth, nfc, parseCccd, parseCmnd, parseMobile, type MobileCarrier } from '@motcua/contracts';
import { GENERATOR_VERSION, POPULATION_AS_OF, generatePopulation, type SimPerson } from './population.generate.ts';
import { MAX_PARENT_GAP, MIN_PARENT_GAP } from './population.households.ts';
import { CARRIER_SHARES } from './population.ids.ts';
import { loadNameTables, loadReferenceCommunes } from './population.reference.ts';

const communes = loadReferenceCommunes();
const tables = loadNameTables();
const generate = (seed: number, people: number) => generatePopulation({ seed, people, communes, tables });
const N = 20_000;
const pop = generate(11, N);
const people = pop.people;

/** Completed years from `from` to `to` (YYYY-MM-DD). */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
const ageOf = (p: SimPerson) => yearsBetween(p.dateOfBirth, POPULATION_AS_OF);
const share = <T>(items: readonly T[], f: (t: T) => boolean) => items.filter(f).length / items.length;
const words = (p: SimPerson) => p.fullName.split(' ').length;
const firstMiddle = (p: SimPerson) => p.middleName?.split(' ')[0];
/** Asserts |actual − expected| ≤ tolerance. */
function expectNear(actual: number, expected: number, tolerance: number, label = '') {
  expect(Math.abs(actual - expected), `${label} ${actual.toFixed(4)} vs ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

describe('population generator: determinism', () => {
  it('gives equal populations for a seed and different ones for another seed', () => {
    expect(generate(11, N)).toEqual(pop);
    const other = generate(12, N);
    expect(other.people.map((p) => p.cccd)).not.toEqual(people.map((p) => p.cccd));
  });

  it('makes a smaller population the beginning of a larger one (apart from the last, cut household)', () => {
    const small = generate(11, 500);
    const whole = small.households.length - 1;
    expect(small.households.slice(0, whole)).toEqual(pop.households.slice(0, whole));
    const inWhole = small.people.filter((p) => p.householdId <= whole);
    expect(inWhole).toEqual(people.slice(0, inWhole.length));
  });

  it('is byte-identical to the pinned output (any machine, any Node version)', () => {
    // Pinned when GENERATOR_VERSION was set; a change of output must bump GENERATOR_VERSION and this hash.
    const json = JSON.stringify(generate(1, 2000));
    expect(GENERATOR_VERSION).toBe(1);
    expect(crypto.createHash('sha256').update(json).digest('hex')).toBe('36b2655467ece51c5321c5c954216405321472042120af75f0803a39986702be');
  });
});

describe('population generator: identification numbers', () => {
  it('issues CCCD numbers that parse and agree with the birth date, sex and place of birth', () => {
    for (const p of people) {
      const parsed = parseCccd(p.cccd, { currentYear: 2026 });
      expect(parsed.ok, p.cccd).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.provinceCode).toBe(p.birthProvinceCode);
      expect(cccdMatchesBirth(p.cccd, p.dateOfBirth, p.sex), `${p.cccd} ${p.dateOfBirth} ${p.sex}`).toBe(true);
    }
  });

  it('issues old CMND numbers only with known prefixes, and only to people born before 2000', () => {
    const withCmnd = people.filter((p) => p.cmnd !== null);
    expect(withCmnd.length).toBeGreaterThan(N * 0.1);
    for (const p of withCmnd) {
      const parsed = parseCmnd(p.cmnd!);
      expect(parsed.ok && parsed.issuingPrefix !== null, p.cmnd!).toBe(true);
      expect(p.dateOfBirth < '2000-01-01').toBe(true);
    }
    // Residents of the old An Giang born before 1990: 70% keep a CMND with An Giang's prefix 35.
    const oldAnGiang = new Set(communes.filter((c) => c.oldProvinceCode === '89').map((c) => c.code));
    const older = people.filter((p) => p.dateOfBirth < '1990-01-01' && oldAnGiang.has(p.communeCode));
    expectNear(share(older, (p) => p.cmnd?.startsWith('35') === true), 0.7, 0.03);
  });

  it('issues valid 10-digit mobile numbers, none to children under 14, two to some adults', () => {
    for (const p of people) {
      for (const m of [p.mobile, p.mobile2]) {
        if (m === null) continue;
        const parsed = parseMobile(m);
        expect(parsed.ok && parsed.national === m && !parsed.converted, m).toBe(true);
      }
      if (ageOf(p) < 14) expect(p.mobile).toBeNull();
      if (p.mobile2 !== null) expect(p.mobile).not.toBeNull();
    }
    const adults = people.filter((p) => ageOf(p) >= 18);
    expect(share(adults, (p) => p.mobile !== null)).toBeGreaterThan(0.88);
    expect(share(adults, (p) => p.mobile2 !== null)).toBeGreaterThan(0.1);
    expect(share(adults, (p) => p.mobile2 !== null)).toBeLessThan(0.25);
  });

  it('never gives the same CCCD, CMND or mobile number twice', () => {
    const unique = (values: (string | null)[]) => {
      const present = values.filter((v): v is string => v !== null);
      expect(new Set(present).size).toBe(present.length);
    };
    unique(people.map((p) => p.cccd));
    unique(people.map((p) => p.cmnd));
    unique(people.flatMap((p) => [p.mobile, p.mobile2]));
  });

  it('spreads mobile numbers over carriers by market share', () => {
    const carriers = people.flatMap((p) => [p.mobile, p.mobile2]).filter((m): m is string => m !== null).map((m) => {
      const parsed = parseMobile(m);
      if (!parsed.ok) throw new Error(m);
      return parsed.carrier;
    });
    const shareOf = (c: MobileCarrier) => share(carriers, (x) => x === c);
    for (const c of ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'] as const) expectNear(shareOf(c), CARRIER_SHARES[c] / 100, 0.015, c);
    const others = 1 - shareOf('Viettel') - shareOf('VinaPhone') - shareOf('MobiFone');
    expect(shareOf('Viettel')).toBeGreaterThan(shareOf('VinaPhone'));
    expect(shareOf('VinaPhone')).toBeGreaterThan(shareOf('MobiFone'));
    expect(shareOf('MobiFone')).toBeGreaterThan(others);
    expect(others).toBeGreaterThan(0.03);
  });
});

describe('population generator: names', () => {
  const women = people.filter((p) => p.sex === 'female');
  const men = people.filter((p) => p.sex === 'male');

  it('writes every text in NFC and the full name as surname, middle and given name', () => {
    for (const p of people) {
      expect(p.fullName).toBe([p.surname, p.middleName, p.givenName].filter((w) => w !== null).join(' '));
      for (const s of [p.fullName, p.surname, p.middleName ?? '', p.givenName]) expect(s).toBe(nfc(s));
      expect(p.fullName).not.toMatch(/\[|\s{2}/);
    }
    for (const h of pop.households) expect(h.address).toBe(nfc(h.address));
  });

  it('follows the word counts of the structure table: women mostly 4 words, men mostly 3', () => {
    // names_structure_middle_names.csv (SG01): women 64.559% four words, men 72.75% three words.
    expectNear(share(women, (p) => words(p) === 4), 0.6456, 0.015);
    expectNear(share(women, (p) => words(p) === 3), 0.3474, 0.015);
    expectNear(share(men, (p) => words(p) === 3), 0.7275, 0.015);
    expectNear(share(men, (p) => words(p) === 4), 0.2615, 0.015);
    expect(share(people, (p) => words(p) < 2 || words(p) > 5)).toBe(0);
  });

  it('uses Thị and Ngọc as first middle names of more than 17% of women each, Văn rarely for young men', () => {
    const womenWithMiddle = women.filter((p) => p.middleName !== null);
    expect(share(womenWithMiddle, (p) => firstMiddle(p) === 'Thị')).toBeGreaterThan(0.17);
    expect(share(womenWithMiddle, (p) => firstMiddle(p) === 'Ngọc')).toBeGreaterThan(0.17);
    const menWithMiddle = men.filter((p) => p.middleName !== null);
    expect(share(menWithMiddle.filter((p) => p.dateOfBirth >= '2007'), (p) => firstMiddle(p) === 'Văn')).toBeLessThan(0.04);
    expect(share(menWithMiddle.filter((p) => p.dateOfBirth < '1970'), (p) => firstMiddle(p) === 'Văn')).toBeGreaterThan(0.45);
  });

  it('draws surnames by national weight, with the southern Huỳnh and Võ', () => {
    const surname = (s: string) => share(people, (p) => p.surname === s);
    expectNear(surname('Nguyễn'), 0.384, 0.015);
    expectNear(surname('Trần'), 0.121, 0.01);
    expectNear(surname('Lê'), 0.095, 0.01);
    expect(surname('Huỳnh')).toBeGreaterThan(5 * surname('Hoàng'));
    expect(surname('Võ')).toBeGreaterThan(5 * surname('Vũ'));
  });

  it('gives children their father\'s surname as a rule', () => {
    let same = 0;
    let total = 0;
    for (const h of pop.households) {
      const members = people.filter((p) => p.householdId === h.id);
      const father = members.find((p) => (p.householdRole === 'head' || p.householdRole === 'spouse') && p.sex === 'male');
      if (!father) continue;
      for (const c of members.filter((p) => p.householdRole === 'child')) {
        total++;
        if (c.surname === father.surname) same++;
      }
    }
    expect(same / total).toBeGreaterThan(0.95);
  });
});

describe('population generator: ages, identity and status', () => {
  it('follows the broad age groups of the 2024 mid-term population survey', () => {
    // GSO, Điều tra dân số và nhà ở giữa kỳ 2024: under 15 23.3%, 15–64 67.4%, 65 and over 9.3%.
    expectNear(share(people, (p) => ageOf(p) < 15), 0.233, 0.015, '0–14');
    expectNear(share(people, (p) => ageOf(p) >= 15 && ageOf(p) < 65), 0.674, 0.015, '15–64');
    expectNear(share(people, (p) => ageOf(p) >= 65), 0.093, 0.015, '65+');
    // No hole or spike in the pyramid below 60: every five-year band holds 4–11%.
    for (let a = 0; a < 60; a += 5) {
      const band = share(people, (p) => ageOf(p) >= a && ageOf(p) < a + 5);
      expect(band, `${a}–${a + 4}`).toBeGreaterThan(0.04);
      expect(band, `${a}–${a + 4}`).toBeLessThan(0.11);
    }
    expectNear(share(people, (p) => p.sex === 'female'), 0.505, 0.015);
  });

  it('gives VNeID level 2 to about 62% of adults and no account to children under 14', () => {
    const adults = people.filter((p) => ageOf(p) >= 18);
    expectNear(share(adults, (p) => p.identityLevel === 2), 0.62, 0.02);
    expectNear(share(adults, (p) => p.identityLevel === 1), 0.14, 0.015);
    for (const p of people) {
      if (ageOf(p) < 14) expect(p.identityLevel).toBe(0);
      if (p.identityLevel > 0) expect(p.mobile).not.toBeNull();
    }
  });

  it('marks a small share as deceased, never a head, with a date of death after birth', () => {
    const dead = people.filter((p) => p.status === 'deceased');
    expect(dead.length / N).toBeGreaterThan(0.001);
    expect(dead.length / N).toBeLessThan(0.02);
    for (const p of people) {
      expect(p.dateOfDeath !== null).toBe(p.status === 'deceased');
      if (p.dateOfDeath) {
        expect(p.householdRole).not.toBe('head');
        expect(p.dateOfDeath >= p.dateOfBirth && p.dateOfDeath < POPULATION_AS_OF).toBe(true);
      }
    }
  });

  it('registers most births in An Giang (089) or Kiên Giang (091)', () => {
    expect(share(people, (p) => p.birthProvinceCode === '089' || p.birthProvinceCode === '091')).toBeGreaterThan(0.85);
    expect(share(people, (p) => p.birthProvinceCode === '089')).toBeGreaterThan(0.3);
    expect(share(people, (p) => p.birthProvinceCode === '091')).toBeGreaterThan(0.3);
  });
});

describe('population generator: households', () => {
  const members = new Map<number, SimPerson[]>();
  for (const p of people) members.set(p.householdId, [...(members.get(p.householdId) ?? []), p]);
  const communeCodes = new Set(communes.map((c) => c.code));

  it('has one head per household, 1–7 members, all in the commune of the household', () => {
    expect(communeCodes.size).toBe(102);
    expect(members.size).toBe(pop.households.length);
    for (const h of pop.households) {
      const m = members.get(h.id)!;
      expect(m.length).toBe(h.memberCount);
      expect(h.memberCount).toBeGreaterThanOrEqual(1);
      expect(h.memberCount).toBeLessThanOrEqual(7);
      expect(m.filter((p) => p.householdRole === 'head')).toHaveLength(1);
      expect(m[0]!.householdRole).toBe('head');
      expect(communeCodes.has(h.communeCode)).toBe(true);
      for (const p of m) expect(p.communeCode).toBe(h.communeCode);
      expect(h.address.endsWith(', tỉnh An Giang')).toBe(true);
      expect(h.code.startsWith(`${h.communeCode}-`)).toBe(true);
    }
    expect(new Set(pop.households.map((h) => h.code)).size).toBe(pop.households.length);
    const mean = N / pop.households.length;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(4);
  });

  it('keeps parents 18–45 years older than their children', () => {
    const pairs: [SimPerson, SimPerson][] = [];
    for (const m of members.values()) {
      const of = (...roles: string[]) => m.filter((p) => roles.includes(p.householdRole));
      for (const child of of('child')) for (const parent of of('head', 'spouse')) pairs.push([parent, child]);
      for (const grandchild of of('grandchild')) for (const parent of of('child', 'child_in_law')) pairs.push([parent, grandchild]);
      for (const parent of of('parent')) pairs.push([parent, m[0]!]);
      const spouses = of('spouse');
      expect(spouses.length).toBeLessThanOrEqual(1);
      if (spouses[0]) expect(spouses[0].sex).not.toBe(m[0]!.sex);
    }
    expect(pairs.length).toBeGreaterThan(N / 2);
    for (const [parent, child] of pairs) {
      const gap = yearsBetween(parent.dateOfBirth, child.dateOfBirth);
      expect(gap >= MIN_PARENT_GAP - 1 && gap <= MAX_PARENT_GAP + 1, `${parent.dateOfBirth} → ${child.dateOfBirth}`).toBe(true);
    }
  });

  it('mixes household kinds: people alone, couples, children, grandparents', () => {
    const sizes = pop.households.map((h) => h.memberCount);
    expect(share(sizes, (s) => s === 1)).toBeGreaterThan(0.05);
    expect(share(sizes, (s) => s >= 6)).toBeGreaterThan(0.03);
    expect(share(people, (p) => p.householdRole === 'parent' || p.householdRole === 'grandchild')).toBeGreaterThan(0.07);
  });
});

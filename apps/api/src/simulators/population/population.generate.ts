/**
 * The synthetic population of An Giang: the residents the population-registry and VNeID simulators
 * serve (DESIGN §3.4). Deterministic: the same seed, size and reference date give the same people,
 * byte for byte, on any machine and Node version — one seeded PRNG (mulberry32), integer and
 * correctly-rounded arithmetic only, no locale-dependent operation, and a fixed reference date rather
 * than the clock. Households are drawn one after another, so a smaller population with the same seed
 * is the beginning of a larger one.
 */
import { Random } from '../../demo/random.ts';
import { AddressBook } from './population.addresses.ts';
import { planHousehold, type MemberPlan } from './population.households.ts';
import { UniqueNumbers, cmndPrefixFor, drawBirthProvince, drawCccd, drawMobile } from './population.ids.ts';
import { NameMaker, fullNameOf } from './population.names.ts';
import { loadNameTables, type NameTables, type PopulationCommune } from './population.reference.ts';
import type { HouseholdRole, IdentityLevel, SimPersonStatus, SimSex } from './population.tables.ts';

/** Reference date of the generator: ages, phones and identity levels are as on this day. */
export const POPULATION_AS_OF = '2026-01-01';
/** Bump when a change to the generator changes its output for a given seed. */
export const GENERATOR_VERSION = 1;

export interface SimHousehold {
  id: number;
  code: string;
  communeCode: string;
  houseNumber: string;
  street: string | null;
  hamlet: string;
  address: string;
  memberCount: number;
}

export interface SimPerson {
  id: number;
  householdId: number;
  householdRole: HouseholdRole;
  fullName: string;
  surname: string;
  middleName: string | null;
  givenName: string;
  sex: SimSex;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  birthProvinceCode: string;
  cccd: string;
  cmnd: string | null;
  mobile: string | null;
  mobile2: string | null;
  communeCode: string;
  identityLevel: IdentityLevel;
  status: SimPersonStatus;
  dateOfDeath: string | null;
}

export interface Population {
  asOf: string;
  households: SimHousehold[];
  people: SimPerson[];
}

export interface GenerateOptions {
  seed: number;
  /** Exact number of people; the last household is cut to fit. */
  people: number;
  communes: readonly PopulationCommune[];
  /** Default POPULATION_AS_OF. Must not be later than today, or the youngest CCCDs would encode a future year. */
  asOf?: string;
  /** Default: read from data/reference. */
  tables?: NameTables;
}

// Dates as days since 1970-01-01 (UTC), so that no host time zone enters.
const DAY_MS = 86_400_000;
const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
function parseIso(s: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A birth date at which the person is exactly `age` completed years old on `asOf`. */
function birthDateFor(rng: Random, asOf: [number, number, number], age: number): number {
  const [y, m, d] = asOf;
  const latest = epochDay(y - age, m, d);
  const earliest = epochDay(y - age - 1, m, d) + 1;
  return earliest + rng.int(0, latest - earliest);
}

/** How many mobile numbers a person holds: none under 14; fewer among the oldest (our approximation). */
function mobileCount(rng: Random, age: number): 0 | 1 | 2 {
  const [own, second] = age < 14 ? [0, 0] : age < 18 ? [0.75, 0.05] : age < 60 ? [0.97, 0.2] : age < 75 ? [0.85, 0.08] : [0.55, 0.02];
  if (!rng.chance(own)) return 0;
  return rng.chance(second) ? 2 : 1;
}

/**
 * VNeID level of a person with a phone (an account needs one); none under 14. Level 2 needs a visit to
 * the police with a chip CCCD, so it is less common among the oldest. Our approximation of the state
 * after the activation drives (seed 003 asks for 100% of eligible citizens).
 */
function identityLevel(rng: Random, age: number, hasMobile: boolean): IdentityLevel {
  if (!hasMobile || age < 14) return 0;
  const [level2, level1] = age < 18 ? [0.45, 0.25] : age < 60 ? [0.7, 0.15] : age < 75 ? [0.55, 0.15] : [0.35, 0.1];
  const r = rng.next();
  return r < level2 ? 2 : r < level2 + level1 ? 1 : 0;
}

/** Chance that a member (never the head) has died and is still listed; mostly the old. */
function deathChance(age: number): number {
  return age < 60 ? 0.001 : age < 70 ? 0.015 : age < 80 ? 0.04 : 0.1;
}

/** Share of residents born before 1990 (and 1990–1999) who still have an old CMND on record. */
function cmndChance(birthYear: number): number {
  return birthYear < 1990 ? 0.7 : birthYear < 2000 ? 0.3 : 0;
}

// Whether births registered after the 1/7/2025 reform get new province codes is not known (SOURCES.md
// §2). We give them 091: it is both the old Kiên Giang code and "0" + the new An Giang code 91.
const REFORM_DAY = epochDay(2025, 7, 1);

interface Draft {
  plan: MemberPlan;
  birthDay: number;
  surname?: string;
  birthCode?: string;
  person?: SimPerson;
}

/** Generates the population. Throws if `people` is not a positive integer. */
export function generatePopulation(opts: GenerateOptions): Population {
  if (!Number.isInteger(opts.people) || opts.people < 1) throw new Error('people must be a positive integer');
  const asOfText = opts.asOf ?? POPULATION_AS_OF;
  const asOf = parseIso(asOfText);
  const asOfDay = epochDay(...asOf);
  const rng = new Random(opts.seed);
  const names = new NameMaker(opts.tables ?? loadNameTables());
  const addresses = new AddressBook(opts.seed, opts.communes);
  const cccds = new UniqueNumbers();
  const cmnds = new UniqueNumbers();
  const mobiles = new UniqueNumbers();
  const households: SimHousehold[] = [];
  const people: SimPerson[] = [];

  while (people.length < opts.people) {
    const commune = addresses.commune(rng);
    const home = commune.oldProvinceCode === '89' ? '089' : '091';
    const islandZone = commune.code === '31078';
    const where = addresses.address(rng, commune);
    const householdId = households.length + 1;

    // Cut the last household to size, forgetting links to members left out.
    const planned = planHousehold(rng).members.slice(0, opts.people - people.length);
    const kept = (i: number | undefined) => (i !== undefined && i < planned.length ? i : undefined);
    const drafts: Draft[] = planned.map((m) => ({
      plan: { ...m, father: kept(m.father), mother: kept(m.mother) },
      birthDay: birthDateFor(rng, asOf, m.age),
    }));
    // Parents are always older than their children: going from the oldest down, a parent's surname
    // and place of birth are known before their children's are drawn.
    const order = drafts.map((_, i) => i).sort((a, b) => drafts[b]!.plan.age - drafts[a]!.plan.age || a - b);
    const absentFatherSurname = names.surname(rng);

    for (const i of order) {
      const d = drafts[i]!;
      const { plan } = d;
      const father = plan.father === undefined ? undefined : drafts[plan.father];
      const mother = plan.mother === undefined ? undefined : drafts[plan.mother];
      // Children take the father's surname; a few take the mother's.
      if (father) d.surname = rng.chance(0.97) ? father.surname! : (mother?.surname ?? father.surname!);
      else if (mother) d.surname = rng.chance(0.8) ? absentFatherSurname : mother.surname!;
      else d.surname = names.surname(rng);

      if (d.birthDay >= REFORM_DAY) d.birthCode = '091';
      else if (plan.age < 18 && (father || mother)) {
        // Most children are born where the family lives; some where the mother's family lives.
        d.birthCode = mother && rng.chance(0.07) ? mother.birthCode! : home;
      } else d.birthCode = drawBirthProvince(rng, home, islandZone);

      const dateOfBirth = isoOf(d.birthDay);
      const birthYear = Number(dateOfBirth.slice(0, 4));
      const name = names.name(rng, { sex: plan.sex, birthYear, surname: d.surname, motherSurname: mother?.surname });
      const cccd = drawCccd(rng, cccds, d.birthCode, birthYear, plan.sex);
      const cmndPrefix = rng.chance(cmndChance(birthYear)) ? cmndPrefixFor(commune.oldProvinceCode, d.birthCode) : null;
      const cmnd = cmndPrefix === null ? null : cmnds.draw(rng, cmndPrefix, 9);
      const phones = mobileCount(rng, plan.age);
      const mobile = phones >= 1 ? drawMobile(rng, mobiles) : null;
      const mobile2 = phones === 2 ? drawMobile(rng, mobiles) : null;
      const level = identityLevel(rng, plan.age, mobile !== null);
      const dies = plan.role !== 'head' && rng.chance(deathChance(plan.age));
      // Died within the three years before the reference date, never before birth.
      const deathDay = dies ? Math.max(d.birthDay, asOfDay - rng.int(1, 3 * 365)) : null;

      d.person = {
        id: 0,
        householdId,
        householdRole: plan.role,
        fullName: fullNameOf(name),
        surname: name.surname,
        middleName: name.middle.length ? name.middle.join(' ') : null,
        givenName: name.given,
        sex: plan.sex,
        dateOfBirth,
        birthProvinceCode: d.birthCode,
        cccd,
        cmnd,
        mobile,
        mobile2,
        communeCode: commune.code,
        identityLevel: level,
        status: dies ? 'deceased' : 'alive',
        dateOfDeath: deathDay === null ? null : isoOf(deathDay),
      };
    }
    // Stored in household order (head first), numbered in that order.
    for (const d of drafts) people.push({ ...d.person!, id: people.length + 1 });
    households.push({ id: householdId, code: addresses.nextCode(commune.code), communeCode: commune.code, ...where, memberCount: drafts.length });
  }
  return { asOf: asOfText, households, people };
}

/**
 * Household compositions: who lives together, their sex, age and family links. Names, numbers and
 * dates are added by population.generate.ts.
 *
 * Every parent is 19–44 whole years older than each of their children, so that with birthdays drawn
 * inside the year the exact gap stays within 18–45 years. The mix of household types and the age
 * draws are our approximation, calibrated so that the resulting pyramid matches the broad age groups
 * of Việt Nam's 2024 mid-term population survey (see docs/population.md); sizes stay within 1–7.
 */
import type { Random } from '../../demo/random.ts';
import type { HouseholdRole, SimSex } from './population.tables.ts';

export interface MemberPlan {
  role: HouseholdRole;
  sex: SimSex;
  /** Completed years on the reference date. */
  age: number;
  /** Indexes, within the household, of the father and mother when they live in it. */
  father?: number;
  mother?: number;
}

export type HouseholdKind = 'single' | 'couple' | 'nuclear' | 'single_parent' | 'three_generation' | 'elder_headed';

// Shares of household kinds (our approximation; mean size about 3.6, close to the Mekong's).
const KINDS: { value: HouseholdKind; weight: number }[] = [
  { value: 'single', weight: 10 },
  { value: 'couple', weight: 13 },
  { value: 'nuclear', weight: 44 },
  { value: 'single_parent', weight: 6 },
  { value: 'three_generation', weight: 13 },
  { value: 'elder_headed', weight: 14 },
];

export const MIN_PARENT_GAP = 19;
export const MAX_PARENT_GAP = 44;
const MAX_AGE = 100;

/** An integer in [min, max] with a triangular density peaking at `mode`. */
function triangular(rng: Random, min: number, mode: number, max: number): number {
  const u = rng.next();
  const c = (mode - min) / (max - min);
  const x = u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.min(max, Math.max(min, Math.round(x)));
}

const childSex = (rng: Random): SimSex => (rng.chance(0.515) ? 'male' : 'female');

/** Husband's age for a wife's: usually a few years older. */
function husbandAge(rng: Random, wifeAge: number): number {
  return Math.min(MAX_AGE, Math.max(18, wifeAge + rng.weighted(AGE_GAPS)));
}
const AGE_GAPS = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10].map((value, i) => ({ value, weight: [2, 4, 7, 10, 13, 13, 11, 9, 7, 5, 4, 3][i]! }));

const CHILD_COUNTS = [
  { value: 1, weight: 33 },
  { value: 2, weight: 48 },
  { value: 3, weight: 19 },
];

/**
 * Ages of up to `count` children of parents aged `parents` (one or two), eldest first, each 19–44
 * years younger than every parent. The eldest is born when the mother (first parent) is 19–38.
 */
function childAges(rng: Random, parents: number[], count: number): number[] {
  const oldest = Math.max(...parents);
  const youngest = Math.min(...parents);
  const low = Math.max(0, oldest - MAX_PARENT_GAP);
  const high = youngest - MIN_PARENT_GAP;
  if (count < 1 || high < low) return [];
  let age = Math.min(high, Math.max(low, parents[0]! - triangular(rng, 19, 25, 38)));
  const ages = [age];
  for (let i = 1; i < count; i++) {
    age -= rng.int(2, 7);
    if (age < low) break;
    ages.push(age);
  }
  return ages;
}

function addChildren(rng: Random, members: MemberPlan[], role: HouseholdRole, father: number | undefined, mother: number | undefined, count: number) {
  const parents = [mother, father].filter((i): i is number => i !== undefined).map((i) => members[i]!.age);
  for (const age of childAges(rng, parents, count)) members.push({ role, sex: childSex(rng), age, father, mother });
}

/** A couple (head first) and its children. `wifeAge` decides the family's stage of life. */
function nuclear(rng: Random, wifeAge: number, children: number): MemberPlan[] {
  const husband = husbandAge(rng, wifeAge);
  // About one household in four is registered under the wife's name.
  const wifeIsHead = rng.chance(0.25);
  const members: MemberPlan[] = wifeIsHead
    ? [{ role: 'head', sex: 'female', age: wifeAge }, { role: 'spouse', sex: 'male', age: husband }]
    : [{ role: 'head', sex: 'male', age: husband }, { role: 'spouse', sex: 'female', age: wifeAge }];
  const father = wifeIsHead ? 1 : 0;
  addChildren(rng, members, 'child', father, 1 - father, children);
  return members;
}

/** One or two parents of the head (index 0), living with the family. */
function addHeadsParents(rng: Random, members: MemberPlan[]) {
  const head = members[0]!;
  const gapped = (age: number) => Math.min(MAX_AGE, head.age + MAX_PARENT_GAP, Math.max(head.age + MIN_PARENT_GAP, age));
  const motherAge = gapped(head.age + triangular(rng, MIN_PARENT_GAP, 25, MAX_PARENT_GAP - 6));
  // Women outlive men: a lone parent is the mother three times in four.
  const both = rng.chance(0.4);
  const withMother = both || rng.chance(0.75);
  if (withMother) {
    head.mother = members.length;
    members.push({ role: 'parent', sex: 'female', age: motherAge });
  }
  if (both || !withMother) {
    head.father = members.length;
    members.push({ role: 'parent', sex: 'male', age: gapped(husbandAge(rng, motherAge)) });
  }
}

/** Draws one household's composition. */
export function planHousehold(rng: Random): { kind: HouseholdKind; members: MemberPlan[] } {
  const kind = rng.weighted(KINDS);
  switch (kind) {
    case 'single': {
      // Mostly older people living alone, more often widows; some young workers.
      const old = rng.chance(0.45);
      const age = old ? triangular(rng, 58, 67, 92) : triangular(rng, 20, 28, 59);
      const sex: SimSex = rng.chance(old ? 0.25 : 0.55) ? 'male' : 'female';
      return { kind, members: [{ role: 'head', sex, age }] };
    }
    case 'couple': {
      // Young couples before their first child, and older couples whose children have left.
      const wifeAge = rng.chance(0.4) ? triangular(rng, 19, 25, 34) : triangular(rng, 45, 56, 82);
      return { kind, members: nuclear(rng, wifeAge, 0) };
    }
    case 'nuclear':
      return { kind, members: nuclear(rng, triangular(rng, 21, 38, 60), rng.weighted(CHILD_COUNTS)) };
    case 'single_parent': {
      const age = triangular(rng, 24, 38, 58);
      const members: MemberPlan[] = [{ role: 'head', sex: rng.chance(0.85) ? 'female' : 'male', age }];
      const isMother = members[0]!.sex === 'female';
      addChildren(rng, members, 'child', isMother ? undefined : 0, isMother ? 0 : undefined, rng.chance(0.6) ? 1 : 2);
      return { kind, members };
    }
    case 'three_generation': {
      // A family with the head's parent(s): up to 2 + 3 + 2 = 7 people.
      const members = nuclear(rng, triangular(rng, 24, 38, 55), rng.weighted(CHILD_COUNTS));
      addHeadsParents(rng, members);
      return { kind, members };
    }
    case 'elder_headed': {
      // The house is in the grandparents' name; a married child lives with them with the grandchildren,
      // more often a son (the custom is for the wife to move in with his family).
      const grandmother = triangular(rng, 46, 57, 82);
      let members = nuclear(rng, grandmother, 0);
      // Three widowed grandparents in ten; the survivor is more often the grandmother.
      if (rng.chance(0.3)) {
        const survivorSex: SimSex = rng.chance(0.7) ? 'female' : 'male';
        const survivor = members.find((m) => m.sex === survivorSex)!;
        members = [{ ...survivor, role: 'head' }];
      }
      const elderMother = members.findIndex((m) => m.sex === 'female');
      const elderFather = members.findIndex((m) => m.sex === 'male');
      const parentAges = members.map((m) => m.age);
      const childAge = Math.max(20, Math.min(...parentAges) - triangular(rng, 21, 27, 40));
      if (Math.max(...parentAges) - childAge > MAX_PARENT_GAP || Math.min(...parentAges) - childAge < MIN_PARENT_GAP) {
        return { kind, members };
      }
      const son = rng.chance(0.65);
      const child = members.length;
      members.push({
        role: 'child',
        sex: son ? 'male' : 'female',
        age: childAge,
        father: elderFather < 0 ? undefined : elderFather,
        mother: elderMother < 0 ? undefined : elderMother,
      });
      if (!rng.chance(0.85)) return { kind, members };
      const inLawAge = son ? Math.max(18, childAge - rng.weighted(AGE_GAPS)) : husbandAge(rng, childAge);
      const inLaw = members.length;
      members.push({ role: 'child_in_law', sex: son ? 'female' : 'male', age: inLawAge });
      const [father, mother] = son ? [child, inLaw] : [inLaw, child];
      addChildren(rng, members, 'grandchild', father, mother, rng.weighted(CHILD_COUNTS));
      return { kind, members };
    }
  }
}

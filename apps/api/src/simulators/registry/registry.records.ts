/**
 * What the simulated registry answers about a person, built from the synthetic population. The
 * generator stores each person's role in the household (relative to its head), not parent links, so
 * family ties are read off the roles the way the generator builds households (population.households.ts):
 * a `child` is the child of the head and of the head's spouse; a `grandchild` is the child of the
 * married `child` and the `child_in_law`; `parent`s are the head's parents. Facts the population does
 * not hold (ethnicity, religion, quê quán, temporary residence) are null: the simulator never invents
 * them. Pure functions, tested without a database.
 */
import { findCccdProvince, namesEqual } from '@motcua/contracts';
import type {
  RegistryHousehold,
  RegistryHouseholdMember,
  RegistryMismatch,
  RegistryPerson,
  RegistryRelative,
  RegistryVerifyRequest,
  RegistryVerifyResponse,
} from '../../modules/registry/registry.protocol.ts';
import type { HouseholdRole, SimSex } from '../population/population.tables.ts';
import type { SimHouseholdRow, SimPersonRow } from './registry.repo.ts';

/** "Quan hệ với chủ hộ" as written in the residence register. */
export function relationshipLabel(role: HouseholdRole, sex: SimSex): string {
  switch (role) {
    case 'head':
      return 'Chủ hộ';
    case 'spouse':
      return sex === 'male' ? 'Chồng' : 'Vợ';
    case 'child':
      return 'Con';
    case 'child_in_law':
      return sex === 'male' ? 'Con rể' : 'Con dâu';
    case 'grandchild':
      return 'Cháu';
    case 'parent':
      return sex === 'male' ? 'Cha' : 'Mẹ';
  }
}

const relative = (p: SimPersonRow | undefined): RegistryRelative | null => (p ? { fullName: p.full_name, idNumber: p.cccd } : null);

/** Father, mother and spouse of `person` among the members of their household, as far as the roles tell. */
export function familyOf(person: SimPersonRow, members: SimPersonRow[]): { father: SimPersonRow | undefined; mother: SimPersonRow | undefined; spouse: SimPersonRow | undefined } {
  const others = members.filter((m) => m.id !== person.id);
  const withRole = (...roles: HouseholdRole[]) => others.filter((m) => roles.includes(m.household_role));
  let parents: SimPersonRow[] = [];
  let spouse: SimPersonRow | undefined;
  switch (person.household_role) {
    case 'head':
      parents = withRole('parent');
      spouse = withRole('spouse')[0];
      break;
    case 'spouse':
      spouse = withRole('head')[0];
      break;
    case 'child':
      parents = withRole('head', 'spouse');
      // Only the married child lives with a child-in-law (one per household).
      spouse = withRole('child_in_law')[0];
      break;
    case 'child_in_law':
      spouse = withRole('child')[0];
      break;
    case 'grandchild':
      parents = withRole('child', 'child_in_law');
      break;
    case 'parent':
      spouse = withRole('parent').find((m) => m.sex !== person.sex);
      break;
  }
  return { father: parents.find((m) => m.sex === 'male'), mother: parents.find((m) => m.sex === 'female'), spouse };
}

/** The person's registry record. */
export function personRecord(person: SimPersonRow, household: SimHouseholdRow, members: SimPersonRow[]): RegistryPerson {
  const head = members.find((m) => m.household_role === 'head') ?? person;
  const family = familyOf(person, members);
  return {
    idNumber: person.cccd,
    oldIdNumber: person.cmnd,
    fullName: person.full_name,
    birthDate: person.date_of_birth,
    sex: person.sex,
    // A CCCD is issued only to Vietnamese citizens.
    nationality: 'Việt Nam',
    ethnicity: null,
    religion: null,
    // The province where the birth was registered, which the CCCD's first three digits encode.
    placeOfBirth: findCccdProvince(person.birth_province_code)?.name ?? null,
    placeOfOrigin: null,
    maritalStatus: family.spouse ? 'Đã kết hôn' : null,
    permanentAddress: household.address,
    temporaryAddress: null,
    currentAddress: household.address,
    communeCode: household.commune_code,
    household: {
      code: household.code,
      relationshipToHead: relationshipLabel(person.household_role, person.sex),
      headFullName: head.full_name,
      headIdNumber: head.cccd,
    },
    father: relative(family.father),
    mother: relative(family.mother),
    spouse: relative(family.spouse),
    phones: [person.mobile, person.mobile_2].filter((m): m is string => m !== null),
    status: person.status,
    dateOfDeath: person.date_of_death,
  };
}

export function householdRecord(household: SimHouseholdRow, members: SimPersonRow[]): RegistryHousehold {
  return {
    code: household.code,
    address: household.address,
    communeCode: household.commune_code,
    members: members.map(
      (m): RegistryHouseholdMember => ({
        idNumber: m.cccd,
        fullName: m.full_name,
        birthDate: m.date_of_birth,
        sex: m.sex,
        relationshipToHead: relationshipLabel(m.household_role, m.sex),
        status: m.status,
      }),
    ),
  };
}

const REGISTRY = 'Cơ sở dữ liệu quốc gia về dân cư';

/**
 * Compares what was declared with the record, field by field. The answer says which fields differ,
 * never what the registry holds (a verification service must not become a lookup service).
 */
export function verifyAgainst(req: RegistryVerifyRequest, person: SimPersonRow | undefined): RegistryVerifyResponse {
  if (!person) {
    return { match: false, mismatches: [{ field: 'idNumber', message: `Số định danh cá nhân không có trong ${REGISTRY}.` }] };
  }
  const mismatches: RegistryMismatch[] = [];
  if (person.status === 'deceased') {
    mismatches.push({ field: 'idNumber', message: `Số định danh cá nhân thuộc về công dân đã được khai tử trong ${REGISTRY}.` });
  }
  if (!namesEqual(req.fullName.normalize('NFC'), person.full_name)) {
    mismatches.push({ field: 'fullName', message: `Họ, chữ đệm và tên không khớp với ${REGISTRY}.` });
  }
  if (req.birthDate !== person.date_of_birth) {
    mismatches.push({ field: 'birthDate', message: `Ngày, tháng, năm sinh không khớp với ${REGISTRY}.` });
  }
  return { match: mismatches.length === 0, mismatches };
}

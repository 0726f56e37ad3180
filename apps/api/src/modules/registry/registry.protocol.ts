/**
 * The wire format of the population-registry service (CSDL quốc gia về dân cư), version 1: what the
 * adapter sends and expects, and what the simulator serves. The adapter checks every answer against
 * these schemas, because an external system that changes its format must fail loudly, not fill a
 * citizen's form with undefined. Field meanings: docs/registry.md.
 */
import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Text = Type.String();
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IdNumber = Type.String({ pattern: '^[0-9]{12}$' });

export const RegistrySex = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export const RegistryStatus = Type.Union([Type.Literal('alive'), Type.Literal('deceased')]);

/** A relative named in the person's record (cha, mẹ, vợ/chồng). */
export const RegistryRelative = Type.Object({ fullName: Text, idNumber: Nullable(IdNumber) });
export type RegistryRelative = Static<typeof RegistryRelative>;

/** The person's place in their household (hộ gia đình). */
export const RegistryHouseholdRef = Type.Object({
  code: Text,
  /** Quan hệ với chủ hộ, as the registry words it: "Chủ hộ", "Vợ", "Con", "Con dâu", "Cháu", "Mẹ" … */
  relationshipToHead: Text,
  headFullName: Text,
  headIdNumber: IdNumber,
});

/** GET /v1/people/:idNumber */
export const RegistryPerson = Type.Object({
  idNumber: IdNumber,
  /** Old 9-digit CMND, when one was issued. */
  oldIdNumber: Nullable(Type.String({ pattern: '^[0-9]{9}$' })),
  fullName: Text,
  birthDate: IsoDate,
  sex: RegistrySex,
  nationality: Text,
  /** null: not recorded (the simulator's population has no ethnicity or religion). */
  ethnicity: Nullable(Text),
  religion: Nullable(Text),
  placeOfBirth: Nullable(Text),
  placeOfOrigin: Nullable(Text),
  maritalStatus: Nullable(Text),
  permanentAddress: Nullable(Text),
  temporaryAddress: Nullable(Text),
  currentAddress: Nullable(Text),
  /** Commune (since 1/7/2025) of the permanent address. */
  communeCode: Nullable(Text),
  household: Type.Union([RegistryHouseholdRef, Type.Null()]),
  father: Type.Union([RegistryRelative, Type.Null()]),
  mother: Type.Union([RegistryRelative, Type.Null()]),
  spouse: Type.Union([RegistryRelative, Type.Null()]),
  /** Mobile numbers registered in the person's name, national 10-digit form. */
  phones: Type.Array(Type.String({ pattern: '^0[0-9]{9}$' })),
  status: RegistryStatus,
  dateOfDeath: Nullable(IsoDate),
});
export type RegistryPerson = Static<typeof RegistryPerson>;

export const RegistryHouseholdMember = Type.Object({
  idNumber: IdNumber,
  fullName: Text,
  birthDate: IsoDate,
  sex: RegistrySex,
  relationshipToHead: Text,
  status: RegistryStatus,
});
export type RegistryHouseholdMember = Static<typeof RegistryHouseholdMember>;

/** GET /v1/people/:idNumber/household */
export const RegistryHousehold = Type.Object({
  code: Text,
  address: Text,
  communeCode: Text,
  /** Head first, then in the registry's order. */
  members: Type.Array(RegistryHouseholdMember),
});
export type RegistryHousehold = Static<typeof RegistryHousehold>;

export const VERIFY_FIELDS = ['idNumber', 'fullName', 'birthDate'] as const;
export type VerifyField = (typeof VERIFY_FIELDS)[number];

/** POST /v1/verify: is this ID + name + date of birth one person in the registry? */
export const RegistryVerifyRequest = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 20 }),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    birthDate: IsoDate,
  },
  { additionalProperties: false },
);
export type RegistryVerifyRequest = Static<typeof RegistryVerifyRequest>;

export const RegistryMismatch = Type.Object({
  field: Type.Union(VERIFY_FIELDS.map((f) => Type.Literal(f))),
  /** Vietnamese, for the official or the citizen; never reveals the registry's own value. */
  message: Text,
});
export type RegistryMismatch = Static<typeof RegistryMismatch>;

export const RegistryVerifyResponse = Type.Object({ match: Type.Boolean(), mismatches: Type.Array(RegistryMismatch) });
export type RegistryVerifyResponse = Static<typeof RegistryVerifyResponse>;

/** GET /v1/cmnd/:cmnd: the CCCD that replaced an old 9-digit CMND. */
export const RegistryCmndAnswer = Type.Object({ oldIdNumber: Type.String({ pattern: '^[0-9]{9}$' }), idNumber: IdNumber });
export type RegistryCmndAnswer = Static<typeof RegistryCmndAnswer>;

/** Header carrying the API key on every request. */
export const REGISTRY_API_KEY_HEADER = 'x-api-key';

import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

export const UNIT_KINDS = ['province', 'district', 'commune', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UnitView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: StringEnum(UNIT_KINDS),
  subtype: Type.String({ description: 'Xã, Phường, Đặc khu, Tỉnh… or the agency category' }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  successorCodes: Type.Array(Type.String()),
  childCount: Type.Integer(),
  contact: Type.Object({
    address: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    officeHours: Type.Optional(Type.String()),
  }),
});
export type UnitView = Static<typeof UnitView>;

export const UnitList = Type.Object({ items: Type.Array(UnitView), total: Type.Integer() });
export type UnitList = Static<typeof UnitList>;

export const UnitDetail = Type.Composite([
  UnitView,
  Type.Object({ ancestors: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() })) }),
]);
export type UnitDetail = Static<typeof UnitDetail>;

export const UnitContactUpdate = Type.Object(
  {
    address: Type.Optional(Type.String({ maxLength: 300 })),
    phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9 +().-]*$' })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    officeHours: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type UnitContactUpdate = Static<typeof UnitContactUpdate>;

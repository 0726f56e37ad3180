import { Type, type Static } from '@sinclair/typebox';
import { FORM_FIELD_TYPES } from './catalog.ts';
import { StringEnum } from './schema.ts';

/** Where a prefilled value came from: the population registry, the VNeID identity, an earlier result. */
export const PREFILL_VALUE_SOURCES = ['registry', 'vneid', 'results'] as const;
export type PrefillValueSource = (typeof PREFILL_VALUE_SOURCES)[number];

/** Seed 001: at least 20% fewer fields to declare through data reuse. */
export const PREFILL_TARGET_SHARE = 0.2;

const Value = Type.Union([Type.String(), Type.Integer(), Type.Boolean(), Type.Null()]);
const Source = Type.Union([StringEnum(PREFILL_VALUE_SOURCES), Type.Null()]);

export const PrefilledValue = Type.Object({
  value: Value,
  prefilled: Type.Boolean({ description: 'Có giá trị điền sẵn' }),
  source: Source,
});
export type PrefilledValue = Static<typeof PrefilledValue>;

/** One e-form field with what motcua can fill in. */
export const PrefillField = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: StringEnum(FORM_FIELD_TYPES),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())),
  prefill: Type.Optional(Type.String({ description: 'Nguồn khai trong danh mục, ví dụ registry:fullName' })),
  value: Value,
  prefilled: Type.Boolean(),
  source: Source,
});
export type PrefillField = Static<typeof PrefillField>;

/** GET /api/v1/me/prefill?procedure=CODE */
export const PrefillView = Type.Object({
  procedureCode: Type.String(),
  procedureName: Type.String(),
  identityLevel: Type.Union([Type.Literal(1), Type.Literal(2)]),
  applicant: Type.Object({ fullName: PrefilledValue, idNumber: PrefilledValue, phone: PrefilledValue, address: PrefilledValue }),
  fields: Type.Array(PrefillField),
  household: Type.Union([
    Type.Object({
      code: Type.String(),
      address: Type.String(),
      members: Type.Array(Type.Object({ fullName: Type.String(), relationshipToHead: Type.String(), birthDate: Type.String({ format: 'date' }) })),
    }),
    Type.Null(),
  ]),
  suggestedUnitCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Thủ tục cấp xã: mã xã, phường, đặc khu nơi thường trú theo CSDL dân cư (gợi ý đơn vị giải quyết)',
  }),
  fromResults: Type.Array(Type.Unknown(), { description: 'Kết quả giải quyết trước đây dùng để điền sẵn (chưa nối: luôn rỗng)' }),
  prefilledFields: Type.Array(Type.String(), {
    description: 'Gửi lại danh sách này (bỏ những trường đã sửa) trong prefilledFields khi nộp hồ sơ',
  }),
  fieldCount: Type.Integer({ description: 'Số trường của hồ sơ: 4 trường người nộp + các trường tờ khai' }),
  notices: Type.Array(Type.String()),
});
export type PrefillView = Static<typeof PrefillView>;

const PrefillFigures = {
  submissions: Type.Integer(),
  fieldsDeclared: Type.Integer({ description: 'Tổng số trường có giá trị trong các hồ sơ (người nộp + tờ khai)' }),
  fieldsPrefilled: Type.Integer({ description: 'Trong đó: trường giữ nguyên giá trị điền sẵn (máy chủ xác nhận)' }),
  avgDeclared: Type.Number({ description: 'Số trường khai trung bình mỗi hồ sơ' }),
  avgPrefilled: Type.Number({ description: 'Số trường điền sẵn trung bình mỗi hồ sơ' }),
  avgTyped: Type.Number({ description: 'Số trường công dân phải tự nhập trung bình mỗi hồ sơ' }),
  sharePrefilled: Type.Number({ description: 'Tỷ lệ trường điền sẵn (0–1); mục tiêu ≥ 0,2' }),
  meetsTarget: Type.Boolean(),
};

/** GET /api/v1/kpi/prefill */
export const PrefillReport = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  targetShare: Type.Number(),
  items: Type.Array(Type.Object({ procedureCode: Type.String(), procedureName: Type.String(), ...PrefillFigures })),
  total: Type.Object(PrefillFigures),
});
export type PrefillReport = Static<typeof PrefillReport>;

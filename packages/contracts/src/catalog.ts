import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** National procedure code (Cơ sở dữ liệu quốc gia về TTHC): prefix 1–6, a dot, six digits, e.g. 1.001193. */
export const PROCEDURE_CODE_PATTERN = '^[1-6]\\.[0-9]{6}$';

/** Competent level of a procedure (DESIGN §3.2). Districts were abolished on 1/7/2025 but old data has them. */
export const PROCEDURE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Online level: full-process (toàn trình), partial (một phần), none. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/**
 * Whether the fee is known. An empty fee list alone cannot tell "free by law" from "we have not found
 * the amount" (e.g. hộ tịch fees set by each province's HĐND), and the §4.2 indicator needs the difference.
 */
export const FEE_STATUSES = ['charged', 'free', 'unknown'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

/** How far the catalogue entry has been checked against its source (data/reference/SOURCES.md §7). */
export const SOURCE_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type SourceConfidence = (typeof SOURCE_CONFIDENCES)[number];

/**
 * VNeID identity level (mức định danh điện tử) a citizen must hold to submit the procedure online.
 * 1 is the default; the catalogue marks 2 where docs/vneid.md's rule says so.
 */
export const IDENTITY_LEVELS = [1, 2] as const;
export type IdentityLevel = (typeof IDENTITY_LEVELS)[number];
const IdentityLevelSchema = (description: string) => Type.Union([Type.Literal(1), Type.Literal(2)], { description });

/** Where an e-form field can be prefilled from (seed 001: −20% fields to declare through data reuse). */
export const PREFILL_SOURCES = ['registry', 'results'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/**
 * The values a form may declare as prefillable. `registry:` keys are facts the national population
 * database holds about the applicant (Luật Căn cước 2023, Điều 9); `results:` keys are facts written
 * by an earlier result of the same applicant, named `<result>.<fact>`, which is how a chain (liên thông)
 * carries the child of a birth registration into the residence form.
 */
export const PREFILL_KEYS = {
  registry: [
    'fullName',
    'dateOfBirth',
    'gender',
    'idNumber',
    'placeOfBirth',
    'placeOfOrigin',
    'ethnicity',
    'religion',
    'nationality',
    'maritalStatus',
    'permanentAddress',
    'temporaryAddress',
    'currentAddress',
    // The mobile number registered in the person's name (the registry links subscriber numbers to
    // citizens: Đề án 06 subscriber verification), offered as the contact number.
    'phone',
    'household',
    'householdHeadName',
    'relationshipToHead',
    'father.fullName',
    'father.idNumber',
    'mother.fullName',
    'mother.idNumber',
    'spouse.fullName',
    'spouse.idNumber',
  ],
  results: [
    'birthRegistration.childFullName',
    'birthRegistration.childDateOfBirth',
    'birthRegistration.childGender',
    'birthRegistration.childIdNumber',
    'birthRegistration.certificateNumber',
    'marriageRegistration.certificateNumber',
    'maritalStatusCertificate.number',
    'deathRegistration.certificateNumber',
    'businessHousehold.registrationNumber',
    'businessHousehold.name',
    'businessHousehold.address',
    'identityCard.issueDate',
    'passport.number',
    'drivingLicence.number',
    'drivingLicence.class',
  ],
} as const satisfies Record<PrefillSource, readonly string[]>;

export const ProcessingTime = Type.Object({
  /** Statutory time in working days; null when counted in hours or unknown. */
  workingDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Statutory time in working hours (e.g. 8 for "trong ngày"); null otherwise. Both null = unknown. */
  hours: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** As written in the legal text, Vietnamese; when unknown, says so. */
  text: Type.String(),
});
export type ProcessingTime = Static<typeof ProcessingTime>;

export const Fee = Type.Object({
  label: Type.String({ description: 'Trường hợp áp dụng' }),
  amountVnd: Type.Integer({ minimum: 0, description: 'Số tiền, đồng' }),
});
export type Fee = Static<typeof Fee>;

export const DocumentComponent = Type.Object({
  name: Type.String(),
  originals: Type.Integer({ minimum: 0 }),
  copies: Type.Integer({ minimum: 0 }),
  required: Type.Boolean(),
  note: Type.Optional(Type.String()),
});
export type DocumentComponent = Static<typeof DocumentComponent>;

export const FORM_FIELD_TYPES = ['string', 'date', 'integer', 'boolean', 'select'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** One field of an e-form: a JSON Schema property plus where it can be prefilled from. */
export const FormField = Type.Object({
  name: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' }),
  label: Type.String(),
  type: StringEnum(FORM_FIELD_TYPES),
  required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())),
  /** e.g. "registry:fullName", "registry:dateOfBirth", "results:birthRegistration.childIdNumber" (see PREFILL_KEYS). */
  prefill: Type.Optional(Type.String({ pattern: '^(registry|results):[a-zA-Z][a-zA-Z0-9_.]*$' })),
});
export type FormField = Static<typeof FormField>;

/**
 * A catalogue entry as it is written: the starter files in data/product/procedures and every import
 * row are this shape. The computed parts (lowest fee, prefill count, completeness) are not in it.
 */
export const ProcedureInput = Type.Object(
  {
    code: Type.String({ pattern: PROCEDURE_CODE_PATTERN }),
    name: Type.String({ minLength: 1 }),
    field: Type.String({ minLength: 1, description: 'Lĩnh vực, e.g. "Hộ tịch"' }),
    level: StringEnum(PROCEDURE_LEVELS),
    agencyName: Type.String({ minLength: 1, description: 'Cơ quan thực hiện, e.g. "UBND cấp xã", "Sở Tư pháp"' }),
    agencyCode: Type.Union([Type.String(), Type.Null()], { description: 'Unit code when one agency handles it province-wide' }),
    processing: ProcessingTime,
    feeStatus: StringEnum(FEE_STATUSES),
    fees: Type.Array(Fee),
    feeNote: Type.String({ description: 'Lệ phí: trường hợp miễn, căn cứ, hoặc lý do chưa có số liệu' }),
    onlineLevel: StringEnum(ONLINE_LEVELS),
    identityLevel: Type.Optional(IdentityLevelSchema('Mức định danh VNeID tối thiểu để nộp trực tuyến; mặc định 1')),
    components: Type.Array(DocumentComponent),
    form: Type.Array(FormField),
    resultType: Type.String(),
    chainNext: Type.Array(Type.String({ pattern: PROCEDURE_CODE_PATTERN }), {
      description: 'Procedures opened automatically after this one (liên thông)',
    }),
    legalBasis: Type.Array(Type.String()),
    source: Type.String(),
    confidence: StringEnum(SOURCE_CONFIDENCES),
  },
  { additionalProperties: false },
);
export type ProcedureInput = Static<typeof ProcedureInput>;

export const ProcedureSummary = Type.Object({
  code: Type.String({ pattern: PROCEDURE_CODE_PATTERN }),
  name: Type.String(),
  field: Type.String(),
  level: StringEnum(PROCEDURE_LEVELS),
  agencyName: Type.String({ description: 'Cơ quan thực hiện, e.g. "UBND cấp xã", "Sở Tư pháp"' }),
  processing: ProcessingTime,
  onlineLevel: StringEnum(ONLINE_LEVELS),
  identityLevel: IdentityLevelSchema('Mức định danh VNeID tối thiểu để nộp trực tuyến (1 hoặc 2)'),
  feeFromVnd: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Lowest fee, or null when free or unknown (see feeStatus)',
  }),
  feeStatus: StringEnum(FEE_STATUSES),
  complete: Type.Boolean({
    description: 'Published with complete information (components, time, fee, level, form): indicator of DESIGN §4.2',
  }),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureView = Type.Composite([
  ProcedureSummary,
  Type.Object({
    agencyCode: Type.Union([Type.String(), Type.Null()], { description: 'Unit code when one agency handles it province-wide' }),
    fees: Type.Array(Fee),
    feeNote: Type.String(),
    components: Type.Array(DocumentComponent),
    form: Type.Array(FormField),
    prefillableFields: Type.Integer({ description: 'How many form fields can be prefilled' }),
    resultType: Type.String(),
    chainNext: Type.Array(Type.String(), { description: 'Procedures opened automatically after this one (liên thông)' }),
    legalBasis: Type.Array(Type.String()),
    source: Type.String(),
    confidence: StringEnum(SOURCE_CONFIDENCES),
    updatedAt: Type.String({ format: 'date-time' }),
  }),
]);
export type ProcedureView = Static<typeof ProcedureView>;

export const ProcedureList = Type.Object({ items: Type.Array(ProcedureSummary), total: Type.Integer() });
export type ProcedureList = Static<typeof ProcedureList>;

export const PROCEDURE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ProcedureExportFormat = (typeof PROCEDURE_EXPORT_FORMATS)[number];

/** Result of `POST /api/v1/procedures/import` (all rows accepted; otherwise 422 with the same shape in details). */
export const ProcedureImportReport = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Array(
    Type.Object({ line: Type.Integer({ description: 'Dòng trong tệp, dòng tiêu đề = 1' }), reason: Type.String() }),
  ),
});
export type ProcedureImportReport = Static<typeof ProcedureImportReport>;

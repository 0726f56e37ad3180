/**
 * Field work of a campaign (DESIGN §3.9, docs/field-work.md): household lists per hamlet, volunteer
 * teams, outcomes recorded door to door ("đi từng ngõ, gõ từng nhà, rà từng người", seed 003) and the
 * progress with the ratio that leaves out ineligible people ("tính tỷ lệ", seed 003 V.2.d).
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** What a volunteer records for one person. `done` = activated (VNeID) or verified (subscriber). */
export const FIELD_OUTCOMES = ['done', 'absent', 'ineligible', 'moved', 'deceased', 'refused'] as const;
export type FieldOutcome = (typeof FIELD_OUTCOMES)[number];
export const FIELD_OUTCOME_LABELS: Record<FieldOutcome, { vi: string; en: string }> = {
  done: { vi: 'Đã kích hoạt / xác thực', en: 'Done (activated / verified)' },
  absent: { vi: 'Không có mặt', en: 'Absent' },
  ineligible: { vi: 'Không đủ điều kiện', en: 'Ineligible' },
  moved: { vi: 'Đã chuyển đi', en: 'Moved away' },
  deceased: { vi: 'Đã mất', en: 'Deceased' },
  refused: { vi: 'Từ chối', en: 'Refused' },
};

/** The two lists of the seeds: VNeID approved but not activated (003), subscribers to verify (002). */
export const FIELD_LIST_KINDS = ['approved_not_activated', 'to_verify'] as const;
export type FieldListKind = (typeof FIELD_LIST_KINDS)[number];

/** Columns of a household list file (CSV or XLSX), in template order. */
export const HOUSEHOLD_COLUMNS = [
  'commune_code',
  'hamlet',
  'household_code',
  'address',
  'full_name',
  'id_number',
  'birth_year',
  'phone',
  'list_kind',
  'msisdn',
  'carrier',
] as const;
/** Columns that must hold a value on every row. */
export const HOUSEHOLD_REQUIRED = ['commune_code', 'hamlet', 'household_code', 'full_name', 'id_number', 'list_kind'] as const;

const RejectedRow = Type.Object({ line: Type.Integer({ description: 'Dòng trong tệp, dòng tiêu đề = 1' }), reason: Type.String() });

/** Answer of a household list import (all rows accepted; otherwise 422 with { accepted: 0, rejected } in details). */
export const HouseholdImportReport = Type.Object({
  accepted: Type.Integer({ description: 'Số người được nhập' }),
  households: Type.Integer({ description: 'Số hộ mới' }),
  communes: Type.Array(Type.String(), { description: 'Mã xã có trong tệp' }),
  rejected: Type.Array(RejectedRow),
});
export type HouseholdImportReport = Static<typeof HouseholdImportReport>;

export const FieldTeamMember = Type.Object({ staffId: Type.Integer(), username: Type.String(), fullName: Type.String() });
export type FieldTeamMember = Static<typeof FieldTeamMember>;

export const FieldTeamView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  members: Type.Array(FieldTeamMember),
  hamlets: Type.Array(Type.String(), { description: 'Ấp/khóm/khu phố giao cho tổ' }),
  households: Type.Integer({ description: 'Số hộ tổ phụ trách (theo ấp hoặc giao riêng)' }),
  pendingPeople: Type.Integer({ description: 'Số người chưa có kết quả hoặc không có mặt' }),
});
export type FieldTeamView = Static<typeof FieldTeamView>;

export const FieldTeamList = Type.Object({ items: Type.Array(FieldTeamView) });
export type FieldTeamList = Static<typeof FieldTeamList>;

const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' });

export const FieldTeamCreate = Type.Object({
  unitCode: Type.String({ minLength: 1, maxLength: 30, description: 'Mã xã của tổ' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  memberUsernames: Type.Array(Username, { maxItems: 100, description: 'Tình nguyện viên (vai trò field_volunteer) của xã' }),
});
export type FieldTeamCreate = Static<typeof FieldTeamCreate>;

export const FieldTeamUpdate = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  memberUsernames: Type.Optional(Type.Array(Username, { maxItems: 100 })),
});
export type FieldTeamUpdate = Static<typeof FieldTeamUpdate>;

export const FieldAssignmentBody = Type.Object({
  hamlets: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500, description: 'Giao cả ấp (kể cả hộ nhập sau)' })),
  householdCodes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 5000, description: 'Giao riêng từng hộ' })),
});
export type FieldAssignmentBody = Static<typeof FieldAssignmentBody>;

export const FieldAssignmentResult = Type.Object({ hamlets: Type.Integer(), households: Type.Integer() });
export type FieldAssignmentResult = Static<typeof FieldAssignmentResult>;

/**
 * The paper a listed person is known by: the 12-digit CCCD, or the old 9-digit CMND a SIM was
 * registered with (seed 002 II.1: "Đang sử dụng Chứng minh nhân dân 9 số để đăng ký SIM"; to_verify
 * lists only).
 */
export const FIELD_ID_TYPES = ['cccd', 'cmnd'] as const;
export type FieldIdType = (typeof FIELD_ID_TYPES)[number];

/** A person as the assigned volunteer sees them: the name, the birth year and the last 4 ID digits. */
export const FieldPersonView = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
  idType: StringEnum(FIELD_ID_TYPES, { description: 'cccd: CCCD 12 số; cmnd: CMND 9 số (thuê bao đăng ký bằng CMND)' }),
  idLast4: Type.String({ description: '4 số cuối CCCD/CMND để đối chiếu với người dân' }),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  msisdnMasked: Type.Union([Type.String(), Type.Null()], { description: 'Số thuê bao cần xác thực (đã che), danh sách to_verify' }),
  carrier: Type.Union([Type.String(), Type.Null()], { description: 'Nhà mạng của thuê bao cần xác thực' }),
  listKind: StringEnum(FIELD_LIST_KINDS),
  outcome: Type.Union([StringEnum(FIELD_OUTCOMES), Type.Null()]),
  outcomeAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type FieldPersonView = Static<typeof FieldPersonView>;

export const FieldHouseholdView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  address: Type.String(),
  people: Type.Array(FieldPersonView),
});
export type FieldHouseholdView = Static<typeof FieldHouseholdView>;

export const FieldHamletView = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  hamlet: Type.String(),
  households: Type.Array(FieldHouseholdView),
});
export type FieldHamletView = Static<typeof FieldHamletView>;

/** GET /api/v1/field/assignments: per campaign, the next households (not finished) by hamlet. */
export const FieldAssignments = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  campaigns: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      windowStart: Type.String({ format: 'date' }),
      windowEnd: Type.String({ format: 'date' }),
      teams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
      hamlets: Type.Array(FieldHamletView),
    }),
  ),
});
export type FieldAssignments = Static<typeof FieldAssignments>;

export const FieldOutcomeRecord = Type.Object({
  clientId: Type.String({ format: 'uuid', description: 'Mã do điện thoại tạo; gửi lại cùng mã chỉ được tính một lần' }),
  personId: Type.Integer({ minimum: 1 }),
  outcome: StringEnum(FIELD_OUTCOMES),
  recordedAt: Type.String({ format: 'date-time', description: 'Lúc tình nguyện viên ghi nhận (ISO 8601 có múi giờ)' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type FieldOutcomeRecord = Static<typeof FieldOutcomeRecord>;

export const FieldOutcomeBatch = Type.Object({ items: Type.Array(FieldOutcomeRecord, { minItems: 1, maxItems: 500 }) });
export type FieldOutcomeBatch = Static<typeof FieldOutcomeBatch>;

export const FIELD_SYNC_STATUSES = ['created', 'duplicate'] as const;
export const FieldOutcomeBatchResult = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer(),
  items: Type.Array(
    Type.Object({
      clientId: Type.String(),
      status: StringEnum(FIELD_SYNC_STATUSES, { description: 'created: mới ghi; duplicate: đã nhận trước đó, không tính lại' }),
      personId: Type.Integer(),
      outcome: StringEnum(FIELD_OUTCOMES, { description: 'Kết quả hiện tại của người này (mới nhất theo thời điểm ghi nhận)' }),
    }),
  ),
});
export type FieldOutcomeBatchResult = Static<typeof FieldOutcomeBatchResult>;

/** Counts of one commune or hamlet. ratio = done / (listed − ineligible), null when that is 0. */
export const FieldCounts = Type.Object({
  listed: Type.Integer(),
  done: Type.Integer(),
  absent: Type.Integer(),
  ineligible: Type.Integer(),
  moved: Type.Integer(),
  deceased: Type.Integer(),
  refused: Type.Integer(),
  pending: Type.Integer({ description: 'Chưa có kết quả' }),
  ratio: Type.Union([Type.Number(), Type.Null()], { description: 'done / (listed − ineligible)' }),
});
export type FieldCounts = Static<typeof FieldCounts>;

export const FieldProgress = Type.Object({
  campaignCode: Type.String(),
  asOf: Type.String({ format: 'date' }),
  total: FieldCounts,
  communes: Type.Array(
    Type.Composite([
      Type.Object({ unitCode: Type.String(), unitName: Type.String() }),
      FieldCounts,
      Type.Object({
        hamlets: Type.Array(
          Type.Composite([Type.Object({ hamlet: Type.String(), teamName: Type.Union([Type.String(), Type.Null()]) }), FieldCounts]),
        ),
      }),
    ]),
  ),
});
export type FieldProgress = Static<typeof FieldProgress>;

/** Filters of the people list: an outcome, or `pending` for people with none yet. */
export const FIELD_PEOPLE_OUTCOME_FILTERS = [...FIELD_OUTCOMES, 'pending'] as const;
export type FieldPeopleOutcomeFilter = (typeof FIELD_PEOPLE_OUTCOME_FILTERS)[number];
export const FIELD_PEOPLE_FORMATS = ['json', 'csv'] as const;

/**
 * A listed person as coordinators read them (GET /campaigns/:ref/households/people): the name in full
 * (the police act on the list, seed 003 V.2.d), the ID number and phones masked.
 */
export const FieldPersonRow = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  hamlet: Type.String(),
  householdCode: Type.String(),
  address: Type.String(),
  fullName: Type.String(),
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
  idType: StringEnum(FIELD_ID_TYPES),
  idMasked: Type.String({ description: 'Số CCCD/CMND, chỉ hiện 3 số cuối' }),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  msisdnMasked: Type.Union([Type.String(), Type.Null()]),
  carrier: Type.Union([Type.String(), Type.Null()]),
  listKind: StringEnum(FIELD_LIST_KINDS),
  teamName: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([StringEnum(FIELD_OUTCOMES), Type.Null()], { description: 'Kết quả hiện tại; null: chưa đến' }),
  outcomeAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  outcomeBy: Type.Union([Type.String(), Type.Null()], { description: 'Tình nguyện viên ghi kết quả hiện tại' }),
  note: Type.String({ description: 'Ghi chú của kết quả hiện tại' }),
});
export type FieldPersonRow = Static<typeof FieldPersonRow>;

export const FieldPeopleList = Type.Object({
  total: Type.Integer({ description: 'Số người khớp bộ lọc' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(FieldPersonRow),
});
export type FieldPeopleList = Static<typeof FieldPeopleList>;

/**
 * Desk support for subscriber information (seed 000), the carriers' payout per success (seed 000 V.2)
 * and officials' self-checks (seed 002): docs/desk-support.md.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** Carriers as phone.ts names them (the prefix table). */
export const MOBILE_CARRIERS = ['Viettel', 'MobiFone', 'VinaPhone', 'Itelecom', 'Vietnamobile', 'Gmobile', 'Indochina Telecom', 'Reddi'] as const;

/**
 * Where the standardisation was done (seed 000 IV.2.b; seed 002 II.2.b: "Điểm cung cấp dịch vụ do chính
 * doanh nghiệp … thiết lập; tại các điểm Nhà Văn hóa phường/xã; Công an phường/xã; tại Bộ phận tiếp nhận
 * và giải quyết thủ tục hành chính của địa phương"), plus door-to-door work of the commune team.
 */
export const DESK_PLACE_KINDS = ['one_stop_desk', 'carrier_point', 'cultural_house', 'commune_police', 'field'] as const;
export type DeskPlaceKind = (typeof DESK_PLACE_KINDS)[number];
export const DESK_PLACE_LABELS: Record<DeskPlaceKind, { vi: string; en: string }> = {
  one_stop_desk: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  carrier_point: { vi: 'Điểm giao dịch nhà mạng', en: 'Carrier point' },
  cultural_house: { vi: 'Nhà văn hóa', en: 'Cultural house' },
  commune_police: { vi: 'Công an xã, phường', en: 'Commune police' },
  field: { vi: 'Lưu động, tận nhà', en: 'In the field' },
};

export const DESK_RESULTS = ['success', 'failed'] as const;
export type DeskResult = (typeof DESK_RESULTS)[number];
export const ID_KINDS = ['cccd', 'cmnd'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export const SELFCHECK_RESULTS = ['matched', 'mismatched_fixed', 'mismatched_pending'] as const;
export type SelfCheckResult = (typeof SELFCHECK_RESULTS)[number];
export const SELFCHECK_RESULT_LABELS: Record<SelfCheckResult, { vi: string; en: string }> = {
  matched: { vi: 'Thông tin trùng khớp', en: 'Matched' },
  mismatched_fixed: { vi: 'Chưa khớp, đã xác thực lại', en: 'Mismatched, fixed' },
  mismatched_pending: { vi: 'Chưa khớp, chưa xác thực lại', en: 'Mismatched, not fixed yet' },
};

/** The seed's minimum support per successful standardisation, in đồng (seed 000 V.2). */
export const DESK_MIN_PAYOUT_VND = 10_000;
export const DESK_MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
export const DESK_FORMATS = ['json', 'csv', 'xlsx'] as const;

const Carrier = StringEnum(MOBILE_CARRIERS, { description: 'Nhà mạng' });
const VnDateTime = (description: string) => Type.String({ description: `${description} (ISO 8601 có múi giờ)` });
const IsoDate = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });
const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

export const DeskRecordInput = Type.Object(
  {
    phone: Type.String({ minLength: 1, maxLength: 30, description: 'Số thuê bao di động (0…, +84…, số 11 chữ số cũ được đổi)' }),
    carrier: Carrier,
    carrierOverride: Type.Optional(
      Type.Boolean({ description: 'Xác nhận nhà mạng khác đầu số (thuê bao đã chuyển mạng giữ số); thiếu thì nhà mạng phải khớp đầu số' }),
    ),
    idNumber: Type.String({ minLength: 1, maxLength: 30, description: 'Số CCCD 12 chữ số hoặc CMND 9 chữ số' }),
    placeKind: StringEnum(DESK_PLACE_KINDS, { description: 'Nơi thực hiện' }),
    result: StringEnum(DESK_RESULTS, { description: 'success: chuẩn hóa thành công; failed: không thành công (cần lý do)' }),
    failureReason: Type.Optional(Type.String({ maxLength: 500, description: 'Lý do không thành công' })),
    recordedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Thời điểm thực hiện (mặc định: lúc gửi); không sau hiện tại, không quá 7 ngày trước' })),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 100, description: 'Khóa chống ghi trùng do biểu mẫu sinh (bấm hai lần → một bản ghi)' }),
  },
  { additionalProperties: false },
);
export type DeskRecordInput = Static<typeof DeskRecordInput>;

/** A record as lists show it: phone and ID masked. */
export const DeskRecordView = Type.Object({
  id: Type.Integer(),
  recordedAt: VnDateTime('Thời điểm thực hiện'),
  recordedOn: IsoDate('Ngày (giờ Việt Nam)'),
  phone: Type.String({ description: 'Số thuê bao (che giữa trong danh sách)' }),
  carrier: Carrier,
  detectedCarrier: Type.String({ description: 'Nhà mạng theo đầu số' }),
  carrierOverride: Type.Boolean(),
  idKind: StringEnum(ID_KINDS),
  idNumber: Type.String({ description: 'Số CCCD/CMND (chỉ hiện 3 số cuối trong danh sách)' }),
  placeKind: StringEnum(DESK_PLACE_KINDS),
  result: StringEnum(DESK_RESULTS),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  staff: Type.Object({ id: Type.Integer(), name: Type.String() }),
  unit: UnitRef,
  campaignCodes: Type.Array(Type.String(), { description: 'Chiến dịch xác thực thuê bao được tính' }),
  masked: Type.Boolean({ description: 'true khi số thuê bao và số giấy tờ bị che' }),
});
export type DeskRecordView = Static<typeof DeskRecordView>;

export const DeskRecordList = Type.Object({
  items: Type.Array(DeskRecordView),
  total: Type.Integer(),
  successes: Type.Integer({ description: 'Số lượt thành công trong bộ lọc' }),
});
export type DeskRecordList = Static<typeof DeskRecordList>;

export const DeskPayoutRate = Type.Object({
  carrier: Carrier,
  validFrom: Type.Union([IsoDate('Áp dụng từ ngày'), Type.Null()]),
  amountVnd: Type.Integer({ minimum: DESK_MIN_PAYOUT_VND, description: 'Đồng mỗi lượt thành công' }),
  source: Type.String(),
});
export type DeskPayoutRate = Static<typeof DeskPayoutRate>;

/** A stored rate with when and by whom it was set, and whether it is the one in force today. */
export const DeskPayoutRateEntry = Type.Composite([
  DeskPayoutRate,
  Type.Object({
    inForce: Type.Boolean({ description: 'Mức đang áp dụng hôm nay (ngày bắt đầu gần nhất không sau hôm nay)' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Lần đặt gần nhất' }),
    updatedBy: Type.Union([Type.String(), Type.Null()], { description: 'Người đặt (họ tên)' }),
  }),
]);
export type DeskPayoutRateEntry = Static<typeof DeskPayoutRateEntry>;

/** GET /api/v1/desk/payout-rates: every stored rate the reader may see, oldest first per carrier. */
export const DeskPayoutRateList = Type.Object({
  items: Type.Array(DeskPayoutRateEntry),
  minimumVnd: Type.Integer({ description: 'Mức tối thiểu 10.000 đ/lượt (KH seed 000 mục V.2), áp dụng khi nhà mạng chưa đặt mức' }),
  settable: Type.Array(Carrier, { description: 'Nhà mạng mà người gọi được đặt mức (nhà mạng của mình; quản trị cấp tỉnh: tất cả)' }),
});
export type DeskPayoutRateList = Static<typeof DeskPayoutRateList>;

export const DeskPayoutRateInput = Type.Object(
  {
    carrier: Carrier,
    validFrom: IsoDate('Áp dụng từ ngày'),
    amountVnd: Type.Integer({ minimum: DESK_MIN_PAYOUT_VND, maximum: 10_000_000, description: 'Đồng mỗi lượt thành công, tối thiểu 10.000 (KH seed 000 mục V.2)' }),
    source: Type.Optional(Type.String({ maxLength: 500, description: 'Căn cứ (văn bản của nhà mạng)' })),
  },
  { additionalProperties: false },
);
export type DeskPayoutRateInput = Static<typeof DeskPayoutRateInput>;

export const DeskPayoutRow = Type.Object({
  unit: UnitRef,
  carrier: Carrier,
  staff: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), username: Type.String() }), Type.Null()], {
    description: 'null ở dòng cộng của đơn vị và nhà mạng',
  }),
  successes: Type.Integer(),
  rateVnd: Type.Union([Type.Integer(), Type.Null()], { description: 'Mức hỗ trợ đồng/lượt; null khi trong tháng có hơn một mức' }),
  amountVnd: Type.Integer({ description: 'Thành tiền, đồng' }),
});
export type DeskPayoutRow = Static<typeof DeskPayoutRow>;

export const DeskPayoutReport = Type.Object({
  month: Type.String(),
  carrier: Type.Union([Carrier, Type.Null()]),
  rates: Type.Array(DeskPayoutRate, { description: 'Mức hỗ trợ áp dụng trong tháng' }),
  rows: Type.Array(DeskPayoutRow, { description: 'Theo đơn vị, nhà mạng, cán bộ; sau mỗi nhóm đơn vị–nhà mạng có dòng cộng (staff = null)' }),
  total: Type.Object({ successes: Type.Integer(), amountVnd: Type.Integer() }),
});
export type DeskPayoutReport = Static<typeof DeskPayoutReport>;

export const SelfCheckInput = Type.Object(
  {
    checkedOn: IsoDate('Ngày tự kiểm tra'),
    result: StringEnum(SELFCHECK_RESULTS, { description: 'matched | mismatched_fixed | mismatched_pending' }),
    carrier: Type.Optional(Carrier),
  },
  { additionalProperties: false },
);
export type SelfCheckInput = Static<typeof SelfCheckInput>;

export const SelfCheckView = Type.Object({
  id: Type.Integer(),
  checkedOn: IsoDate('Ngày tự kiểm tra'),
  result: StringEnum(SELFCHECK_RESULTS),
  carrier: Type.Union([Carrier, Type.Null()]),
  recordedAt: VnDateTime('Thời điểm ghi nhận'),
});
export type SelfCheckView = Static<typeof SelfCheckView>;

export const MySelfCheck = Type.Object({
  latest: Type.Union([SelfCheckView, Type.Null()]),
  compliant: Type.Boolean({ description: 'Lần gần nhất là matched hoặc mismatched_fixed' }),
  history: Type.Array(SelfCheckView),
});
export type MySelfCheck = Static<typeof MySelfCheck>;

export const ComplianceRow = Type.Object({
  unit: UnitRef,
  staff: Type.Integer({ description: 'Cán bộ đang hoạt động' }),
  checked: Type.Integer({ description: 'Đã tự kiểm tra (khớp hoặc đã xác thực lại)' }),
  pending: Type.Integer({ description: 'Đã kiểm tra nhưng chưa khớp, chưa xác thực lại' }),
  rate: Type.Union([Type.Number(), Type.Null()], { description: 'checked ÷ staff (0–1)' }),
  met: Type.Boolean({ description: 'Đạt chỉ tiêu 100%' }),
});
export type ComplianceRow = Static<typeof ComplianceRow>;

export const ComplianceReport = Type.Object({
  asOf: IsoDate('Tính đến ngày'),
  unit: UnitRef,
  target: Type.Number({ description: 'Chỉ tiêu (1 = 100%, KH seed 002)' }),
  units: Type.Array(ComplianceRow),
  total: Type.Object({ staff: Type.Integer(), checked: Type.Integer(), pending: Type.Integer(), rate: Type.Union([Type.Number(), Type.Null()]) }),
});
export type ComplianceReport = Static<typeof ComplianceReport>;

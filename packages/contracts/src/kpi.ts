import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/**
 * The service-quality indicators (DESIGN §4.2, docs/indicators.md). These seven are rates in [0, 1]
 * rounded to 4 decimals, null when their denominator is 0; targets are set on them.
 */
export const KPI_RATE_INDICATORS = [
  'online_rate',
  'on_time_rate',
  'digitized_rate',
  'result_digitized_rate',
  'reuse_rate',
  'payment_online_rate',
  'satisfaction_rate',
] as const;
export type KpiRateIndicator = (typeof KPI_RATE_INDICATORS)[number];

export const KPI_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type KpiFormat = (typeof KPI_FORMATS)[number];

/** Row grouping of a report: one row per unit of this kind (its subtree summed). */
export const KPI_LEVELS = ['province', 'district', 'commune', 'agency'] as const;
export type KpiLevel = (typeof KPI_LEVELS)[number];

/**
 * Who a level target applies to. Communes by subtype as seed 003 sets them (xã / phường / thị trấn,
 * plus the đặc khu of 2025); `department` = provincial agencies (sở, ngành), `locality` = districts
 * and communes (seed 004: "đối với các sở, ngành … đối với các địa phương").
 */
export const TARGET_LEVELS = [
  'province',
  'district',
  'commune',
  'commune_xa',
  'commune_phuong',
  'commune_thi_tran',
  'commune_dac_khu',
  'department',
  'locality',
] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

export const TARGET_SCOPES = ['unit', 'level'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'Tỷ lệ 0–1, làm tròn 4 chữ số; null khi mẫu số bằng 0',
});
const Count = Type.Integer({ description: 'Số hồ sơ' });
const Points = Type.Union([Type.Number(), Type.Null()]);

export const KpiIndicatorPoints = Type.Object({
  name: Type.String(),
  group: Type.String(),
  rate: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Number(),
  threshold: Type.Number(),
  points: Type.Union([Type.Number(), Type.Null()], { description: 'null: chưa tính được (xem note)' }),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type KpiIndicatorPoints = Static<typeof KpiIndicatorPoints>;

export const KpiPoints = Type.Object({
  total: Type.Number({ description: 'Tổng điểm trên các chỉ số tính được' }),
  max: Type.Number({ description: 'Điểm tối đa của các chỉ số tính được' }),
  groups: Type.Record(Type.String(), Type.Object({ name: Type.String(), points: Points, max: Type.Number() })),
  indicators: Type.Record(Type.String(), KpiIndicatorPoints),
});
export type KpiPoints = Static<typeof KpiPoints>;

export const KpiTargetGap = Type.Object({
  target: Type.Number({ minimum: 0, maximum: 1 }),
  gap: Type.Union([Type.Number(), Type.Null()], { description: 'tỷ lệ − chỉ tiêu; null khi chưa có tỷ lệ' }),
});
export type KpiTargetGap = Static<typeof KpiTargetGap>;

export const KpiRow = Type.Object({
  unit_code: Type.String({ description: 'Mã đơn vị; "total" cho dòng tổng' }),
  unit_name: Type.String(),
  received: Count,
  received_online: Count,
  online_rate: Rate,
  finished: Count,
  finished_on_time: Count,
  overdue_unfinished: Count,
  on_time_rate: Rate,
  digitized_rate: Rate,
  result_digitized_rate: Rate,
  reuse_rate: Rate,
  payment_online_rate: Rate,
  satisfaction_rate: Rate,
  points: KpiPoints,
  targets: Type.Record(Type.String(), KpiTargetGap),
});
export type KpiRow = Static<typeof KpiRow>;

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const KpiReport = Type.Object({ from: IsoDate, to: IsoDate, rows: Type.Array(KpiRow) });
export type KpiReport = Static<typeof KpiReport>;

export const KPI_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
const Month = Type.String({ pattern: KPI_MONTH_PATTERN, description: 'YYYY-MM' });

export const KpiSnapshotRequest = Type.Object({ month: Month }, { additionalProperties: false });
export type KpiSnapshotRequest = Static<typeof KpiSnapshotRequest>;

export const KpiPublishedSummary = Type.Object({
  month: Month,
  from: IsoDate,
  to: IsoDate,
  published_at: Type.String({ format: 'date-time' }),
});
export type KpiPublishedSummary = Static<typeof KpiPublishedSummary>;

export const KpiPublishedList = Type.Object({ items: Type.Array(KpiPublishedSummary) });
export type KpiPublishedList = Static<typeof KpiPublishedList>;

export const KpiPublishedMonth = Type.Composite([KpiPublishedSummary, Type.Object({ rows: Type.Array(KpiRow) })]);
export type KpiPublishedMonth = Static<typeof KpiPublishedMonth>;

export const KpiTargetView = Type.Object({
  year: Type.Integer(),
  scope: StringEnum(TARGET_SCOPES),
  unit_code: Type.Union([Type.String(), Type.Null()]),
  level: Type.Union([StringEnum(TARGET_LEVELS), Type.Null()]),
  indicator: StringEnum(KPI_RATE_INDICATORS),
  target: Type.Number({ minimum: 0, maximum: 1 }),
  source: Type.String(),
});
export type KpiTargetView = Static<typeof KpiTargetView>;

export const KpiTargetList = Type.Object({ items: Type.Array(KpiTargetView) });
export type KpiTargetList = Static<typeof KpiTargetList>;

export const KpiTargetImportReport = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Array(
    Type.Object({ line: Type.Integer({ description: 'Dòng trong tệp, dòng tiêu đề = 1' }), reason: Type.String() }),
  ),
});
export type KpiTargetImportReport = Static<typeof KpiTargetImportReport>;

/**
 * Campaign progress views (docs/campaign-progress.md): the tree of units with value / target / progress
 * per metric, series by day and week, rankings of communes, forecasts, partner timeliness (DHIS2
 * style) and the in-app notices sent to staff by the reminders job.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';
import { METRIC_KINDS, METRIC_SOURCES, PARTNER_CADENCES, PARTNER_KINDS } from './campaigns.ts';

const IsoDate = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Where a unit's target comes from: its own, a level target, or the sum of its children's. */
export const TARGET_ORIGINS = ['unit', 'level', 'children'] as const;
export type TargetOrigin = (typeof TARGET_ORIGINS)[number];

export const ProgressMetricValue = Type.Object({
  code: Type.String(),
  /** Count, or rate 0–1 (4 decimals); null when a rate has no denominator or a kpi rate no dossier. */
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number({ description: 'Tử số của tỷ lệ (đã cộng dồn theo cây)' })),
  denominator: Nullable(Type.Number({ description: 'Mẫu số của tỷ lệ (đã cộng dồn theo cây)' })),
  target: Nullable(Type.Number()),
  targetOrigin: Nullable(StringEnum(TARGET_ORIGINS)),
  /** value ÷ target (4 decimals), null without a target or a value. */
  progress: Nullable(Type.Number()),
});
export type ProgressMetricValue = Static<typeof ProgressMetricValue>;

export const ProgressUnit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  hasChildren: Type.Boolean(),
  metrics: Type.Array(ProgressMetricValue),
});
export type ProgressUnit = Static<typeof ProgressUnit>;

export const ProgressMetricInfo = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  kind: StringEnum(METRIC_KINDS),
  source: StringEnum(METRIC_SOURCES),
});
export type ProgressMetricInfo = Static<typeof ProgressMetricInfo>;

export const CampaignProgress = Type.Object({
  campaignCode: Type.String(),
  campaignName: Type.String(),
  windowStart: IsoDate('Bắt đầu chiến dịch'),
  windowEnd: IsoDate('Kết thúc chiến dịch'),
  asOf: IsoDate('Số liệu tính đến hết ngày'),
  /** Window of the kpi metrics (window start, or a round's statistics window, to asOf). */
  kpiFrom: IsoDate('Chỉ số DVC tính từ ngày'),
  round: Nullable(Type.Integer({ description: 'Đợt báo cáo (khi hỏi theo đợt)' })),
  metrics: Type.Array(ProgressMetricInfo),
  unit: ProgressUnit,
  children: Type.Array(ProgressUnit),
});
export type CampaignProgress = Static<typeof CampaignProgress>;

export const SERIES_STEPS = ['day', 'week'] as const;
export type SeriesStep = (typeof SERIES_STEPS)[number];

export const ProgressSeries = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  metric: Type.String(),
  by: StringEnum(SERIES_STEPS),
  target: Nullable(Type.Number()),
  points: Type.Array(
    Type.Object({
      date: IsoDate('Cuối ngày / cuối tuần'),
      value: Nullable(Type.Number()),
      progress: Nullable(Type.Number()),
    }),
  ),
});
export type ProgressSeries = Static<typeof ProgressSeries>;

export const ProgressRanking = Type.Object({
  metric: Type.String(),
  asOf: IsoDate('Số liệu tính đến hết ngày'),
  items: Type.Array(
    Type.Object({
      rank: Type.Integer({ minimum: 1 }),
      code: Type.String(),
      name: Type.String(),
      value: Nullable(Type.Number()),
      target: Nullable(Type.Number()),
      progress: Nullable(Type.Number()),
    }),
  ),
});
export type ProgressRanking = Static<typeof ProgressRanking>;

export const FORECAST_STATUSES = ['reached', 'on_track', 'behind', 'no_progress', 'no_target', 'no_data'] as const;
export type ForecastStatus = (typeof FORECAST_STATUSES)[number];

export const MetricForecast = Type.Object({
  metric: Type.String(),
  status: StringEnum(FORECAST_STATUSES),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  /** Increase per day over the look-back (see lookbackDays). */
  pacePerDay: Nullable(Type.Number()),
  lookbackDays: Type.Integer({ minimum: 0 }),
  /** Day the target is reached at this pace (may be after the window end). */
  reachDate: Nullable(IsoDate('Ngày dự kiến đạt chỉ tiêu')),
  projectedAtEnd: Nullable(Type.Number({ description: 'Giá trị dự kiến cuối chiến dịch' })),
  /** target − projected value at the window end, when it falls short. */
  shortfall: Nullable(Type.Number()),
});
export type MetricForecast = Static<typeof MetricForecast>;

export const ProgressForecast = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  asOf: IsoDate('Số liệu tính đến hết ngày'),
  windowEnd: IsoDate('Kết thúc chiến dịch'),
  items: Type.Array(MetricForecast),
});
export type ProgressForecast = Static<typeof ProgressForecast>;

export const PartnerTimeliness = Type.Object({
  partnerId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  kind: StringEnum(PARTNER_KINDS),
  cadence: StringEnum(PARTNER_CADENCES),
  expected: Type.Integer({ minimum: 0, description: 'Số báo cáo đến hạn tính đến ngày' }),
  received: Type.Integer({ minimum: 0 }),
  onTime: Type.Integer({ minimum: 0 }),
  /** received ÷ expected and onTime ÷ expected (4 decimals); null when nothing was due yet. */
  completeness: Nullable(Type.Number()),
  timeliness: Nullable(Type.Number()),
  missing: Type.Array(Type.Object({ periodEnd: IsoDate('Kỳ đến ngày'), dueDate: IsoDate('Hạn báo cáo') })),
  late: Type.Array(Type.Object({ periodEnd: IsoDate('Kỳ đến ngày'), dueDate: IsoDate('Hạn báo cáo') })),
});
export type PartnerTimeliness = Static<typeof PartnerTimeliness>;

export const CampaignTimeliness = Type.Object({
  asOf: IsoDate('Tính đến hết ngày'),
  items: Type.Array(PartnerTimeliness),
  total: Type.Object({
    expected: Type.Integer(),
    received: Type.Integer(),
    onTime: Type.Integer(),
    completeness: Nullable(Type.Number()),
    timeliness: Nullable(Type.Number()),
  }),
});
export type CampaignTimeliness = Static<typeof CampaignTimeliness>;

export const STAFF_NOTICE_KINDS = ['report_due', 'field_pending'] as const;
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number];

export const StaffNotice = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(STAFF_NOTICE_KINDS),
  campaignCode: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
export type StaffNotice = Static<typeof StaffNotice>;

export const StaffNoticeList = Type.Object({
  unread: Type.Integer({ minimum: 0 }),
  items: Type.Array(StaffNotice),
});
export type StaffNoticeList = Static<typeof StaffNoticeList>;

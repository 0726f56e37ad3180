import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';
import { KpiRow, TARGET_LEVELS } from './kpi.ts';

/** Campaign kinds of DESIGN §3.9 (docs/campaigns.md): seeds 000/002, 003 part 1, 003 part 2. */
export const CAMPAIGN_KINDS = ['subscriber_verification', 'vneid_activation', 'online_services_drive'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, { vi: string; en: string }> = {
  subscriber_verification: { vi: 'Xác thực thông tin thuê bao di động', en: 'Subscriber verification' },
  vneid_activation: { vi: 'Kích hoạt tài khoản định danh điện tử VNeID', en: 'VNeID activation' },
  online_services_drive: { vi: 'Cao điểm dịch vụ công trực tuyến', en: 'Online-services drive' },
};

export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * Where a campaign stands in time (VN today against its window); `status` is the coordinator's switch
 * (draft, active, closed), the phase is the calendar: an active campaign may still be upcoming.
 */
export const CAMPAIGN_PHASES = ['upcoming', 'running', 'ended'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const METRIC_KINDS = ['count', 'rate'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Where a metric's figure comes from (docs/campaigns.md, "metrics"). */
export const METRIC_SOURCES = ['report', 'field', 'desk', 'selfcheck', 'kpi', 'baseline'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

export const PARTNER_KINDS = ['carrier', 'police', 'post', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_CADENCES = ['daily', 'weekly', 'round'] as const;
export type PartnerCadence = (typeof PARTNER_CADENCES)[number];

const IsoDate = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });

export const CampaignMetricView = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  kind: StringEnum(METRIC_KINDS),
  source: StringEnum(METRIC_SOURCES),
  numeratorCode: Type.Union([Type.String(), Type.Null()]),
  denominatorCode: Type.Union([Type.String(), Type.Null()]),
  kpiIndicator: Type.Union([Type.String(), Type.Null()]),
});
export type CampaignMetricView = Static<typeof CampaignMetricView>;

export const CampaignTargetView = Type.Object({
  metricCode: Type.String(),
  scope: StringEnum(['unit', 'level'] as const),
  unitCode: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  level: Type.Union([StringEnum(TARGET_LEVELS), Type.Null()]),
  value: Type.Number({ description: 'Số tuyệt đối (count) hoặc tỷ lệ 0–1 (rate)' }),
  source: Type.String(),
});
export type CampaignTargetView = Static<typeof CampaignTargetView>;

export const CampaignRoundView = Type.Object({
  seq: Type.Integer(),
  name: Type.String(),
  statsFrom: IsoDate('Số liệu từ ngày'),
  statsTo: IsoDate('Số liệu đến ngày'),
  dueDate: IsoDate('Hạn báo cáo'),
});
export type CampaignRoundView = Static<typeof CampaignRoundView>;

export const CampaignPartnerView = Type.Object({
  id: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  kind: StringEnum(PARTNER_KINDS),
  cadence: StringEnum(PARTNER_CADENCES),
  dueOffsetDays: Type.Integer(),
  metrics: Type.Array(Type.String()),
});
export type CampaignPartnerView = Static<typeof CampaignPartnerView>;

export const CampaignSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: StringEnum(CAMPAIGN_KINDS),
  name: Type.String(),
  status: StringEnum(CAMPAIGN_STATUSES),
  phase: StringEnum(CAMPAIGN_PHASES, {
    description: 'upcoming: trước ngày bắt đầu; running: trong thời gian chiến dịch; ended: sau ngày kết thúc (giờ Việt Nam)',
  }),
  windowStart: IsoDate('Bắt đầu'),
  windowEnd: IsoDate('Kết thúc'),
  scopeUnitCode: Type.String(),
  scopeUnitName: Type.String(),
  coordinatorUnitCode: Type.String(),
  coordinatorUnitName: Type.String(),
});
export type CampaignSummary = Static<typeof CampaignSummary>;

export const CampaignView = Type.Composite([
  CampaignSummary,
  Type.Object({
    legalBasis: Type.String(),
    source: Type.String(),
    metrics: Type.Array(CampaignMetricView),
    targets: Type.Array(CampaignTargetView),
    rounds: Type.Array(CampaignRoundView),
    partners: Type.Array(CampaignPartnerView),
    /** What the caller may do on this campaign (the web hides what it may not). */
    can: Type.Object({ manage: Type.Boolean(), approve: Type.Boolean(), report: Type.Boolean() }),
  }),
]);
export type CampaignView = Static<typeof CampaignView>;

/** Baseline of a unit (subscribers to verify, residents aged ≥ 14, VNeID quota…). */
export const CampaignBaselineView = Type.Object({
  metricCode: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  value: Type.Integer({ minimum: 0 }),
  source: Type.String(),
});
export type CampaignBaselineView = Static<typeof CampaignBaselineView>;

/** A campaign with its baselines (the set-up page shows them next to the targets). */
export const CampaignDetail = Type.Composite([CampaignView, Type.Object({ baselines: Type.Array(CampaignBaselineView) })]);
export type CampaignDetail = Static<typeof CampaignDetail>;

const CODE_PATTERN = '^[A-Za-z0-9._-]{2,64}$';
const METRIC_CODE_PATTERN = '^[a-z][a-z0-9_]{1,63}$';
const UnitCode = Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị' });

/** POST /api/v1/campaigns: a campaign as configured (the shape of data/product/campaigns/*.json). */
export const CampaignDefinitionInput = Type.Object(
  {
    code: Type.String({ pattern: CODE_PATTERN, description: 'Mã chiến dịch, ví dụ AG-XTTB-2026' }),
    kind: StringEnum(CAMPAIGN_KINDS),
    name: Type.String({ minLength: 1, maxLength: 500 }),
    legalBasis: Type.Optional(Type.String({ maxLength: 4000 })),
    source: Type.Optional(Type.String({ maxLength: 2000 })),
    scopeUnitCode: UnitCode,
    coordinatorUnitCode: UnitCode,
    windowStart: IsoDate('Bắt đầu'),
    windowEnd: IsoDate('Kết thúc'),
    unitsOn: Type.Optional(IsoDate('Ngày dùng để tra mã đơn vị (mặc định: ngày bắt đầu)')),
    status: Type.Optional(StringEnum(CAMPAIGN_STATUSES)),
    metrics: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: METRIC_CODE_PATTERN }),
          nameVi: Type.String({ minLength: 1, maxLength: 200 }),
          nameEn: Type.String({ minLength: 1, maxLength: 200 }),
          kind: StringEnum(METRIC_KINDS),
          source: StringEnum(METRIC_SOURCES),
          numeratorCode: Type.Optional(Type.String({ pattern: METRIC_CODE_PATTERN })),
          denominatorCode: Type.Optional(Type.String({ pattern: METRIC_CODE_PATTERN })),
          kpiIndicator: Type.Optional(Type.String({ maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    targets: Type.Optional(
      Type.Array(
        Type.Object(
          {
            metric: Type.String(),
            unitCode: Type.Optional(UnitCode),
            level: Type.Optional(StringEnum(TARGET_LEVELS)),
            value: Type.Number({ minimum: 0 }),
            source: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5000 },
      ),
    ),
    baselines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            metric: Type.String(),
            unitCode: UnitCode,
            value: Type.Integer({ minimum: 0 }),
            source: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5000 },
      ),
    ),
    rounds: Type.Optional(
      Type.Array(
        Type.Object(
          {
            seq: Type.Integer({ minimum: 1 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            statsFrom: IsoDate('Số liệu từ ngày'),
            statsTo: IsoDate('Số liệu đến ngày'),
            dueDate: IsoDate('Hạn báo cáo'),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    partners: Type.Optional(
      Type.Array(
        Type.Object(
          {
            unitCode: UnitCode,
            kind: StringEnum(PARTNER_KINDS),
            cadence: StringEnum(PARTNER_CADENCES),
            dueOffsetDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
            metrics: Type.Array(Type.String({ pattern: METRIC_CODE_PATTERN }), { minItems: 1 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CampaignDefinitionInput = Static<typeof CampaignDefinitionInput>;

/** PATCH /api/v1/campaigns/:ref: what may change after creation. */
export const CampaignPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    legalBasis: Type.Optional(Type.String({ maxLength: 4000 })),
    windowStart: Type.Optional(IsoDate('Bắt đầu')),
    windowEnd: Type.Optional(IsoDate('Kết thúc')),
    status: Type.Optional(StringEnum(CAMPAIGN_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignPatch = Static<typeof CampaignPatch>;

/** Result of a targets or baselines upload (all-or-nothing; a 422 carries the same shape in details). */
export const CampaignSheetReport = Type.Object({
  accepted: Type.Integer({ description: 'Số ô (đơn vị × chỉ tiêu) đã ghi' }),
  metrics: Type.Array(Type.String(), { description: 'Chỉ tiêu có trong tệp: giá trị theo đơn vị của chúng đã được thay' }),
  rejected: Type.Array(
    Type.Object({ line: Type.Integer({ description: 'Dòng trong tệp, dòng tiêu đề = 1' }), reason: Type.String() }),
  ),
});
export type CampaignSheetReport = Static<typeof CampaignSheetReport>;

/** One metric of a round row: the engine's rate, the campaign target that applies and the gap. */
export const CampaignRoundFigure = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Tỷ lệ 0–1 của bộ chỉ số; null khi mẫu số bằng 0' }),
  target: Type.Union([Type.Number(), Type.Null()]),
  targetFrom: Type.Union([Type.String(), Type.Null()], { description: 'unit, hoặc cấp (level) của chỉ tiêu áp dụng' }),
  gap: Type.Union([Type.Number(), Type.Null()], { description: 'value − target' }),
});
export type CampaignRoundFigure = Static<typeof CampaignRoundFigure>;

export const CampaignRoundReport = Type.Object({
  campaignCode: Type.String(),
  round: CampaignRoundView,
  metrics: Type.Array(CampaignMetricView),
  rows: Type.Array(
    Type.Object({
      unitCode: Type.String({ description: 'Mã đơn vị; "total" cho dòng tổng' }),
      unitName: Type.String(),
      /** The indicators engine's row, identical to `motcua kpi` for the same window and unit. */
      kpi: KpiRow,
      figures: Type.Record(Type.String(), CampaignRoundFigure),
    }),
  ),
});
export type CampaignRoundReport = Static<typeof CampaignRoundReport>;

// ---- Changing a campaign after creation (docs/campaigns.md, "changing a campaign") ----

const PartnerMetrics = Type.Array(Type.String({ pattern: METRIC_CODE_PATTERN }), {
  minItems: 1,
  maxItems: 50,
  description: 'Các chỉ tiêu đếm do đối tác báo cáo (nguồn report)',
});
const DueOffset = Type.Integer({ minimum: 0, maximum: 31, description: 'Hạn nộp: số ngày sau ngày cuối kỳ' });

/** POST /api/v1/campaigns/:ref/partners. */
export const CampaignPartnerInput = Type.Object(
  {
    unitCode: UnitCode,
    kind: StringEnum(PARTNER_KINDS),
    cadence: StringEnum(PARTNER_CADENCES),
    dueOffsetDays: Type.Optional(DueOffset),
    metrics: PartnerMetrics,
  },
  { additionalProperties: false },
);
export type CampaignPartnerInput = Static<typeof CampaignPartnerInput>;

/** PATCH /api/v1/campaigns/:ref/partners/:id. */
export const CampaignPartnerPatch = Type.Object(
  {
    cadence: Type.Optional(StringEnum(PARTNER_CADENCES)),
    dueOffsetDays: Type.Optional(DueOffset),
    metrics: Type.Optional(PartnerMetrics),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignPartnerPatch = Static<typeof CampaignPartnerPatch>;

/** PUT /api/v1/campaigns/:ref/rounds: the whole list (an empty list removes every round). */
export const CampaignRoundsInput = Type.Object(
  {
    rounds: Type.Array(
      Type.Object(
        {
          seq: Type.Integer({ minimum: 1, maximum: 1000 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          statsFrom: IsoDate('Số liệu từ ngày'),
          statsTo: IsoDate('Số liệu đến ngày'),
          dueDate: IsoDate('Hạn báo cáo'),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type CampaignRoundsInput = Static<typeof CampaignRoundsInput>;

/** POST /api/v1/campaigns/:ref/metrics: one metric, with the rules of a definition. */
export const CampaignMetricInput = Type.Object(
  {
    code: Type.String({ pattern: METRIC_CODE_PATTERN, description: 'Mã chỉ tiêu: chữ thường, số, dấu _' }),
    nameVi: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StringEnum(METRIC_KINDS),
    source: StringEnum(METRIC_SOURCES),
    numeratorCode: Type.Optional(Type.String({ pattern: METRIC_CODE_PATTERN })),
    denominatorCode: Type.Optional(Type.String({ pattern: METRIC_CODE_PATTERN })),
    kpiIndicator: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CampaignMetricInput = Static<typeof CampaignMetricInput>;

/** PATCH /api/v1/campaigns/:ref/metrics/:code: names only (the figures depend on the rest). */
export const CampaignMetricPatch = Type.Object(
  {
    nameVi: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignMetricPatch = Static<typeof CampaignMetricPatch>;

/** PUT /api/v1/campaigns/:ref/targets/levels: every per-level target (seed 003); unit targets stay. */
export const CampaignLevelTargetsInput = Type.Object(
  {
    targets: Type.Array(
      Type.Object(
        {
          metric: Type.String({ pattern: METRIC_CODE_PATTERN }),
          level: StringEnum(TARGET_LEVELS),
          value: Type.Number({ minimum: 0, description: 'Số tuyệt đối, hoặc tỷ lệ 0–1' }),
          source: Type.Optional(Type.String({ maxLength: 2000, description: 'Căn cứ (trích văn bản)' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type CampaignLevelTargetsInput = Static<typeof CampaignLevelTargetsInput>;

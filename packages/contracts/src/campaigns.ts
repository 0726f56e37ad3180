import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';
import { TARGET_LEVELS } from './kpi.ts';

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

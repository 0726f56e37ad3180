/**
 * Partner reports of a campaign (docs/partner-reports.md): carriers, police and the post office send
 * cumulative totals per commune for each reporting period, by file upload, API (partner token) or CLI.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

export const PARTNER_REPORT_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type PartnerReportStatus = (typeof PARTNER_REPORT_STATUSES)[number];
export const PARTNER_REPORT_STATUS_LABELS: Record<PartnerReportStatus, { vi: string; en: string }> = {
  pending: { vi: 'Chờ duyệt', en: 'Pending approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

export const PARTNER_REPORT_CHANNELS = ['upload', 'api', 'cli'] as const;
export type PartnerReportChannel = (typeof PARTNER_REPORT_CHANNELS)[number];

/** decrease: a total lower than the previous period's; above_next: a revision now higher than the next period's; late. */
export const PARTNER_REPORT_WARNING_KINDS = ['decrease', 'above_next', 'late'] as const;
export type PartnerReportWarningKind = (typeof PARTNER_REPORT_WARNING_KINDS)[number];

const IsoDate = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });
const VnDateTime = (description: string) => Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)` });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const PartnerReportWarning = Type.Object({
  kind: StringEnum(PARTNER_REPORT_WARNING_KINDS),
  message: Type.String({ description: 'Nội dung cảnh báo (tiếng Việt)' }),
  unitCode: Type.Optional(Type.String()),
  unitName: Type.Optional(Type.String()),
  metricCode: Type.Optional(Type.String()),
  /** The other period's value (previous for decrease, next for above_next). */
  otherValue: Type.Optional(Type.Integer()),
  otherPeriodEnd: Type.Optional(Type.String()),
  value: Type.Optional(Type.Integer()),
});
export type PartnerReportWarning = Static<typeof PartnerReportWarning>;

/** One problem that rejects a report: line of the file (header = 1; 0 = the request, e.g. the period), column, reason. */
export const PartnerReportProblem = Type.Object({
  line: Type.Integer({
    minimum: 0,
    description: 'Dòng trong tệp (dòng tiêu đề = 1; với API: vị trí trong rows, từ 1; 0 = cả báo cáo)',
  }),
  column: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  reason: Type.String({ description: 'Lý do (tiếng Việt)' }),
});
export type PartnerReportProblem = Static<typeof PartnerReportProblem>;

/** Details of the 422 IMPORT_REJECTED answer: every problem, nothing written. */
export const PartnerReportRejection = Type.Object({ problems: Type.Array(PartnerReportProblem), skippedLines: Type.Integer() });
export type PartnerReportRejection = Static<typeof PartnerReportRejection>;

const PartnerRef = Type.Object({ id: Type.Integer(), unitCode: Type.String(), unitName: Type.String() });

export const PartnerReportSummary = Type.Object({
  id: Type.Integer(),
  campaignCode: Type.String(),
  partner: PartnerRef,
  periodStart: IsoDate('Đầu kỳ'),
  periodEnd: IsoDate('Cuối kỳ (số liệu lũy kế đến hết ngày này)'),
  revision: Type.Integer({ minimum: 1, description: 'Lần gửi: 1, 2 (sửa đổi)…' }),
  status: StringEnum(PARTNER_REPORT_STATUSES),
  receivedAt: VnDateTime('Thời điểm nhận'),
  dueDate: IsoDate('Hạn gửi'),
  late: Type.Boolean({ description: 'Nhận sau hạn (vẫn được nhận, có đánh dấu)' }),
  channel: StringEnum(PARTNER_REPORT_CHANNELS),
  warningCount: Type.Integer(),
  /** Units of the report inside the caller's scope. */
  unitCount: Type.Integer(),
});
export type PartnerReportSummary = Static<typeof PartnerReportSummary>;

export const PartnerReportList = Type.Object({ items: Type.Array(PartnerReportSummary), total: Type.Integer() });
export type PartnerReportList = Static<typeof PartnerReportList>;

export const PartnerReportRow = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  values: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});
export type PartnerReportRow = Static<typeof PartnerReportRow>;

export const PartnerReportView = Type.Composite([
  PartnerReportSummary,
  Type.Object({
    fileName: Nullable(Type.String()),
    submittedBy: Nullable(Type.String({ description: 'Cán bộ gửi (tải lên); null khi gửi qua API hoặc dòng lệnh' })),
    skippedLines: Type.Integer({ description: 'Dòng trống và dòng ghi chú "#" đã bỏ qua' }),
    metrics: Type.Array(Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() })),
    warnings: Type.Array(PartnerReportWarning),
    decision: Nullable(
      Type.Object({ by: Nullable(Type.String()), at: VnDateTime('Thời điểm quyết định'), note: Nullable(Type.String()) }),
    ),
    /** Only units inside the caller's scope. */
    rows: Type.Array(PartnerReportRow),
    /** Every revision for the same partner and period, oldest first (this one included). */
    history: Type.Array(
      Type.Object({
        id: Type.Integer(),
        revision: Type.Integer(),
        status: StringEnum(PARTNER_REPORT_STATUSES),
        receivedAt: VnDateTime('Thời điểm nhận'),
        late: Type.Boolean(),
      }),
    ),
    /** The caller may approve or reject it now (pending, approver role, every unit in scope). */
    canDecide: Type.Boolean(),
  }),
]);
export type PartnerReportView = Static<typeof PartnerReportView>;

/** JSON body of the partner API (and of tests): the same checks as a file. */
export const PartnerReportSubmission = Type.Object(
  {
    periodEnd: Type.String({
      minLength: 10,
      maxLength: 10,
      description: 'Ngày cuối kỳ báo cáo (YYYY-MM-DD), theo chu kỳ của đối tác',
    }),
    revision: Type.Optional(Type.Boolean({ description: 'true: báo cáo sửa đổi cho kỳ đã gửi (giữ lịch sử)' })),
    rows: Type.Array(
      Type.Object(
        {
          unitCode: Type.String({ maxLength: 30, description: 'Mã đơn vị cấp xã' }),
          values: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), {
            description: 'Chỉ tiêu → số lũy kế (số nguyên ≥ 0)',
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export type PartnerReportSubmission = Static<typeof PartnerReportSubmission>;

export const PartnerReportDecision = Type.Object(
  {
    acknowledgeWarnings: Type.Optional(Type.Boolean({ description: 'Bắt buộc true khi báo cáo có cảnh báo' })),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'Ghi chú (bắt buộc khi từ chối)' })),
  },
  { additionalProperties: false },
);
export type PartnerReportDecision = Static<typeof PartnerReportDecision>;

/** The reporting periods of each partner the caller may report for, with what was sent. */
export const PartnerPeriods = Type.Object({
  partners: Type.Array(
    Type.Composite([
      PartnerRef,
      Type.Object({
        cadence: Type.String(),
        metrics: Type.Array(Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() })),
        periods: Type.Array(
          Type.Object({
            periodStart: IsoDate('Đầu kỳ'),
            periodEnd: IsoDate('Cuối kỳ'),
            dueDate: IsoDate('Hạn gửi'),
            /** The latest revision sent for this period, if any. */
            latest: Nullable(
              Type.Object({ id: Type.Integer(), revision: Type.Integer(), status: StringEnum(PARTNER_REPORT_STATUSES) }),
            ),
          }),
        ),
      }),
    ]),
  ),
});
export type PartnerPeriods = Static<typeof PartnerPeriods>;

export const PartnerTokenCreate = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 200, description: 'Tên gợi nhớ (hệ thống nào dùng mã này)' })) },
  { additionalProperties: false },
);
export type PartnerTokenCreate = Static<typeof PartnerTokenCreate>;

export const PartnerTokenView = Type.Object({
  id: Type.Integer(),
  partnerId: Type.Integer(),
  label: Type.String(),
  createdAt: VnDateTime('Thời điểm cấp'),
  createdBy: Nullable(Type.String()),
  revokedAt: Nullable(VnDateTime('Thời điểm thu hồi')),
});
export type PartnerTokenView = Static<typeof PartnerTokenView>;

/** Answer of the issue call: the only time the secret is shown. */
export const PartnerTokenIssued = Type.Composite([
  PartnerTokenView,
  Type.Object({ token: Type.String({ description: 'pt_…: hiển thị một lần duy nhất' }) }),
]);
export type PartnerTokenIssued = Static<typeof PartnerTokenIssued>;

export const PartnerTokenList = Type.Object({ items: Type.Array(PartnerTokenView) });
export type PartnerTokenList = Static<typeof PartnerTokenList>;

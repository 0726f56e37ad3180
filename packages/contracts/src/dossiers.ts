import { Type, type Static } from '@sinclair/typebox';
import { PROCEDURE_CODE_PATTERN } from './catalog.ts';
import { StringEnum } from './schema.ts';
import { DocumentChoice } from './documents.ts';

/** Lifecycle of DESIGN §3.3 (docs/dossiers.md draws the transitions). */
export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
  'awaiting_payment',
  'approved',
  'refused',
  'result_issued',
  'returned',
  'rejected_at_intake',
  'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang giải quyết', en: 'In progress' },
  supplement_requested: { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for a supplement' },
  awaiting_payment: { vi: 'Chờ nộp phí, lệ phí', en: 'Awaiting payment' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  refused: { vi: 'Từ chối giải quyết', en: 'Refused' },
  result_issued: { vi: 'Đã có kết quả', en: 'Result issued' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  rejected_at_intake: { vi: 'Không tiếp nhận', en: 'Rejected at intake' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
};

/** Channels with their national codes: online (2), counter (1), post (3). */
export const DOSSIER_CHANNELS = ['online', 'counter', 'post'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];
export const COUNTER_CHANNELS = ['counter', 'post'] as const;

export const DOSSIER_PAID = ['none', 'online', 'counter'] as const;
export type DossierPaid = (typeof DOSSIER_PAID)[number];
export const PAYMENT_METHODS = ['online', 'counter'] as const;

export const DOSSIER_RATINGS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type DossierRating = (typeof DOSSIER_RATINGS)[number];

/** Work-queue deadline filters: due within 2 working days, or past due. */
export const DUE_FILTERS = ['soon', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

const VnDateTime = (description: string) =>
  Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)`, examples: ['2026-02-25T17:00:00+07:00'] });
const MaybeDateTime = (description: string) => Type.Union([VnDateTime(description), Type.Null()]);
/** An instant typed by a person or a client: must state its offset. */
const DateTimeInput = (description: string) =>
  Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description: `${description} (ISO 8601 có múi giờ, ví dụ 2026-03-04T17:00:00+07:00)`,
  });

/** The person the dossier is about (personal data: masked in lists, never in public views or logs). */
export const Applicant = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200, description: 'Họ, chữ đệm và tên' }),
    idNumber: Type.String({ minLength: 9, maxLength: 20, description: 'Số CCCD (12 chữ số) hoặc CMND (9 chữ số)' }),
    phone: Type.String({ minLength: 9, maxLength: 20, description: 'Số điện thoại di động' }),
    address: Type.String({ minLength: 1, maxLength: 500, description: 'Địa chỉ liên hệ' }),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

const FormData = Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' }), Type.Unknown(), {
  description: 'Giá trị các trường của tờ khai điện tử (e-form) của thủ tục',
});
const Version = Type.Integer({ minimum: 1, description: 'Phiên bản hồ sơ đang xem; khác phiên bản hiện tại → 409 CONFLICT' });
const Reason = Type.String({ minLength: 1, maxLength: 2000, description: 'Lý do' });
const UnitCode = Type.String({ minLength: 1, maxLength: 30 });

export const CounterIntake = Type.Object(
  {
    procedureCode: Type.String({ pattern: PROCEDURE_CODE_PATTERN }),
    unitCode: Type.String({ minLength: 1, maxLength: 30, description: 'Đơn vị giải quyết' }),
    channel: StringEnum(COUNTER_CHANNELS, { description: 'counter: nộp trực tiếp; post: qua bưu chính' }),
    applicant: Applicant,
    formData: FormData,
    feeVnd: Type.Optional(Type.Integer({ minimum: 0, description: 'Lệ phí (đồng); mặc định theo danh mục và kênh nộp' })),
    digitizedDossier: Type.Boolean({ description: 'Thành phần hồ sơ đã được số hóa khi tiếp nhận' }),
    reusedData: Type.Optional(Type.Boolean({ description: 'Dùng lại dữ liệu đã có (CSDL dân cư, kết quả trước)' })),
  },
  { additionalProperties: false },
);
export type CounterIntake = Static<typeof CounterIntake>;

export const OnlineSubmission = Type.Object(
  {
    procedureCode: Type.String({ pattern: PROCEDURE_CODE_PATTERN }),
    unitCode: Type.String({ minLength: 1, maxLength: 30, description: 'Đơn vị giải quyết' }),
    applicant: Applicant,
    formData: FormData,
    feeVnd: Type.Optional(Type.Integer({ minimum: 0 })),
    reusedData: Type.Optional(Type.Boolean()),
    prefilledFields: Type.Optional(
      Type.Array(Type.String({ pattern: '^(applicant\\.)?[a-zA-Z][a-zA-Z0-9_]*$', maxLength: 100 }), {
        maxItems: 200,
        uniqueItems: true,
        description:
          'Các trường công dân giữ nguyên giá trị điền sẵn từ GET /api/v1/me/prefill (tên trường tờ khai, hoặc applicant.fullName …); máy chủ chỉ tính những trường có giá trị đúng bằng giá trị đã điền sẵn',
      }),
    ),
    documents: Type.Optional(
      Type.Array(DocumentChoice, {
        maxItems: 50,
        description: 'Giấy tờ chọn từ kho dữ liệu của công dân cho các thành phần hồ sơ (tái sử dụng); chỉ giấy tờ của chính mình',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OnlineSubmission = Static<typeof OnlineSubmission>;

export const VersionOnly = Type.Object({ version: Version }, { additionalProperties: false });
export type VersionOnly = Static<typeof VersionOnly>;
export const WithReason = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });
export type WithReason = Static<typeof WithReason>;
export const WithOptionalNote = Type.Object(
  { version: Version, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type WithOptionalNote = Static<typeof WithOptionalNote>;
export const AssignAction = Type.Object(
  { version: Version, staffId: Type.Integer({ minimum: 1, description: 'Cán bộ được giao (thuộc đơn vị giải quyết)' }) },
  { additionalProperties: false },
);
export type AssignAction = Static<typeof AssignAction>;
export const TransferAction = Type.Object(
  { version: Version, unitCode: UnitCode, reason: Reason },
  { additionalProperties: false },
);
export type TransferAction = Static<typeof TransferAction>;
export const IssueResultAction = Type.Object(
  { version: Version, digitizedResult: Type.Boolean({ description: 'Kết quả được cấp bản điện tử' }) },
  { additionalProperties: false },
);
export type IssueResultAction = Static<typeof IssueResultAction>;
export const ApologyAction = Type.Object(
  { version: Version, newDueAt: DateTimeInput('Ngày hẹn mới trong thư xin lỗi'), reason: Reason },
  { additionalProperties: false },
);
export type ApologyAction = Static<typeof ApologyAction>;
export const PaymentAction = Type.Object(
  { version: Version, method: StringEnum(PAYMENT_METHODS) },
  { additionalProperties: false },
);
export type PaymentAction = Static<typeof PaymentAction>;
export const RatingAction = Type.Object(
  { version: Version, rating: StringEnum(DOSSIER_RATINGS) },
  { additionalProperties: false },
);
export type RatingAction = Static<typeof RatingAction>;

const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

export const DossierEventView = Type.Object({
  at: VnDateTime('Thời điểm'),
  actor: Type.Object({
    kind: StringEnum(['staff', 'citizen', 'system', 'anonymous'] as const),
    id: Type.Union([Type.String(), Type.Null()]),
    name: Type.Union([Type.String(), Type.Null()], { description: 'Tên cán bộ' }),
  }),
  action: Type.String(),
  fromStatus: Type.Union([StringEnum(DOSSIER_STATUSES), Type.Null()]),
  toStatus: StringEnum(DOSSIER_STATUSES),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type DossierEventView = Static<typeof DossierEventView>;

/** A line of the work queue: the applicant's name is masked. */
export const DossierSummary = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  status: StringEnum(DOSSIER_STATUSES),
  channel: StringEnum(DOSSIER_CHANNELS),
  handlingUnit: UnitRef,
  applicantName: Type.Union([Type.String(), Type.Null()], { description: 'Tên người nộp đã che (chữ cái đầu)' }),
  submittedAt: VnDateTime('Thời điểm nộp'),
  receivedAt: MaybeDateTime('Thời điểm tiếp nhận'),
  dueAt: MaybeDateTime('Ngày hẹn trả hiện tại'),
  finishedAt: MaybeDateTime('Thời điểm có quyết định'),
  apologyDueAt: MaybeDateTime('Ngày hẹn mới trong thư xin lỗi'),
  late: Type.Boolean({ description: 'Quá hạn: quyết định sau ngày hẹn, hoặc chưa quyết định mà đã qua ngày hẹn' }),
  assignedStaffId: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
});
export type DossierSummary = Static<typeof DossierSummary>;

export const DossierList = Type.Object({ items: Type.Array(DossierSummary), total: Type.Integer() });
export type DossierList = Static<typeof DossierList>;

/** The full view for staff in scope (personal data included; each read is audited). */
export const DossierView = Type.Composite([
  DossierSummary,
  Type.Object({
    receivingUnit: UnitRef,
    applicant: Type.Union([Applicant, Type.Null()], { description: 'null cho hồ sơ nhập từ hệ thống cũ' }),
    formData: Type.Record(Type.String(), Type.Unknown()),
    originalDueAt: MaybeDateTime('Ngày hẹn trả lúc tiếp nhận'),
    supplementRequests: Type.Integer(),
    pausedSince: MaybeDateTime('Bắt đầu chờ bổ sung (tạm dừng tính hạn)'),
    feeVnd: Type.Integer(),
    paid: StringEnum(DOSSIER_PAID),
    digitizedDossier: Type.Boolean(),
    digitizedResult: Type.Boolean(),
    reusedData: Type.Boolean(),
    rating: Type.Union([StringEnum(DOSSIER_RATINGS), Type.Null()]),
    complaint: Type.Boolean(),
    parentCode: Type.Union([Type.String(), Type.Null()], { description: 'Hồ sơ liên thông trước' }),
    chainedCodes: Type.Array(Type.String(), { description: 'Hồ sơ liên thông được mở từ hồ sơ này' }),
    imported: Type.Boolean(),
    events: Type.Array(DossierEventView),
  }),
]);
export type DossierView = Static<typeof DossierView>;

/** Public tracking by receipt code: status and dates only, no personal data. */
export const DossierTracking = Type.Object(
  {
    code: Type.String(),
    status: StringEnum(DOSSIER_STATUSES),
    statusLabel: Type.String(),
    procedureCode: Type.String(),
    procedureName: Type.String(),
    receivedAt: MaybeDateTime('Thời điểm tiếp nhận'),
    dueAt: MaybeDateTime('Ngày hẹn trả'),
    finishedAt: MaybeDateTime('Thời điểm có quyết định'),
  },
  { additionalProperties: false },
);
export type DossierTracking = Static<typeof DossierTracking>;

/** Columns of `motcua import dossiers FILE`, in order (docs/dossiers.md). */
export const DOSSIER_IMPORT_COLUMNS = [
  'code',
  'procedure_code',
  'unit_code',
  'channel',
  'received_at',
  'due_at',
  'finished_at',
  'status',
  'supplement_requests',
  'fee_vnd',
  'paid',
  'digitized_dossier',
  'digitized_result',
  'reused_data',
  'rating',
  'complaint',
] as const;

/** An officer a dossier may be assigned to: a processor or approver of the handling unit's subtree. */
export const Assignee = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  roles: Type.Array(Type.String()),
});
export type Assignee = Static<typeof Assignee>;
export const AssigneeList = Type.Object({ items: Type.Array(Assignee) });
export type AssigneeList = Static<typeof AssigneeList>;

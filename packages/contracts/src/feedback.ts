import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** Phản ánh (something went wrong) and kiến nghị (a proposal or request): docs/feedback.md. */
export const FEEDBACK_KINDS = ['phan_anh', 'kien_nghi'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = { phan_anh: 'Phản ánh', kien_nghi: 'Kiến nghị' };

export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: 'Đã tiếp nhận',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã kết thúc',
};

const VnDateTime = (description: string) => Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)` });
const MaybeDateTime = (description: string) => Type.Union([VnDateTime(description), Type.Null()]);
const Text = (description: string) => Type.String({ minLength: 1, maxLength: 5000, description });

export const FeedbackSubmission = Type.Object(
  {
    kind: StringEnum(FEEDBACK_KINDS, { description: 'phan_anh: phản ánh; kien_nghi: kiến nghị' }),
    content: Text('Nội dung phản ánh, kiến nghị'),
    dossierCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ của chính công dân mà phản ánh, kiến nghị nói đến' })),
    unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Đơn vị tiếp nhận khi không gắn với hồ sơ (bắt buộc khi không có mã hồ sơ)' })),
  },
  { additionalProperties: false },
);
export type FeedbackSubmission = Static<typeof FeedbackSubmission>;

export const FeedbackView = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(FEEDBACK_KINDS),
  kindLabel: Type.String(),
  status: StringEnum(FEEDBACK_STATUSES),
  statusLabel: Type.String(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Object({ code: Type.String(), name: Type.String() }, { description: 'Đơn vị có trách nhiệm trả lời' }),
  content: Type.String(),
  receivedAt: VnDateTime('Thời điểm tiếp nhận'),
  dueAt: VnDateTime('Hạn trả lời (ngày làm việc)'),
  answeredAt: MaybeDateTime('Thời điểm trả lời'),
  answer: Type.Union([Type.String(), Type.Null()]),
  late: Type.Boolean({ description: 'Trả lời sau hạn, hoặc chưa trả lời mà đã quá hạn' }),
});
export type FeedbackView = Static<typeof FeedbackView>;

/** What staff see: the sender's name is masked in lists and shown (and audited) in the detail view. */
export const FeedbackStaffView = Type.Composite([
  FeedbackView,
  Type.Object({
    citizenName: Type.String({ description: 'Người gửi (che trong danh sách)' }),
    answeredBy: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  }),
]);
export type FeedbackStaffView = Static<typeof FeedbackStaffView>;

export const FeedbackList = Type.Object({ items: Type.Array(FeedbackView), total: Type.Integer() });
export type FeedbackList = Static<typeof FeedbackList>;
export const FeedbackStaffList = Type.Object({ items: Type.Array(FeedbackStaffView), total: Type.Integer() });
export type FeedbackStaffList = Static<typeof FeedbackStaffList>;

export const FeedbackAnswer = Type.Object({ answer: Text('Nội dung trả lời') }, { additionalProperties: false });
export type FeedbackAnswer = Static<typeof FeedbackAnswer>;

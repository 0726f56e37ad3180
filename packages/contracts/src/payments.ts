import { Type, type Static } from '@sinclair/typebox';
import { DOSSIER_RATINGS } from './dossiers.ts';
import { StringEnum } from './schema.ts';

/** Lifecycle of a payment intent (docs/payments.md). */
export const PAYMENT_STATUSES = ['created', 'pending', 'paid', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, { vi: string; en: string }> = {
  created: { vi: 'Đã tạo yêu cầu', en: 'Created' },
  pending: { vi: 'Đang chờ cổng thanh toán', en: 'Pending' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  failed: { vi: 'Thanh toán không thành công', en: 'Failed' },
  expired: { vi: 'Hết thời gian thanh toán', en: 'Expired' },
};

const VnDateTime = (description: string) => Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)` });
const MaybeDateTime = (description: string) => Type.Union([VnDateTime(description), Type.Null()]);
const Money = (description: string) => Type.Integer({ minimum: 0, description: `${description} (đồng)` });

/** What the citizen gets when starting a payment: where to send the browser. */
export const PaymentIntent = Type.Object({
  reference: Type.String({ description: 'Mã giao dịch của hệ thống (gửi sang cổng thanh toán)' }),
  dossierCode: Type.String(),
  amountVnd: Money('Số tiền'),
  status: StringEnum(PAYMENT_STATUSES),
  createdAt: VnDateTime('Thời điểm tạo'),
  expiresAt: VnDateTime('Cổng thanh toán không nhận thanh toán sau thời điểm này'),
  redirectUrl: Type.String({ description: 'Địa chỉ trang thanh toán của cổng, đã ký HMAC-SHA256' }),
});
export type PaymentIntent = Static<typeof PaymentIntent>;

export const PaymentView = Type.Object({
  reference: Type.String(),
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  amountVnd: Money('Số tiền'),
  status: StringEnum(PAYMENT_STATUSES),
  statusLabel: Type.String(),
  createdAt: VnDateTime('Thời điểm tạo'),
  expiresAt: VnDateTime('Hạn thanh toán'),
  paidAt: MaybeDateTime('Thời điểm thanh toán'),
  receiptNumber: Type.Union([Type.String(), Type.Null()], { description: 'Ký hiệu/số biên lai, khi đã thanh toán' }),
});
export type PaymentView = Static<typeof PaymentView>;

export const PaymentList = Type.Object({ items: Type.Array(PaymentView), total: Type.Integer() });
export type PaymentList = Static<typeof PaymentList>;

/** The electronic receipt (biên lai điện tử) of a paid fee. */
export const PaymentReceipt = Type.Object({
  series: Type.String({ description: 'Ký hiệu biên lai' }),
  number: Type.String({ description: 'Số biên lai' }),
  reference: Type.String({ description: 'Mã giao dịch của hệ thống' }),
  gatewayTransactionNo: Type.String({ description: 'Mã giao dịch của cổng thanh toán' }),
  bankCode: Type.Union([Type.String(), Type.Null()]),
  amountVnd: Money('Số tiền'),
  amountInWords: Type.String({ description: 'Số tiền bằng chữ' }),
  content: Type.String({ description: 'Nội dung thu' }),
  method: Type.Literal('online', { description: 'Hình thức thanh toán: trực tuyến' }),
  payer: Type.Object({ fullName: Type.String({ description: 'Người nộp tiền' }) }),
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  collectingUnit: Type.Object({ code: Type.String(), name: Type.String() }, { description: 'Đơn vị thu (đơn vị giải quyết hồ sơ)' }),
  paidAt: VnDateTime('Thời điểm thanh toán'),
});
export type PaymentReceipt = Static<typeof PaymentReceipt>;

/**
 * The gateway's server-to-server callback (IPN). The body is signed as a whole: header
 * `x-signature` = hex HMAC-SHA256 of the raw body bytes with the merchant's secret.
 */
export const GatewayCallback = Type.Object(
  {
    merchant: Type.String({ minLength: 1, maxLength: 32, description: 'Mã đơn vị chấp nhận thanh toán' }),
    orderRef: Type.String({ minLength: 1, maxLength: 64, description: 'Mã giao dịch của hệ thống (reference)' }),
    amount: Type.Integer({ minimum: 0, description: 'Số tiền (đồng)' }),
    transactionNo: Type.String({ minLength: 1, maxLength: 64, description: 'Mã giao dịch của cổng' }),
    responseCode: Type.String({ minLength: 2, maxLength: 8, description: '00 = thành công; khác = không thành công' }),
    bankCode: Type.Optional(Type.String({ maxLength: 20 })),
    payDate: Type.String({ pattern: '^[0-9]{14}$', description: 'yyyyMMddHHmmss giờ Việt Nam' }),
  },
  { additionalProperties: false },
);
export type GatewayCallback = Static<typeof GatewayCallback>;

/** What motcua answers the gateway (VNPay-style RspCode): 00 and 02 stop the gateway's retries. */
export const GatewayAnswer = Type.Object({
  RspCode: Type.String({ description: '00 xác nhận; 02 đã xác nhận trước đó; 01 không có giao dịch; 04 sai số tiền; 97 sai chữ ký; 99 lỗi khác' }),
  Message: Type.String(),
});
export type GatewayAnswer = Static<typeof GatewayAnswer>;

/** The citizen's satisfaction rating of their own decided dossier; a reason is required when unsatisfied. */
export const CitizenRatingAction = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'Phiên bản hồ sơ đang xem' }),
    rating: StringEnum(DOSSIER_RATINGS, { description: 'satisfied: hài lòng; neutral: bình thường; unsatisfied: không hài lòng' }),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Lý do (bắt buộc khi không hài lòng)' })),
  },
  { additionalProperties: false },
);
export type CitizenRatingAction = Static<typeof CitizenRatingAction>;

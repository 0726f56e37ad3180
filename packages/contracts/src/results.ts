import { Type, type Static } from '@sinclair/typebox';
import { PROCEDURE_CODE_PATTERN } from './catalog.ts';
import { StringEnum } from './schema.ts';

/** Electronic results (DESIGN §3.5): signed PDF, QR verification link, revocation. */
export const RESULT_STATUSES = ['valid', 'revoked'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** Public id of a result as printed in its QR link: 26 characters of lower-case base32. */
export const RESULT_ID_PATTERN = '^[a-z2-7]{26}$';

const VnDateTime = (description: string) =>
  Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)`, examples: ['2026-03-05T16:00:00+07:00'] });

/**
 * What the public verification page shows (GET /api/v1/verify/{id}): enough to compare with the
 * paper in hand, nothing more: no ID number, the applicant's name masked.
 */
export const ResultVerification = Type.Object({
  status: StringEnum(['valid', 'revoked', 'not_found'] as const, {
    description: 'valid: văn bản còn hiệu lực; revoked: đã bị thu hồi; not_found: không có văn bản mang mã này',
  }),
  id: Type.Optional(Type.String()),
  number: Type.Optional(Type.String({ description: 'Số văn bản, ví dụ 12/TB-UBND' })),
  title: Type.Optional(Type.String()),
  issuedAt: Type.Optional(VnDateTime('Thời điểm ký ban hành')),
  unitName: Type.Optional(Type.String({ description: 'Cơ quan ban hành (tên tại thời điểm ban hành)' })),
  procedureCode: Type.Optional(Type.String({ pattern: PROCEDURE_CODE_PATTERN })),
  procedureName: Type.Optional(Type.String()),
  applicantName: Type.Optional(Type.Union([Type.String({ description: 'Tên người nộp đã che, ví dụ "Nguyễn T. M. A."' }), Type.Null()])),
  documentSha256: Type.Optional(Type.String({ description: 'SHA-256 (hex) của tệp PDF đã ký' })),
  signature: Type.Optional(Type.String({ description: 'Định dạng chữ ký: PAdES-B-B' })),
  revokedAt: Type.Optional(VnDateTime('Thời điểm thu hồi')),
  reason: Type.Optional(Type.String({ description: 'Lý do thu hồi' })),
});
export type ResultVerification = Static<typeof ResultVerification>;

/** The check of an uploaded file (POST /api/v1/verify/{id}/file and /api/v1/verify/file). */
export const ResultFileVerification = Type.Object({
  status: StringEnum(['valid', 'invalid', 'revoked', 'not_found'] as const, {
    description: 'valid: đúng bản đã cấp, chữ ký hợp lệ; invalid: tệp bị sửa hoặc không phải bản đã cấp; revoked: bản thật nhưng đã bị thu hồi; not_found: không có văn bản',
  }),
  reason: Type.Optional(Type.String({ description: 'Giải thích bằng tiếng Việt khi không hợp lệ, bị thu hồi hoặc không tìm thấy' })),
  checks: Type.Object({
    sameFile: Type.Boolean({ description: 'SHA-256 của tệp trùng với bản đã cấp' }),
    signatureValid: Type.Boolean({ description: 'Chữ ký số khớp với nội dung tệp' }),
    certificateTrusted: Type.Boolean({ description: 'Chứng thư ký do CA của hệ thống cấp, đúng đơn vị đã ký văn bản' }),
  }),
  uploadedSha256: Type.String(),
  document: Type.Optional(ResultVerification),
});
export type ResultFileVerification = Static<typeof ResultFileVerification>;

/** A result as its owner and the staff of the issuing unit see it. */
export const ResultView = Type.Object({
  id: Type.String({ pattern: RESULT_ID_PATTERN }),
  number: Type.String(),
  title: Type.String(),
  status: StringEnum(RESULT_STATUSES),
  issuedAt: VnDateTime('Thời điểm ký ban hành'),
  dossierCode: Type.String(),
  unitName: Type.String(),
  procedureCode: Type.String({ pattern: PROCEDURE_CODE_PATTERN }),
  procedureName: Type.String(),
  documentSha256: Type.String(),
  sizeBytes: Type.Integer(),
  signature: Type.String({ description: 'PAdES-B-B' }),
  certificateSerial: Type.String(),
  verifyUrl: Type.String({ description: 'Địa chỉ tra cứu in trong mã QR' }),
  pdfUrl: Type.String({ description: 'Tải bản PDF đã ký (chủ hồ sơ, cán bộ đơn vị giải quyết)' }),
  revokedAt: Type.Union([VnDateTime('Thời điểm thu hồi'), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});
export type ResultView = Static<typeof ResultView>;

export const RevokeResult = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Lý do thu hồi (bắt buộc)' }) },
  { additionalProperties: false },
);
export type RevokeResult = Static<typeof RevokeResult>;

/**
 * A name for a public page: the family name whole, the other words as initials
 * ("Nguyễn Thị Thu Hà" → "Nguyễn T. T. H.").
 */
export function maskPersonName(fullName: string): string {
  const [family, ...rest] = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!family) return '';
  return [family, ...rest.map((w) => `${w.charAt(0).toLocaleUpperCase('vi')}.`)].join(' ');
}

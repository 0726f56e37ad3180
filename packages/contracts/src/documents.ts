/**
 * Documents, the personal data store (Kho quản lý dữ liệu điện tử của tổ chức, cá nhân) and the
 * personal-data access log (DESIGN §3.5, §4.3; docs/documents.md).
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** upload: sent by the citizen; digitized: a paper scanned at the desk (số hóa); result: an issued result. */
export const DOCUMENT_KINDS = ['upload', 'digitized', 'result'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The only types kept, as sniffed from the content (never from the name or the declared type). */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** Document ids: 128 random bits in base64url. */
export const DOCUMENT_ID_PATTERN = '^[A-Za-z0-9_-]{22}$';

const At = (description: string) => Type.String({ description: `${description} (ISO 8601, giờ Việt Nam)` });

/** Where a document is used. */
export const DocumentUse = Type.Object({
  dossierCode: Type.String(),
  component: Type.Union([Type.String(), Type.Null()], { description: 'Thành phần hồ sơ; null: kết quả của hồ sơ' }),
  reused: Type.Boolean({ description: 'Lấy lại từ kho dữ liệu thay vì nộp mới' }),
});
export type DocumentUse = Static<typeof DocumentUse>;

/** A document as its owner sees it in their store. */
export const DocumentView = Type.Object({
  id: Type.String({ pattern: DOCUMENT_ID_PATTERN }),
  kind: StringEnum(DOCUMENT_KINDS),
  title: Type.String(),
  fileName: Type.String({ description: 'Tên tệp gốc (đuôi theo loại tệp thực tế)' }),
  mediaType: StringEnum(DOCUMENT_MEDIA_TYPES, { description: 'Loại tệp nhận biết từ nội dung' }),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'Mã băm SHA-256 của nội dung' }),
  digitized: Type.Boolean({ description: 'Bản điện tử do cơ quan số hóa hoặc cấp (kết quả)' }),
  createdAt: At('Thời điểm lưu'),
  downloadUrl: Type.String(),
  usedIn: Type.Array(DocumentUse, { description: 'Các hồ sơ đã dùng giấy tờ này' }),
});
export type DocumentView = Static<typeof DocumentView>;

export const DocumentList = Type.Object({ items: Type.Array(DocumentView), total: Type.Integer() });
export type DocumentList = Static<typeof DocumentList>;

/** A document attached to a dossier, as the handling official sees it. */
export const DossierDocument = Type.Object({
  id: Type.String({ pattern: DOCUMENT_ID_PATTERN }),
  kind: StringEnum(DOCUMENT_KINDS),
  title: Type.String(),
  fileName: Type.String(),
  mediaType: StringEnum(DOCUMENT_MEDIA_TYPES),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  digitized: Type.Boolean(),
  reused: Type.Boolean(),
  attachedAt: At('Thời điểm đính kèm'),
  downloadUrl: Type.String(),
});
export type DossierDocument = Static<typeof DossierDocument>;

export const DossierComponentDocuments = Type.Object({
  name: Type.String({ description: 'Tên thành phần hồ sơ theo danh mục' }),
  required: Type.Boolean(),
  digitized: Type.Boolean({ description: 'Đã có bản điện tử' }),
  documents: Type.Array(DossierDocument),
});
export type DossierComponentDocuments = Static<typeof DossierComponentDocuments>;

export const DossierDocuments = Type.Object({
  code: Type.String(),
  digitizedDossier: Type.Boolean({ description: 'Mọi thành phần bắt buộc đã có bản điện tử' }),
  components: Type.Array(DossierComponentDocuments),
  results: Type.Array(DossierDocument, { description: 'Kết quả điện tử của hồ sơ' }),
  others: Type.Array(Type.Composite([DossierDocument, Type.Object({ component: Type.String() })]), {
    description: 'Giấy tờ của thành phần không còn trong danh mục hiện hành',
  }),
});
export type DossierDocuments = Static<typeof DossierDocuments>;

/** One stored document chosen for one component of an online submission (reuse, tái sử dụng). */
export const DocumentChoice = Type.Object(
  {
    component: Type.String({ minLength: 1, maxLength: 500, description: 'Tên thành phần hồ sơ, đúng như trong danh mục thủ tục' }),
    documentId: Type.String({ pattern: DOCUMENT_ID_PATTERN, description: 'Mã giấy tờ trong kho dữ liệu của công dân' }),
  },
  { additionalProperties: false },
);
export type DocumentChoice = Static<typeof DocumentChoice>;

export const ACCESS_ACTIONS = ['read', 'download', 'list'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export const ACCESS_TARGETS = ['dossier', 'document'] as const;
export type AccessTarget = (typeof ACCESS_TARGETS)[number];

/** One access to a person's data, as the person reads it (Nghị định 13/2023/NĐ-CP). */
export const AccessLogEntry = Type.Object({
  at: At('Thời điểm'),
  actor: Type.Object({
    kind: StringEnum(['staff', 'citizen', 'system'] as const),
    name: Type.String({ description: 'Họ tên cán bộ, hoặc chính công dân' }),
    unitCode: Type.Union([Type.String(), Type.Null()]),
    unitName: Type.Union([Type.String(), Type.Null()], { description: 'Đơn vị công tác của cán bộ lúc truy cập' }),
  }),
  action: StringEnum(ACCESS_ACTIONS, { description: 'read: xem; download: tải về; list: xem danh sách giấy tờ' }),
  what: Type.Object({ kind: StringEnum(ACCESS_TARGETS), ref: Type.String({ description: 'Mã hồ sơ hoặc mã giấy tờ' }) }),
  purpose: Type.String({ description: 'Mục đích' }),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;

export const AccessLog = Type.Object({ items: Type.Array(AccessLogEntry), total: Type.Integer() });
export type AccessLog = Static<typeof AccessLog>;

import { Type } from '@sinclair/typebox';
import { DOCUMENT_ID_PATTERN, DocumentList, DocumentView, DossierDocument, DossierDocuments } from '@motcua/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { requireActor, requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import type { ActionContext } from '../dossiers/dossiers.service.ts';
import { blobStoreFor } from './documents.blobs.ts';
import { closeIfBodyUnread, receiveUpload } from './documents.multipart.ts';
import * as documents from './documents.service.ts';
import type { Download } from './documents.service.ts';

const IdParam = Type.String({ pattern: DOCUMENT_ID_PATTERN, description: 'Mã giấy tờ' });
const CodeParam = Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ (mã biên nhận)' });
const DownloadQuery = Type.Object({
  inline: Type.Optional(Type.Boolean({ description: 'true: mở xem trong trình duyệt thay vì tải về' })),
});

const FILE_RESPONSE = {
  description: 'Nội dung tệp, Content-Type theo loại tệp thực tế, Content-Disposition giữ tên tiếng Việt (filename*)',
  content: {
    'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
    'image/png': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
    'image/jpeg': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
  },
};

const UPLOAD_RULES =
  'Gửi multipart/form-data với trường "file" (một tệp)SUFFIX. Chỉ nhận PDF, PNG, JPEG, nhận biết từ nội dung tệp (đuôi tệp và Content-Type khai báo không được tin): ảnh PNG đặt tên .pdf được lưu là image/png; tệp khác (exe, zip, docx …) → 415. Quá dung lượng (MOTCUA_UPLOAD_MAX_BYTES, mặc định 10 MB) → 413.';

const Digitized = Type.Object({
  document: DossierDocument,
  dossier: Type.Object({
    code: Type.String(),
    version: Type.Integer(),
    digitizedDossier: Type.Boolean({ description: 'Đủ bản điện tử của mọi thành phần bắt buộc' }),
  }),
});

/** Streams a document with headers that keep it from being run as a page. */
function sendFile(reply: FastifyReply, d: Download) {
  return reply
    .type(d.mediaType)
    .header('content-length', String(d.size))
    .header('content-disposition', d.contentDisposition)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('etag', `"${d.sha256}"`)
    .send(d.stream);
}

export function documentsRoutes(app: App): void {
  const { db, config } = app.deps;
  const blobs = blobStoreFor(config);
  const maxBytes = config.uploadMaxBytes;
  const readOpts = (req: FastifyRequest, query: { inline?: boolean }) => ({ now: new Date(), requestId: req.id, inline: query.inline });

  app.post(
    '/api/v1/me/documents',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Tải giấy tờ lên kho dữ liệu của tôi / upload to my data store',
        description: UPLOAD_RULES.replace('SUFFIX', ', tùy chọn "title" (tên giấy tờ)') + ' Giấy tờ dùng được khi nộp hồ sơ trực tuyến (OnlineSubmission.documents).',
        security: CITIZEN_SECURITY,
        consumes: ['multipart/form-data'],
        response: { 201: DocumentView, ...errorResponses(400, 401, 413, 415) },
      },
      onSend: closeIfBodyUnread,
    },
    async (req, reply) => {
      const citizen = requireCitizen(req);
      const { file, fields } = await receiveUpload(req, blobs, maxBytes);
      if (!file) throw documents.noFile();
      return reply.status(201).send(await documents.uploadForCitizen(db, citizen, file, { title: fields.title, now: new Date() }));
    },
  );

  app.get(
    '/api/v1/me/documents',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Kho dữ liệu điện tử của tôi / my data store',
        description:
          'Kho quản lý dữ liệu điện tử của cá nhân: giấy tờ đã tải lên, giấy tờ được số hóa khi nộp tại Bộ phận Một cửa và kết quả giải quyết TTHC bản điện tử; mới nhất trước, kèm các hồ sơ đã dùng từng giấy tờ.',
        security: CITIZEN_SECURITY,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: DocumentList, ...errorResponses(400, 401) },
      },
    },
    async (req) => documents.listMyDocuments(db, requireCitizen(req), { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/api/v1/me/documents/:id',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Tải một giấy tờ của tôi / download one of my documents',
        description: 'Chỉ giấy tờ của chính công dân; của người khác trả 404 như mã không tồn tại. Mỗi lần tải được ghi vào nhật ký truy cập.',
        security: CITIZEN_SECURITY,
        params: Type.Object({ id: IdParam }),
        querystring: DownloadQuery,
        response: { 200: FILE_RESPONSE, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendFile(reply, await documents.openMyDocument(db, blobs, requireCitizen(req), req.params.id, readOpts(req, req.query))),
  );

  app.post(
    '/api/v1/dossiers/:code/documents',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Số hóa thành phần hồ sơ giấy / digitise a paper component',
        description:
          UPLOAD_RULES.replace('SUFFIX', ', "component" (tên thành phần hồ sơ đúng như danh mục thủ tục) và tùy chọn "title"') +
          ' Vai trò: intake_officer, processor của đơn vị giải quyết, khi hồ sơ đang giải quyết (received, in_progress, supplement_requested, awaiting_payment). Khi mọi thành phần bắt buộc đã có bản điện tử, hồ sơ được đánh dấu đã số hóa (chỉ số số hóa hồ sơ).',
        security: STAFF_SECURITY,
        consumes: ['multipart/form-data'],
        params: Type.Object({ code: CodeParam }),
        response: { 201: Digitized, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
      onSend: closeIfBodyUnread,
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { file, fields } = await receiveUpload(req, blobs, maxBytes);
      if (!file) throw documents.noFile();
      try {
        const component = fields.component?.trim();
        if (!component) throw documents.noComponent();
        const ctx: ActionContext = { actor, citizen: null, now: new Date(), officeHoursEnd: config.officeHoursEnd, requestId: req.id };
        const r = await db.transaction().execute((trx) => documents.digitizeForDossier(trx, ctx, file, { code: req.params.code, component, title: fields.title }));
        return reply.status(201).send({ document: r.document, dossier: { code: r.dossier.code, version: r.dossier.version, digitizedDossier: r.dossier.digitized_dossier } });
      } finally {
        await file.staged.discard();
      }
    },
  );

  app.get(
    '/api/v1/dossiers/:code/documents',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Giấy tờ của hồ sơ / documents of a dossier',
        description:
          'Vai trò: intake_officer, processor, approver của đơn vị đang giải quyết, chỉ trong khi hồ sơ đang được giải quyết (từ khi nộp đến khi có kết quả; không sau khi đã trả kết quả, rút hoặc không tiếp nhận). Ngoài ra trả 404. Mỗi lần xem được ghi vào nhật ký truy cập của người dân.',
        security: STAFF_SECURITY,
        params: Type.Object({ code: CodeParam }),
        response: { 200: DossierDocuments, ...errorResponses(401, 404) },
      },
    },
    async (req) => documents.dossierDocumentsForStaff(db, req.actor, req.params.code, { now: new Date(), requestId: req.id }),
  );

  app.get(
    '/api/v1/dossiers/:code/documents/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tải giấy tờ của hồ sơ / download a document of a dossier',
        description: 'Cùng điều kiện như danh sách giấy tờ của hồ sơ; chỉ giấy tờ gắn với hồ sơ này. Mỗi lần tải được ghi vào nhật ký truy cập của người dân.',
        security: STAFF_SECURITY,
        params: Type.Object({ code: CodeParam, id: IdParam }),
        querystring: DownloadQuery,
        response: { 200: FILE_RESPONSE, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendFile(reply, await documents.openDossierDocument(db, blobs, req.actor, req.params.code, req.params.id, readOpts(req, req.query))),
  );
}

/** Messages on a dossier: the officials' side under /dossiers, the citizen's under /me/dossiers. */
import { Type } from '@sinclair/typebox';
import { DossierMessage, DossierMessageInput, DossierMessageList } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import * as messages from './messages.service.ts';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ (mã biên nhận)' }) });

export function messagesRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/dossiers/:code/messages',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Trao đổi với người nộp hồ sơ / messages with the applicant',
        description:
          'Vai trò có quyền xem hồ sơ (dossier.read) tại đơn vị đang giải quyết; ngoài phạm vi trả 404. Tin nhắn của công dân được đánh dấu đã đọc. Mỗi lần xem được ghi nhật ký.',
        security: STAFF_SECURITY,
        params: CodeParam,
        response: { 200: DossierMessageList, ...errorResponses(401, 404) },
      },
    },
    async (req) => messages.listForStaff(db, req.actor, req.params.code, { now: new Date(), requestId: req.id }),
  );

  app.post(
    '/api/v1/dossiers/:code/messages',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Gửi tin nhắn cho người nộp / write to the applicant',
        description:
          'Vai trò: intake_officer, processor, approver của đơn vị đang giải quyết. Chỉ hồ sơ nộp trực tuyến (người nộp có tài khoản); công dân được báo qua kênh đã chọn (SMS, email, Zalo). Hồ sơ nộp trực tiếp → 409.',
        security: STAFF_SECURITY,
        params: CodeParam,
        body: DossierMessageInput,
        response: { 201: DossierMessage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = { actor: req.actor, citizen: null, now: new Date(), officeHoursEnd: config.officeHoursEnd, requestId: req.id };
      const m = await db.transaction().execute((trx) => messages.postByStaff(trx, ctx, req.params.code, req.body.body));
      return reply.status(201).send(m);
    },
  );

  app.get(
    '/api/v1/me/dossiers/:code/messages',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Trao đổi về hồ sơ của tôi / messages on my dossier',
        description:
          'Chỉ hồ sơ do chính công dân nộp; hồ sơ của người khác trả về 404. Tin nhắn của cán bộ được đánh dấu đã đọc.',
        security: CITIZEN_SECURITY,
        params: CodeParam,
        response: { 200: DossierMessageList, ...errorResponses(401, 404) },
      },
    },
    async (req) => messages.listForCitizen(db, requireCitizen(req), req.params.code, new Date()),
  );

  app.post(
    '/api/v1/me/dossiers/:code/messages',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Gửi tin nhắn cho cán bộ / write to the officials',
        description: 'Chỉ hồ sơ do chính công dân nộp; hồ sơ của người khác trả về 404.',
        security: CITIZEN_SECURITY,
        params: CodeParam,
        body: DossierMessageInput,
        response: { 201: DossierMessage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await messages.postByCitizen(db, requireCitizen(req), req.params.code, req.body.body, new Date())),
  );
}

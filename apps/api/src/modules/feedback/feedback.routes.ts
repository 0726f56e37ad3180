/**
 * The citizen's voice (DESIGN §3.7): rating a decided dossier, sending phản ánh, kiến nghị; and the
 * unit's side: listing and answering them within their working-day deadline.
 */
import { Type } from '@sinclair/typebox';
import {
  CitizenRatingAction,
  DossierView,
  FEEDBACK_STATUSES,
  FeedbackAnswer,
  FeedbackList,
  FeedbackStaffList,
  FeedbackStaffView,
  FeedbackSubmission,
  FeedbackView,
  StringEnum,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import * as dossiers from '../dossiers/dossiers.service.ts';
import * as feedback from './feedback.service.ts';

const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, description: 'Số phản ánh, kiến nghị' }) });
const Page = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export function feedbackRoutes(app: App): void {
  const { db, config } = app.deps;
  const staffCtx = (req: FastifyRequest): feedback.StaffContext => ({ actor: req.actor, now: new Date(), requestId: req.id });

  app.post(
    '/api/v1/me/dossiers/:code/rating',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Đánh giá mức độ hài lòng / rate my dossier',
        description:
          'Công dân đánh giá hồ sơ của mình sau khi có quyết định (approved, refused, result_issued, returned): satisfied, neutral, unsatisfied (bắt buộc lý do). Mỗi hồ sơ một lần; đánh giá "không hài lòng" làm hồ sơ không được tính hài lòng (chỉ số 766).',
        security: CITIZEN_SECURITY,
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ' }) }),
        body: CitizenRatingAction,
        response: { 200: DossierView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => {
      const citizen = requireCitizen(req);
      const ctx: dossiers.ActionContext = { actor: null, citizen, now: new Date(), officeHoursEnd: config.officeHoursEnd, requestId: req.id };
      const row = await db.transaction().execute((trx) => dossiers.rateAsCitizen(trx, ctx, req.params.code, req.body));
      return dossiers.dossierView(db, row, ctx.now);
    },
  );

  app.post(
    '/api/v1/me/feedback',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Gửi phản ánh, kiến nghị / send a complaint or recommendation',
        description: `Về một hồ sơ của chính mình (dossierCode: đơn vị giải quyết hồ sơ trả lời; hồ sơ bị tính là có phản ánh) hoặc gửi một đơn vị (unitCode). Hạn trả lời: ${feedback.FEEDBACK_WORKING_DAYS} ngày làm việc.`,
        security: CITIZEN_SECURITY,
        body: FeedbackSubmission,
        response: { 201: FeedbackView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const citizen = requireCitizen(req);
      const ctx = { citizen, now: new Date(), officeHoursEnd: config.officeHoursEnd, requestId: req.id };
      const view = await db.transaction().execute((trx) => feedback.submitFeedback(trx, ctx, req.body));
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/me/feedback',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Phản ánh, kiến nghị của tôi / my feedback',
        security: CITIZEN_SECURITY,
        querystring: Type.Object(Page),
        response: { 200: FeedbackList, ...errorResponses(400, 401) },
      },
    },
    async (req) => feedback.listOwnFeedback(db, requireCitizen(req), { limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }, new Date()),
  );

  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Phản ánh, kiến nghị cần trả lời / feedback to answer',
        description: 'Vai trò: intake_officer, approver; trong phạm vi đơn vị (mặc định đơn vị của cán bộ, gồm đơn vị cấp dưới). Hạn gần nhất trước; tên người gửi được che; mỗi lần xem được ghi nhật ký.',
        security: STAFF_SECURITY,
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị' })),
          status: Type.Optional(StringEnum(FEEDBACK_STATUSES)),
          overdue: Type.Optional(Type.Boolean({ description: 'Chỉ những phản ánh chưa trả lời đã quá hạn' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: FeedbackStaffList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => db.transaction().execute((trx) => feedback.listFeedback(trx, staffCtx(req), req.query)),
  );

  app.get(
    '/api/v1/feedback/:id',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Một phản ánh, kiến nghị / one feedback',
        description: 'Vai trò: intake_officer, approver của đơn vị trả lời (hoặc đơn vị cấp trên). Ngoài phạm vi trả 404. Được ghi nhật ký.',
        security: STAFF_SECURITY,
        params: IdParam,
        response: { 200: FeedbackStaffView, ...errorResponses(401, 404) },
      },
    },
    async (req) => db.transaction().execute((trx) => feedback.getFeedback(trx, staffCtx(req), req.params.id)),
  );

  const action = (path: string, summary: string, run: (trx: typeof db, req: FastifyRequest<{ Params: { id: number } }>) => Promise<FeedbackStaffView>, body?: typeof FeedbackAnswer) =>
    app.post(
      `/api/v1/feedback/:id/${path}`,
      {
        schema: {
          tags: ['feedback'],
          summary,
          description: 'Vai trò: intake_officer, approver của đơn vị trả lời (hoặc cấp trên). Sai trạng thái → 409.',
          security: STAFF_SECURITY,
          params: IdParam,
          ...(body ? { body } : {}),
          response: { 200: FeedbackStaffView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => db.transaction().execute((trx) => run(trx, req as FastifyRequest<{ Params: { id: number } }>)),
    );

  action('start', 'Bắt đầu xử lý phản ánh, kiến nghị / take up', (trx, req) => feedback.startFeedback(trx, staffCtx(req), req.params.id));
  action(
    'answer',
    'Trả lời phản ánh, kiến nghị / answer',
    (trx, req) => feedback.answerFeedback(trx, staffCtx(req), req.params.id, req.body as FeedbackAnswer),
    FeedbackAnswer,
  );
  action('close', 'Kết thúc phản ánh, kiến nghị / close', (trx, req) => feedback.closeFeedback(trx, staffCtx(req), req.params.id));
}

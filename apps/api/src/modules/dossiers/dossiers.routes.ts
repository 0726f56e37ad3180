import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  ApologyAction,
  AssigneeList,
  AssignAction,
  CounterIntake,
  DOSSIER_STATUSES,
  DossierList,
  DossierTracking,
  DossierView,
  DUE_FILTERS,
  IssueResultAction,
  OnlineSubmission,
  PaymentAction,
  RatingAction,
  StringEnum,
  TransferAction,
  VersionOnly,
  WithOptionalNote,
  WithReason,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { requireCitizen } from '../../http/auth.ts';
import * as dossiers from './dossiers.service.ts';
import type { ActionContext, DossierRow } from './dossiers.service.ts';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ (mã biên nhận)' }) });
const STAFF = STAFF_SECURITY;

interface ActionDef<B extends TSchema> {
  path: string;
  summary: string;
  /** Who may do it, in words, for the API docs. */
  who: string;
  body: B;
  run: (db: Db, ctx: ActionContext, code: string, body: Static<B>) => Promise<DossierRow>;
}

export function dossiersRoutes(app: App): void {
  const { db, config } = app.deps;
  const ctxOf = (req: FastifyRequest): ActionContext => ({
    actor: req.actor,
    citizen: req.citizen,
    refs: app.refs,
    now: new Date(),
    officeHoursEnd: config.officeHoursEnd,
    requestId: req.id,
  });

  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tiếp nhận hồ sơ trực tiếp / qua bưu chính — counter or post intake',
        description: 'Vai trò: intake_officer của đơn vị giải quyết. Hồ sơ ở trạng thái received, ngày hẹn trả tính theo ngày làm việc.',
        security: STAFF,
        body: CounterIntake,
        response: { 201: DossierView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const created = await db.transaction().execute((trx) => dossiers.intakeAtCounter(trx, ctx, req.body));
      return reply.status(201).send(await dossiers.createdView(db, ctx, created));
    },
  );

  app.post(
    '/api/v1/dossiers/online',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nộp hồ sơ trực tuyến / submit online',
        description:
          'Công dân đã đăng nhập VNeID. Hồ sơ ở trạng thái submitted, chưa có ngày hẹn cho đến khi Bộ phận Một cửa tiếp nhận. Trả về mã hồ sơ để tra cứu.',
        security: CITIZEN_SECURITY,
        body: OnlineSubmission,
        response: { 201: DossierTracking, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      requireCitizen(req);
      const ctx = ctxOf(req);
      const row = await db.transaction().execute((trx) => dossiers.submitOnline(trx, ctx, req.body));
      return reply.status(201).send(await dossiers.trackDossier(db, row.code));
    },
  );

  app.get(
    '/api/v1/dossiers/:code/assignees',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Cán bộ có thể được phân công / who the dossier can be assigned to',
        description: 'Vai trò: intake_officer, approver của đơn vị giải quyết. Chuyên viên và lãnh đạo đang làm việc tại đơn vị giải quyết (kể cả đơn vị cấp dưới).',
        security: STAFF,
        params: CodeParam,
        response: { 200: AssigneeList, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => dossiers.listAssignees(db, req.actor, req.params.code),
  );

  app.get(
    '/api/v1/me/dossiers',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Hồ sơ của tôi / my dossiers',
        description: 'Hồ sơ công dân đã nộp trực tuyến, mới nhất trước.',
        security: CITIZEN_SECURITY,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: DossierList, ...errorResponses(400, 401) },
      },
    },
    async (req) =>
      dossiers.listCitizenDossiers(db, requireCitizen(req), new Date(), { limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/api/v1/me/dossiers/:code',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Một hồ sơ của tôi / one of my dossiers',
        description: 'Chỉ hồ sơ do chính công dân nộp; hồ sơ của người khác trả về NOT_FOUND như mã không tồn tại.',
        security: CITIZEN_SECURITY,
        params: CodeParam,
        response: { 200: DossierView, ...errorResponses(401, 404) },
      },
    },
    async (req) => dossiers.getCitizenDossier(db, requireCitizen(req), req.params.code, new Date()),
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Danh sách hồ sơ cần xử lý / work queue',
        description:
          'Vai trò: intake_officer, processor, approver, monitor, admin; trong phạm vi đơn vị. due=soon: đến hạn trong 2 ngày làm việc; due=overdue: quá hạn (đồng hồ đang chạy). Tên người nộp được che.',
        security: STAFF,
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ maxLength: 30, description: 'Mã đơn vị (mặc định: đơn vị của cán bộ); gồm cả đơn vị cấp dưới' })),
          status: Type.Optional(StringEnum(DOSSIER_STATUSES)),
          due: Type.Optional(StringEnum(DUE_FILTERS)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: DossierList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => dossiers.listDossiers(db, req.actor, req.query, new Date()),
  );

  app.get(
    '/api/v1/dossiers/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Chi tiết hồ sơ và lịch sử / one dossier with its history',
        description:
          'Vai trò: intake_officer, processor, approver, monitor, admin của đơn vị đang giải quyết, đơn vị tiếp nhận hoặc đơn vị đã chuyển hồ sơ đi. Ngoài phạm vi trả 404 như mã không tồn tại. Mỗi lần xem được ghi nhật ký.',
        security: STAFF,
        params: CodeParam,
        response: { 200: DossierView, ...errorResponses(401, 404) },
      },
    },
    async (req) => dossiers.getDossier(db, req.actor, req.params.code, { now: new Date(), requestId: req.id }),
  );

  app.get(
    '/api/v1/track/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tra cứu tình trạng hồ sơ (công khai) / public tracking',
        description: 'Chỉ trạng thái, tên thủ tục và các mốc ngày; không có thông tin cá nhân.',
        params: CodeParam,
        response: { 200: DossierTracking, ...errorResponses(404) },
      },
    },
    async (req) => dossiers.trackDossier(db, req.params.code),
  );

  const action = <B extends TSchema>(def: ActionDef<B>) =>
    app.post(
      `/api/v1/dossiers/:code/${def.path}`,
      {
        schema: {
          tags: ['dossiers'],
          summary: def.summary,
          description: `Vai trò: ${def.who}, trong phạm vi đơn vị đang giải quyết. Gửi kèm version đang xem; hồ sơ đã đổi → 409 CONFLICT.`,
          security: STAFF,
          params: CodeParam,
          body: def.body,
          response: { 200: DossierView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const body = req.body as Static<B>;
        const row = await db.transaction().execute((trx) => def.run(trx, ctx, req.params.code, body));
        return dossiers.dossierView(db, row, ctx.now);
      },
    );

  action({ path: 'receive', summary: 'Tiếp nhận hồ sơ trực tuyến / receive', who: 'intake_officer', body: VersionOnly, run: dossiers.receive });
  action({ path: 'reject', summary: 'Từ chối tiếp nhận / reject at intake', who: 'intake_officer', body: WithReason, run: dossiers.rejectAtIntake });
  action({ path: 'assign', summary: 'Phân công cán bộ / assign', who: 'intake_officer, approver', body: AssignAction, run: dossiers.assign });
  action({ path: 'transfer', summary: 'Chuyển đơn vị giải quyết / transfer', who: 'intake_officer, approver', body: TransferAction, run: dossiers.transfer });
  action({ path: 'start', summary: 'Bắt đầu xử lý / start processing', who: 'processor', body: VersionOnly, run: dossiers.start });
  action({
    path: 'request-supplement',
    summary: 'Yêu cầu bổ sung (tạm dừng tính hạn) / request a supplement',
    who: 'processor, intake_officer',
    body: WithReason,
    run: dossiers.requestSupplement,
  });
  action({
    path: 'provide-supplement',
    summary: 'Ghi nhận bổ sung (dời hạn theo số ngày làm việc đã chờ) / supplement provided',
    who: 'intake_officer, processor',
    body: WithOptionalNote,
    run: dossiers.provideSupplement,
  });
  action({ path: 'request-payment', summary: 'Yêu cầu nộp phí / request payment', who: 'processor', body: VersionOnly, run: dossiers.requestPayment });
  action({ path: 'payment', summary: 'Ghi nhận nộp phí / record payment', who: 'intake_officer', body: PaymentAction, run: dossiers.recordPayment });
  action({ path: 'approve', summary: 'Phê duyệt / approve', who: 'approver', body: VersionOnly, run: dossiers.approve });
  action({ path: 'refuse', summary: 'Từ chối giải quyết / refuse', who: 'approver', body: WithReason, run: dossiers.refuse });
  action({
    path: 'issue-result',
    summary: 'Cấp kết quả (mở hồ sơ liên thông) / issue the result',
    who: 'approver',
    body: IssueResultAction,
    run: dossiers.issueResult,
  });
  action({ path: 'return-result', summary: 'Trả kết quả / return the result', who: 'intake_officer', body: VersionOnly, run: dossiers.returnResult });
  action({ path: 'withdraw', summary: 'Rút hồ sơ / withdraw', who: 'intake_officer', body: WithReason, run: dossiers.withdraw });
  action({
    path: 'apology',
    summary: 'Thư xin lỗi, hẹn lại ngày trả / register an apology',
    who: 'approver',
    body: ApologyAction,
    run: dossiers.registerApology,
  });
  action({ path: 'rating', summary: 'Ghi nhận đánh giá / record the rating', who: 'intake_officer', body: RatingAction, run: dossiers.rate });
  action({ path: 'complaint', summary: 'Ghi nhận phản ánh / record a complaint', who: 'intake_officer', body: WithReason, run: dossiers.complain });
}

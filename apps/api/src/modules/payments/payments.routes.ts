/**
 * Payment endpoints: the citizen's intents, payments and receipts; the gateway's callback (IPN); the
 * browser's return from the gateway. The callback lives in its own plugin scope, whose JSON parser
 * keeps the raw body: the signature covers the bytes sent, not a re-serialisation of them.
 */
import { Type } from '@sinclair/typebox';
import { GatewayAnswer, GatewayCallback, PaymentIntent, PaymentList, PaymentReceipt, PaymentView } from '@motcua/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses } from '../../http/openapi.ts';
import { SIGNATURE_HEADER } from './payments.protocol.ts';
import { returnPage } from './payments.return-page.ts';
import * as payments from './payments.service.ts';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ' }) });
const RefParam = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, description: 'Mã giao dịch thanh toán (reference)' }) });

const RAW_BODY = Symbol('rawBody');
type WithRawBody = FastifyRequest & { [RAW_BODY]?: Buffer };

export function paymentsRoutes(app: App): void {
  const { db, config } = app.deps;
  const settings = payments.paymentSettingsOf(config);

  app.post(
    '/api/v1/me/dossiers/:code/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Thanh toán lệ phí hồ sơ trực tuyến / pay a dossier fee online',
        description:
          'Công dân, chỉ hồ sơ của mình, có lệ phí và chưa nộp. Tạo yêu cầu thanh toán (201), hoặc trả lại yêu cầu còn hiệu lực (200), kèm redirectUrl đến cổng thanh toán đã ký HMAC-SHA256. docs/payments.md.',
        security: CITIZEN_SECURITY,
        params: CodeParam,
        response: { 200: PaymentIntent, 201: PaymentIntent, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const citizen = requireCitizen(req);
      const r = await db.transaction().execute((trx) => payments.startPayment(trx, settings, citizen, req.params.code, new Date()));
      return reply.status(r.created ? 201 : 200).send(r.intent);
    },
  );

  app.get(
    '/api/v1/me/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Các giao dịch thanh toán của tôi / my payments',
        security: CITIZEN_SECURITY,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: PaymentList, ...errorResponses(400, 401) },
      },
    },
    async (req) => payments.listPayments(db, requireCitizen(req), { limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }, new Date()),
  );

  app.get(
    '/api/v1/me/payments/:ref',
    {
      schema: {
        tags: ['payments'],
        summary: 'Một giao dịch thanh toán của tôi / one of my payments',
        description: 'Giao dịch của người khác trả về NOT_FOUND như mã không tồn tại.',
        security: CITIZEN_SECURITY,
        params: RefParam,
        response: { 200: PaymentView, ...errorResponses(401, 404) },
      },
    },
    async (req) => payments.getPayment(db, requireCitizen(req), req.params.ref, new Date()),
  );

  app.get(
    '/api/v1/me/payments/:ref/receipt',
    {
      schema: {
        tags: ['payments'],
        summary: 'Biên lai điện tử / payment receipt',
        description: 'Số biên lai, số tiền bằng số và bằng chữ, người nộp, hồ sơ, thủ tục, thời điểm. Chỉ giao dịch đã thanh toán (chưa thanh toán: 409).',
        security: CITIZEN_SECURITY,
        params: RefParam,
        response: { 200: PaymentReceipt, ...errorResponses(401, 404, 409) },
      },
    },
    async (req) => payments.getReceipt(db, requireCitizen(req), req.params.ref),
  );

  app.get(
    '/api/v1/payments/return',
    {
      schema: {
        tags: ['payments'],
        summary: 'Trang quay về từ cổng thanh toán / return page from the gateway',
        description:
          'Cổng thanh toán chuyển trình duyệt về đây với các tham số đã ký. Trạng thái hiển thị lấy từ cơ sở dữ liệu (do callback cập nhật), không lấy từ tham số.',
        querystring: Type.Record(Type.String(), Type.String()),
        response: { 200: { description: 'Trang HTML', content: { 'text/html': { schema: Type.String() } } }, 400: { description: 'Chữ ký không hợp lệ (trang HTML)', content: { 'text/html': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const view = await payments.paymentReturn(db, settings, req.query as Record<string, string>, new Date());
      return reply
        .status(view.signatureOk ? 200 : 400)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(returnPage(view));
    },
  );

  void app.register(async (scope: FastifyInstance) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      (req as WithRawBody)[RAW_BODY] = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        // Recorded and refused by the service, after the signature check.
        done(null, {});
      }
    });
    scope.post(
      '/api/v1/payments/callback',
      {
        schema: {
          tags: ['payments'],
          summary: 'Cổng thanh toán báo kết quả (IPN) / gateway callback',
          description: `Gọi từ máy chủ cổng thanh toán. Header ${SIGNATURE_HEADER}: HMAC-SHA256 (hex) của nguyên văn thân yêu cầu với khóa bí mật chung. Mỗi lần gọi đều được ghi lại. Trả lời theo mã RspCode: 00 xác nhận, 02 đã xác nhận trước đó (lần gọi lặp lại không thanh toán hai lần), 01 không có giao dịch (404), 04 sai số tiền (400), 97 sai chữ ký (401), 99 dữ liệu không hợp lệ (400).`,
          body: GatewayCallback,
          headers: Type.Object({ [SIGNATURE_HEADER]: Type.Optional(Type.String({ description: 'HMAC-SHA256 hex của thân yêu cầu' })) }),
          response: { 200: GatewayAnswer, 400: GatewayAnswer, 401: GatewayAnswer, 404: GatewayAnswer },
        },
        // Invalid bodies still reach the service, which records them (after the signature check).
        attachValidation: true,
      },
      async (req, reply) => {
        const sig = req.headers[SIGNATURE_HEADER];
        const r = await payments.handleCallback(db, settings, {
          raw: (req as WithRawBody)[RAW_BODY] ?? Buffer.alloc(0),
          signature: typeof sig === 'string' ? sig : undefined,
          now: new Date(),
          requestId: req.id,
        });
        req.log.info({ outcome: r.outcome, rspCode: r.answer.RspCode }, 'payment callback');
        return reply.status(r.status).send(r.answer);
      },
    );
  });
}

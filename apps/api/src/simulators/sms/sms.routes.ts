/**
 * SMS brandname gateway simulator (DESIGN §5), under /sim/sms: the JSON-over-HTTP shape of the
 * Vietnamese brandname gateways (an API key header, a registered sender name, Unicode text up to
 * 5 segments, the partner's request id). It records what it accepts in sim_sms_messages and drops
 * a repeat of an idempotency key (answering with the first message id), and it can be told to fail
 * the next N calls with 503 to exercise retries. Not part of motcua's API: hidden from OpenAPI.
 */
import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';

export const SMS_SIM_PREFIX = '/sim/sms';

/** Unicode brandname SMS: 70 characters in one segment, 67 per segment when concatenated, at most 5. */
export function segmentsOf(text: string): number {
  const n = [...text].length;
  return n <= 70 ? 1 : Math.ceil(n / 67);
}
const MAX_SEGMENTS = 5;

const SendBody = Type.Object({
  brandname: Type.String({ minLength: 1, maxLength: 11 }),
  to: Type.String({ maxLength: 20 }),
  message: Type.String({ minLength: 1, maxLength: 2000 }),
  unicode: Type.Optional(Type.Boolean()),
  requestId: Type.String({ minLength: 1, maxLength: 100 }),
});

const sha = (s: string) => crypto.createHash('sha256').update(s).digest();

export function smsSimulatorRoutes(app: App): void {
  const { db, config } = app.deps;
  const expectedKey = sha(config.smsApiKey);
  // "Fail the next N calls": state of this simulator instance, set through the control endpoint.
  let failNext = 0;

  const fail = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.status(status).send({ error: { code, message } });
  const keyOk = (req: FastifyRequest) => {
    const sent = req.headers['x-api-key'];
    return typeof sent === 'string' && config.smsApiKey !== '' && crypto.timingSafeEqual(sha(sent), expectedKey);
  };
  const common = { hide: true, tags: ['simulators'] };

  app.post(`${SMS_SIM_PREFIX}/v1/messages`, { schema: { ...common, body: SendBody } }, async (req, reply) => {
    if (!keyOk(req)) return fail(reply, 401, 'UNAUTHORIZED', 'Khóa API không hợp lệ.');
    if (failNext > 0) {
      failNext--;
      return fail(reply, 503, 'UNAVAILABLE', 'Cổng SMS tạm thời không phục vụ được (giả lập lỗi).');
    }
    const b = req.body;
    if (b.brandname !== config.smsBrandname)
      return fail(reply, 400, 'BRANDNAME_NOT_REGISTERED', `Tên định danh "${b.brandname}" chưa được đăng ký.`);
    if (!/^84[0-9]{9}$/.test(b.to)) return fail(reply, 400, 'INVALID_PHONE', 'Số điện thoại nhận phải có dạng 84xxxxxxxxx.');
    const segments = segmentsOf(b.message);
    if (segments > MAX_SEGMENTS)
      return fail(
        reply,
        400,
        'MESSAGE_TOO_LONG',
        `Tin nhắn dài ${[...b.message].length} ký tự, vượt quá ${MAX_SEGMENTS} tin ghép.`,
      );
    const key = (req.headers['idempotency-key'] as string | undefined) ?? b.requestId;
    const r = await db
      .insertInto('sim_sms_messages')
      .values({
        idempotency_key: key,
        message_id: `sms-${crypto.randomUUID()}`,
        brandname: b.brandname,
        recipient: b.to,
        message: b.message,
        segments,
      })
      .onConflict((oc) => oc.column('idempotency_key').doUpdateSet({ requests: sql<number>`sim_sms_messages.requests + 1` }))
      .returning(['message_id', 'requests', 'segments'])
      .executeTakeFirstOrThrow();
    return reply
      .status(200)
      .send({ messageId: r.message_id, status: 'accepted', segments: r.segments, duplicate: r.requests > 1 });
  });

  app.get(
    `${SMS_SIM_PREFIX}/v1/messages`,
    {
      schema: {
        ...common,
        querystring: Type.Object({
          to: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (req) => {
      let q = db
        .selectFrom('sim_sms_messages')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(req.query.limit ?? 100);
      if (req.query.to) q = q.where('recipient', '=', req.query.to);
      const rows = await q.execute();
      return {
        items: rows.map((r) => ({
          messageId: r.message_id,
          idempotencyKey: r.idempotency_key,
          brandname: r.brandname,
          to: r.recipient,
          message: r.message,
          segments: r.segments,
          requests: r.requests,
          receivedAt: new Date(r.received_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    `${SMS_SIM_PREFIX}/v1/control/fail`,
    { schema: { ...common, body: Type.Object({ count: Type.Integer({ minimum: 0, maximum: 1000 }) }) } },
    async (req, reply) => {
      if (!keyOk(req)) return fail(reply, 401, 'UNAUTHORIZED', 'Khóa API không hợp lệ.');
      failNext = req.body.count;
      return { failNext };
    },
  );
}

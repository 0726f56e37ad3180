/**
 * Zalo ZNS simulator (DESIGN §5), under /sim/zalo: the template-message call of the Zalo
 * Notification Service (POST /message/template with the OA's access_token header; body phone,
 * template_id, template_data, tracking_id; answers `{ error, message, data: { msg_id, sent_time } }`
 * with HTTP 200 and a negative error code on failure, as Zalo does). It records accepted messages
 * in sim_zalo_messages, drops a repeat of a tracking_id (answering with the first msg_id), and can be
 * told to fail the next N calls. Not part of motcua's API: hidden from OpenAPI.
 */
import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';

export const ZALO_SIM_PREFIX = '/sim/zalo';

const SendBody = Type.Object({
  phone: Type.String({ maxLength: 20 }),
  template_id: Type.String({ minLength: 1, maxLength: 64 }),
  template_data: Type.Record(Type.String(), Type.String()),
  tracking_id: Type.String({ minLength: 1, maxLength: 100 }),
});

const sha = (s: string) => crypto.createHash('sha256').update(s).digest();
/** Zalo's answer shape. */
const answer = (error: number, message: string, data?: Record<string, unknown>) => ({
  error,
  message,
  ...(data ? { data } : {}),
});

export function zaloSimulatorRoutes(app: App): void {
  const { db, config } = app.deps;
  const expected = sha(config.zaloAccessToken);
  let failNext = 0;
  const tokenOk = (req: FastifyRequest) => {
    const sent = req.headers.access_token;
    return typeof sent === 'string' && config.zaloAccessToken !== '' && crypto.timingSafeEqual(sha(sent), expected);
  };
  const common = { hide: true, tags: ['simulators'] };

  app.post(`${ZALO_SIM_PREFIX}/message/template`, { schema: { ...common, body: SendBody } }, async (req, reply) => {
    if (!tokenOk(req)) return answer(-124, 'Access token không hợp lệ');
    if (failNext > 0) {
      failNext--;
      return reply.status(500).send(answer(-100, 'Lỗi hệ thống Zalo (giả lập lỗi)'));
    }
    const b = req.body;
    if (!/^84[0-9]{9}$/.test(b.phone)) return answer(-108, 'Số điện thoại không hợp lệ');
    for (const [k, v] of Object.entries(b.template_data)) {
      if ([...v].length > 100) return answer(-112, `Tham số ${k} vượt quá 100 ký tự`);
    }
    const r = await db
      .insertInto('sim_zalo_messages')
      .values({
        tracking_id: b.tracking_id,
        msg_id: crypto.randomBytes(16).toString('hex'),
        phone: b.phone,
        template_id: b.template_id,
        template_data: JSON.stringify(b.template_data),
      })
      .onConflict((oc) => oc.column('tracking_id').doUpdateSet({ requests: sql<number>`sim_zalo_messages.requests + 1` }))
      .returning(['msg_id', 'received_at'])
      .executeTakeFirstOrThrow();
    return answer(0, 'Success', {
      msg_id: r.msg_id,
      sent_time: String(new Date(r.received_at).getTime()),
      quota: { dailyQuota: '500', remainingQuota: '499' },
    });
  });

  app.get(
    `${ZALO_SIM_PREFIX}/messages`,
    {
      schema: {
        ...common,
        querystring: Type.Object({
          phone: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (req) => {
      let q = db
        .selectFrom('sim_zalo_messages')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(req.query.limit ?? 100);
      if (req.query.phone) q = q.where('phone', '=', req.query.phone);
      const rows = await q.execute();
      return {
        items: rows.map((r) => ({
          msgId: r.msg_id,
          trackingId: r.tracking_id,
          phone: r.phone,
          templateId: r.template_id,
          templateData: r.template_data,
          requests: r.requests,
          receivedAt: new Date(r.received_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    `${ZALO_SIM_PREFIX}/control/fail`,
    { schema: { ...common, body: Type.Object({ count: Type.Integer({ minimum: 0, maximum: 1000 }) }) } },
    async (req, reply) => {
      if (!tokenOk(req)) return reply.status(401).send(answer(-124, 'Access token không hợp lệ'));
      failNext = req.body.count;
      return { failNext };
    },
  );
}

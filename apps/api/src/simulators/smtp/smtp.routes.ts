/**
 * `/sim/mail`: what the SMTP simulator received, as JSON (newest first), for developers and tests.
 * Hidden from OpenAPI: a simulator, not motcua's API.
 */
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.ts';
import { listMail } from './smtp.repo.ts';

export function mailSimulatorRoutes(app: App): void {
  const { db } = app.deps;
  app.get(
    '/sim/mail',
    {
      schema: {
        hide: true,
        tags: ['simulators'],
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (req) => {
      const rows = await listMail(db, { to: req.query.to, limit: req.query.limit ?? 100 });
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          messageId: r.message_id,
          from: r.mail_from,
          to: r.rcpt_to,
          subject: r.subject,
          text: r.text_body,
          html: r.html_body,
          sizeBytes: r.size_bytes,
          requests: r.requests,
          receivedAt: new Date(r.received_at).toISOString(),
        })),
      };
    },
  );
}

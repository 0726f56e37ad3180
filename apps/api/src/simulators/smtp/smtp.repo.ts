/** What the SMTP simulator received (sim_mail_messages). */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { SimMailMessagesTable } from './smtp.tables.ts';

export type SimMailRow = Selectable<SimMailMessagesTable>;

/** Stores a message, or counts one more request when its Message-ID was already received. */
export async function storeMail(
  db: Db,
  m: {
    messageId: string | null;
    from: string;
    to: string[];
    subject: string | null;
    text: string | null;
    html: string | null;
    size: number;
  },
): Promise<{ id: number; duplicate: boolean }> {
  const r = await db
    .insertInto('sim_mail_messages')
    .values({
      message_id: m.messageId,
      mail_from: m.from,
      rcpt_to: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      size_bytes: m.size,
    })
    .onConflict((oc) => oc.column('message_id').doUpdateSet({ requests: sql<number>`sim_mail_messages.requests + 1` }))
    .returning(['id', 'requests'])
    .executeTakeFirstOrThrow();
  return { id: Number(r.id), duplicate: r.requests > 1 };
}

export async function listMail(db: Db, o: { to?: string; limit: number }): Promise<SimMailRow[]> {
  let q = db.selectFrom('sim_mail_messages').selectAll().orderBy('id', 'desc').limit(o.limit);
  if (o.to) q = q.where(sql<boolean>`${o.to.toLowerCase()} = ANY (rcpt_to)`);
  return q.execute();
}

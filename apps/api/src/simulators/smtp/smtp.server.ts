/**
 * SMTP simulator (DESIGN §5: "local receivers that record messages"): a real SMTP server
 * (smtp-server) that accepts any sender, recipient and login, parses each message with mailparser
 * and stores it in sim_mail_messages; `/sim/mail` lists them. A message whose Message-ID was
 * already received is accepted again (250) but stored once, with its request count raised: that is
 * how a real mailbox provider's deduplication looks to the sender, and how tests prove that a
 * resend after a crash reached nobody twice. Recipients in the reserved .invalid domain are refused
 * with 550, as an unknown mailbox is. No TLS: it listens on loopback in development.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../shared/logger.ts';
import { storeMail } from './smtp.repo.ts';

export interface SmtpSimulator {
  port: number;
  /** smtp://127.0.0.1:<port>, what the email adapter should use. */
  url: string;
  close(): Promise<void>;
}

const MAX_BYTES = 10 * 1024 * 1024;

const addressText = (a: AddressObject | AddressObject[] | undefined) =>
  Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a?.text ?? '');

export async function startSmtpSimulator(o: { db: Db; port: number; host?: string; log?: Logger }): Promise<SmtpSimulator> {
  const server = new SMTPServer({
    name: 'smtp-sim.motcua.local',
    banner: 'motcua SMTP simulator',
    logger: false,
    secure: false,
    // No certificate here: STARTTLS is not offered, and logins over plain text are accepted.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_BYTES,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username ?? 'anonymous' });
    },
    // Like a real mail server, it refuses mailboxes that cannot exist: the reserved .invalid domain.
    onRcptTo(address, _session, cb) {
      if (address.address.toLowerCase().endsWith('.invalid')) {
        return cb(Object.assign(new Error(`<${address.address}>: Hộp thư không tồn tại`), { responseCode: 550 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) =>
            storeMail(o.db, {
              messageId: parsed.messageId ?? null,
              from: addressText(parsed.from) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? null,
              text: parsed.text ?? null,
              html: typeof parsed.html === 'string' ? parsed.html : null,
              size: raw.length,
            }),
          )
          .then(
            () => cb(),
            (e: Error) => {
              o.log?.error({ err: e }, 'smtp simulator could not store a message');
              cb(Object.assign(new Error('Lỗi lưu thư, thử lại sau'), { responseCode: 451 }));
            },
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  o.log?.info({ port }, 'SMTP simulator listening');
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

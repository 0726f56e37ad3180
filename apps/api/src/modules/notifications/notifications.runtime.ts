/**
 * What `motcua serve` runs for notifications: the SMTP simulator (when no real relay is
 * configured and simulators are on) and the delivery worker polling the outbox. `motcua notify
 * --once` uses `buildWorker` alone.
 */
import type { Config } from '../../env.ts';
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../shared/logger.ts';
import { startSmtpSimulator, type SmtpSimulator } from '../../simulators/smtp/smtp.server.ts';
import { channelAdapters } from './notifications.channels.ts';
import { createNotificationWorker, type NotificationWorker, type WorkerOptions } from './notifications.worker.ts';

export interface NotificationServices {
  worker: NotificationWorker;
  smtpSimulator: SmtpSimulator | null;
  close(): Promise<void>;
}

/** A worker with the adapters of `config` (SMTP at `smtpUrl` unless given). */
export function buildWorker(
  db: Db,
  config: Config,
  o: { log?: Logger; smtpUrl?: string } & Partial<WorkerOptions> = {},
): { worker: NotificationWorker; close(): void } {
  const adapters = channelAdapters({ ...config, smtpUrl: o.smtpUrl ?? config.smtpUrl });
  const worker = createNotificationWorker({
    ...o,
    db,
    adapters,
    publicUrl: config.publicUrl,
    provinceName: config.provinceName,
    enabledChannels: config.notifyChannels,
    zaloTemplateIds: config.zaloTemplateIds,
  });
  return { worker, close: () => adapters.close() };
}

/** Starts the SMTP simulator if configured, then the worker (unless notifyPollMs is 0). */
export async function startNotificationServices(db: Db, config: Config, log: Logger): Promise<NotificationServices> {
  let smtpSimulator: SmtpSimulator | null = null;
  if (config.smtpSimulator) {
    try {
      smtpSimulator = await startSmtpSimulator({ db, port: config.smtpSimPort, log });
    } catch (e) {
      // Another local server may hold the port: email then fails and is retried, the rest runs.
      log.warn({ err: e, port: config.smtpSimPort }, 'SMTP simulator could not start (set MOTCUA_SMTP_SIM_PORT)');
    }
  }
  const built = buildWorker(db, config, { log, smtpUrl: smtpSimulator?.url });
  built.worker.start(config.notifyPollMs);
  return {
    worker: built.worker,
    smtpSimulator,
    async close() {
      await built.worker.stop();
      built.close();
      await smtpSimulator?.close();
    },
  };
}

/**
 * `motcua notify --once`: delivers everything due in the outbox now and exits (after an outage, or
 * from cron). Without --once it runs the delivery worker until stopped, which lets PostgreSQL
 * installations run workers apart from the API (SKIP LOCKED keeps them from taking the same rows).
 */
import type { Command } from 'commander';
import { configFrom, withDatabase } from '../../cli/context.ts';
import { createLogger } from '../../shared/logger.ts';
import { countByStatus } from './notifications.repo.ts';
import { buildWorker } from './notifications.runtime.ts';

export function notifyCommand(program: Command): void {
  program
    .command('notify')
    .description('Gửi thông báo đang chờ trong hàng đợi (outbox) / deliver queued notifications')
    .option('--once', 'gửi hết thông báo đến hạn rồi thoát')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .action(async (opts: { once?: boolean; dataDir?: string }) => {
      const config = configFrom(opts);
      const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
      await withDatabase(config, async (d) => {
        const { worker, close } = buildWorker(d.db, config, { log });
        try {
          if (opts.once) {
            const r = await worker.drain();
            process.stdout.write(
              `Đã gửi ${r.sent}, hẹn thử lại ${r.retry}, thất bại ${r.failed} (trong ${r.claimed} lượt nhận).\n`,
            );
          } else {
            worker.start(config.notifyPollMs || 2000);
            process.stdout.write('Đang gửi thông báo; Ctrl+C để dừng.\n');
            await new Promise<void>((resolve) => {
              process.once('SIGINT', resolve);
              process.once('SIGTERM', resolve);
            });
            await worker.stop();
          }
          process.stdout.write(`Hàng đợi: ${JSON.stringify(await countByStatus(d.db))}\n`);
        } finally {
          close();
        }
      });
    });
}

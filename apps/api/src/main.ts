/**
 * The `motcua` CLI (DESIGN §7). Each command opens the store it needs; with the embedded database,
 * commands refuse to open files a running server holds (read-only questions go to that server).
 */
import { Command } from 'commander';
import { writeServerLock } from './shared/lock.ts';
import { startSystem } from './system.ts';
import { configFrom, int, withDatabase } from './cli/context.ts';
import { migrate } from './db/migrate.ts';
import { seedDemoStaff } from './modules/staff/staff.demo.ts';
import { DEMO_DOSSIERS_DEFAULT, seedDemoDossiers } from './demo/demo-dossiers.ts';
import { seedDemoCampaignWork } from './demo/demo-campaigns.ts';
import { importCommands } from './cli/import.ts';
import { calendarCommands } from './cli/calendar.ts';
import { kpiCommands, rebuildKpiCommand } from './cli/kpi.ts';
import { notifyCommand } from './modules/notifications/notifications.cli.ts';
import { reconcileCommands } from './modules/reconcile/reconcile.cli.ts';
import { seedPopulation } from './simulators/population/population.service.ts';

const program = new Command();
program.name('motcua').description('motcua — hệ thống một cửa điện tử và Trung tâm điều hành Đề án 06').showHelpAfterError();

program
  .command('serve')
  .description('Chạy API, giao diện web, tác vụ nền và bộ giả lập / run API + web + workers + simulators')
  .option('--port <port>', 'cổng HTTP', int)
  .option('--data-dir <dir>', 'thư mục dữ liệu (CSDL nhúng, tệp)')
  .option('--demo', 'nạp dữ liệu và tài khoản demo')
  .action(async (opts: { port?: number; dataDir?: string; demo?: boolean }) => {
    const config = configFrom(opts);
    const releaseLock = config.databaseUrl ? () => undefined : writeServerLock(config.dataDir, config.port);
    const system = await startSystem(config);
    const address = await system.app.listen({ port: config.port, host: config.host });
    const shown = `http://localhost:${config.port}`;
    process.stdout.write(`\nmotcua đang chạy tại ${shown} (${address}) — CSDL: ${system.database.kind}\n`);
    process.stdout.write(`  Tài liệu API: ${shown}/api/docs\n`);
    if (system.demoAccounts.length) {
      process.stdout.write('\nTài khoản demo (chỉ dùng thử) / demo accounts:\n');
      for (const a of system.demoAccounts) process.stdout.write(`  ${a.username.padEnd(22)} ${a.password}  ${a.roles.join(',').padEnd(22)} ${a.unitCode}\n`);
    }
    const stop = async (signal: string) => {
      system.log.info({ signal }, 'shutting down');
      await system.close();
      releaseLock();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Áp dụng các migration CSDL / apply database migrations')
  .option('--data-dir <dir>', 'thư mục dữ liệu')
  .action(async (opts: { dataDir?: string }) => {
    await withDatabase(configFrom(opts), async (d) => {
      const applied = await migrate(d);
      process.stdout.write(applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'CSDL đã ở phiên bản mới nhất.\n');
    });
  });

program
  .command('seed')
  .description('Nạp dữ liệu demo / load demo data')
  .requiredOption('--demo', 'dữ liệu demo')
  .option('--people <n>', 'số cư dân giả lập (phần công dân)', int)
  .option('--dossiers <n>', 'số hồ sơ giả lập (phần hồ sơ)', int)
  .option('--seed <s>', 'hạt giống ngẫu nhiên', int)
  .option('--replace', 'thay dân cư giả lập đã có nếu hạt giống hoặc số người khác')
  .option('--data-dir <dir>', 'thư mục dữ liệu')
  .action(async (opts: { dataDir?: string; people?: number; dossiers?: number; seed?: number; replace?: boolean }) => {
    const config = configFrom({ ...opts, demo: true });
    await withDatabase(config, async (d) => {
      const accounts = await seedDemoStaff(d.db, config.dataDir);
      process.stdout.write(`Đã nạp ${accounts.length} tài khoản demo (mật khẩu trong ${config.dataDir}/demo-credentials.json).\n`);
      const count = opts.dossiers ?? DEMO_DOSSIERS_DEFAULT;
      process.stdout.write(`Đang tạo ${count} hồ sơ lịch sử hai năm (seed ${opts.seed ?? 1})…\n`);
      const n = await seedDemoDossiers(d.db, { seed: opts.seed ?? 1, count, now: new Date(), provinceCode: config.provinceCode });
      process.stdout.write(n ? `Đã nạp ${n} hồ sơ demo.\n` : 'Đã có hồ sơ trong CSDL: không tạo thêm hồ sơ demo.\n');
      await seedDemoCampaignWork(d.db, { provinceCode: config.provinceCode });
      process.stdout.write('Đã nạp chiến dịch Đề án 06 demo (báo cáo nhà mạng, danh sách hộ, hỗ trợ tại quầy).\n');
      if (opts.people) {
        const p = await seedPopulation(d.db, { seed: opts.seed ?? 1, people: opts.people, replace: opts.replace ?? false, provinceCode: config.provinceCode });
        process.stdout.write(
          p.outcome === 'unchanged'
            ? `Dân cư giả lập đã có (hạt giống ${p.seed}, ${p.people} người, ${p.households} hộ): không thay đổi.\n`
            : `Đã ${p.outcome === 'replaced' ? 'thay bằng' : 'tạo'} ${p.people} cư dân giả lập trong ${p.households} hộ (hạt giống ${p.seed}; sinh ${p.generateMs} ms, ghi ${p.storeMs} ms).\n`,
        );
      }
    });
  });

importCommands(program);
calendarCommands(program);
kpiCommands(program);
rebuildKpiCommand(program);
notifyCommand(program);
reconcileCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  const err = e as Error & { code?: string; details?: unknown };
  process.stderr.write(`Lỗi: ${err.message}\n`);
  if (err.details) process.stderr.write(`${JSON.stringify(err.details, null, 2)}\n`);
  process.exit(1);
});

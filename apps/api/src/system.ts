/** Opening the store, migrating, loading reference data and demo data: what `serve` and tests share. */
import type { Config } from './env.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { buildApp, type App } from './app.ts';
import { startPaymentExpiryJob } from './modules/payments/payments.jobs.ts';
import { startNotificationServices } from './modules/notifications/notifications.runtime.ts';
import { loadReferenceUnits } from './modules/units/units.loader.ts';
import { loadReferenceCalendar } from './modules/calendar/calendar.loader.ts';
import { loadStarterCatalog } from './modules/catalog/catalog.loader.ts';
import { loadShippedTargets } from './modules/kpi/kpi.targets.ts';
import { seedDemoStaff, type DemoAccount } from './modules/staff/staff.demo.ts';
import { DEMO_DOSSIERS_DEFAULT, seedDemoDossiers } from './demo/demo-dossiers.ts';
import { ensureDemoPopulation } from './simulators/registry/registry.demo.ts';
import { ensureLocalCa } from './modules/results/results.service.ts';
import { seedDemoCampaignWork } from './demo/demo-campaigns.ts';
import { startCampaignReminders } from './modules/campaign-progress/campaign-progress.reminders.ts';
import { startReconcileJobs } from './modules/reconcile/reconcile.jobs.ts';

export interface System {
  database: Database;
  app: App;
  log: Logger;
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

/** Reference data every installation needs (units, the official calendar, the starter catalogue). */
export async function loadReferenceData(database: Database, log?: Logger): Promise<void> {
  const units = await loadReferenceUnits(database.db);
  const days = await loadReferenceCalendar(database.db);
  const procedures = await loadStarterCatalog(database.db);
  await loadShippedTargets(database.db);
  if (units + days + procedures > 0) log?.info({ units, days, procedures }, 'reference data loaded');
}

export async function prepareDatabase(config: Config, log: Logger, opts: { inMemory?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: opts.inMemory ? undefined : config.dataDir });
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await loadReferenceData(database, log);
  return database;
}

export async function startSystem(config: Config, opts: { inMemory?: boolean; log?: Logger } = {}): Promise<System> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = await prepareDatabase(config, log, opts);
  const demoAccounts = config.demo ? await seedDemoStaff(database.db, config.dataDir) : [];
  if (config.demo) {
    const t = Date.now();
    const n = await seedDemoDossiers(database.db, { seed: 1, count: DEMO_DOSSIERS_DEFAULT, now: new Date(), provinceCode: config.provinceCode });
    if (n) log.info({ dossiers: n, ms: Date.now() - t }, 'demo dossiers loaded');
    // Residents to log in as on the VNeID simulator's page and to look up in the registry simulator.
    if (config.simulators) await ensureDemoPopulation(database.db, log);
    // Đề án 06 campaigns with partner reports, household lists and desk records (demo/demo-campaigns.ts).
    await seedDemoCampaignWork(database.db, { provinceCode: config.provinceCode, log });
  }
  const app = await buildApp({ db: database.db, config, log, dbKind: database.kind });
  // The local CA that signs electronic results is created at first start (DESIGN §5), under <dataDir>/pki.
  await ensureLocalCa({ publicUrl: config.publicUrl, dataDir: config.dataDir, provinceName: config.provinceName });
  const stopPaymentExpiry = startPaymentExpiryJob(database.db, log);
  // Reminders to partners whose report is due and to field teams with pending households (in-app notices).
  const stopCampaignReminders = startCampaignReminders(database.db, log);
  // Subscriber reconciliation jobs uploaded through the API (one at a time, inputs deleted after).
  const stopReconcile = startReconcileJobs(database.db, config, log);
  // The outbox worker (and the SMTP simulator unless MOTCUA_SMTP_URL names a real relay).
  const notifications = await startNotificationServices(database.db, config, log);
  return {
    database,
    app,
    log,
    demoAccounts,
    async close() {
      stopPaymentExpiry();
      stopCampaignReminders();
      await stopReconcile();
      await notifications.close();
      await app.close();
      await database.close();
    },
  };
}

/** Builds the HTTP server from the modules. No listening, no database opening: see system.ts. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from './env.ts';
import type { Db } from './db/client.ts';
import type { Logger } from './shared/logger.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerNfc } from './http/nfc.ts';
import { registerAuth } from './http/auth.ts';
import { registerOpenApi } from './http/openapi.ts';
import { REPO_ROOT } from './shared/paths.ts';
import { ReferenceCache } from './reference-cache.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { dossiersRoutes } from './modules/dossiers/dossiers.routes.ts';
import { kpiRoutes } from './modules/kpi/kpi.routes.ts';
import { citizensRoutes } from './modules/citizens/citizens.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { messagesRoutes } from './modules/messages/messages.routes.ts';
import { mailSimulatorRoutes } from './simulators/smtp/smtp.routes.ts';
import { smsSimulatorRoutes } from './simulators/sms/sms.routes.ts';
import { zaloSimulatorRoutes } from './simulators/zalo/zalo.routes.ts';
import { paymentsRoutes } from './modules/payments/payments.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { reconcileRoutes } from './modules/reconcile/reconcile.routes.ts';
import { paymentGatewaySimulatorRoutes } from './simulators/payment-gateway/payment-gateway.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { datastoreRoutes } from './modules/datastore/datastore.routes.ts';
import { vneidRoutes } from './modules/vneid/vneid.routes.ts';
import { prefillRoutes } from './modules/prefill/prefill.routes.ts';
import { resultsRoutes } from './modules/results/results.routes.ts';
import { fieldRoutes } from './modules/field/field.routes.ts';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.ts';
import { deskRoutes } from './modules/desk/desk.routes.ts';
import { campaignProgressRoutes } from './modules/campaign-progress/campaign-progress.routes.ts';
import { partnerReportsRoutes } from './modules/partner-reports/partner-reports.routes.ts';
import { registrySimulatorRoutes } from './simulators/registry/registry.routes.ts';
import { vneidSimulatorRoutes } from './simulators/vneid/vneid.routes.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  dbKind: 'pglite' | 'postgres';
}

export interface RouteInfo {
  method: string;
  url: string;
  hidden: boolean;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
> & {
  deps: AppDeps;
  /** Every route registered, so a test can check that OpenAPI documents each one. */
  routeList: RouteInfo[];
  /** Procedures, units and the calendar kept in memory for the hot paths (reference-cache.ts). */
  refs: ReferenceCache;
};

/** Writes through the API that change cached reference data. */
const REFERENCE_WRITES = /^\/api\/v1\/(procedures|units|calendar)(\/|\?|$)/;

export const WEB_DIST = path.join(REPO_ROOT, 'apps', 'web', 'dist');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(deps: AppDeps): Promise<App> {
  const fastify = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    requestIdHeader: false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID.test(h) ? h : crypto.randomUUID();
    },
    bodyLimit: 20 * 1024 * 1024,
    // One access-log line per request (below) instead of Fastify's two: every line goes through the
    // personal-data masking, which was a measurable share of an intake's CPU.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const app = fastify as unknown as App;
  app.decorate('deps', deps);
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);
  const refs = new ReferenceCache();
  app.decorate('refs', refs);
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
  });
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400 && REFERENCE_WRITES.test(req.url))
      refs.invalidate();
  });
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods)
      routeList.push({ method: m, url: r.url, hidden: Boolean((r.schema as { hide?: boolean } | undefined)?.hide) });
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  registerErrorHandling(app);
  await app.register(cookie);
  // Registered once for every module that takes files (documents, result verification); each route
  // passes its own limits to req.parts()/req.file(). Registering it again elsewhere would throw.
  await app.register(multipart, { limits: { files: 1, fields: 20, parts: 25 } });
  registerNfc(app);
  registerAuth(app, deps.db);
  await registerOpenApi(app, deps.config.provinceName);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống / health',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), time: Type.String() }) },
      },
    },
    async () => {
      const r = await deps.db.selectNoFrom((eb) => eb.fn<string>('now', []).as('now')).executeTakeFirstOrThrow();
      return { status: 'ok' as const, database: deps.dbKind, time: new Date(r.now).toISOString() };
    },
  );
  app.get(
    '/api/v1/meta',
    {
      schema: {
        tags: ['system'],
        summary: 'Thông tin hệ thống cho giao diện / system facts for the web app',
        response: { 200: Type.Object({ provinceCode: Type.String(), provinceName: Type.String(), demo: Type.Boolean() }) },
      },
    },
    async () => ({ provinceCode: deps.config.provinceCode, provinceName: deps.config.provinceName, demo: deps.config.demo }),
  );

  unitsRoutes(app);
  staffRoutes(app);
  calendarRoutes(app);
  catalogRoutes(app);
  dossiersRoutes(app);
  kpiRoutes(app);
  citizensRoutes(app);
  notificationsRoutes(app);
  messagesRoutes(app);
  paymentsRoutes(app);
  feedbackRoutes(app);
  documentsRoutes(app);
  datastoreRoutes(app);
  vneidRoutes(app);
  prefillRoutes(app);
  resultsRoutes(app);
  fieldRoutes(app);
  campaignsRoutes(app);
  deskRoutes(app);
  campaignProgressRoutes(app);
  partnerReportsRoutes(app);
  reconcileRoutes(app);
  // Simulated national systems (DESIGN §5), served by the same process; never in production.
  if (deps.config.simulators) {
    // Only while the configured gateway is this simulator: it signs with the configured secret.
    paymentGatewaySimulatorRoutes(app);
    registrySimulatorRoutes(app);
    vneidSimulatorRoutes(app);
    mailSimulatorRoutes(app);
    smsSimulatorRoutes(app);
    zaloSimulatorRoutes(app);
  }

  await registerWeb(app);
  return app;
}

/**
 * The React app: files are looked up on each request (a rebuilt bundle is served without a restart);
 * any other non-API GET gets index.html so client-side routes work on reload.
 */
async function registerWeb(app: App): Promise<void> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn('web app not built (apps/web/dist missing): run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
}

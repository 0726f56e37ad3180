/**
 * One typed configuration, read from the environment (and CLI flags), validated at start.
 * Secrets come only from the environment; development defaults apply only when not in production.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';
import { StringEnum } from '@motcua/contracts';
import { checkNotifySettings, notifySettings, NotifyConfigFields } from './modules/notifications/notifications.config.ts';

export const Config = Type.Object({
  nodeEnv: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  /** When set, PostgreSQL at this URL is the store; otherwise embedded PGlite under dataDir. */
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  demo: Type.Boolean(),
  logLevel: StringEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  /** End of office hours, local time "HH:MM"; a dossier received later counts from the next working day. */
  officeHoursEnd: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  /** Lifetime of a staff session, hours. */
  sessionTtlHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  provinceCode: Type.String({ pattern: '^[0-9]{2}$' }),
  provinceName: Type.String({ minLength: 1 }),
  /** Secure cookies need HTTPS; on by default in production. */
  cookieSecure: Type.Boolean(),
  /**
   * The address citizens and external systems reach this server at (no trailing slash): QR codes,
   * OIDC redirect URIs, payment return and callback URLs are built from it.
   */
  publicUrl: Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' }),
  /** Largest upload accepted (documents), bytes; larger files get 413 PAYLOAD_TOO_LARGE. */
  uploadMaxBytes: Type.Integer({ minimum: 1024, maximum: 1024 * 1024 * 1024 }),
  /**
   * Serve the simulators of national systems (VNeID, population registry …) under /sim/. Never in
   * production: a simulated VNeID would let anyone log in as anyone.
   */
  simulators: Type.Boolean(),
  /** Base URL of the population registry service (CSDL quốc gia về dân cư), no trailing slash. */
  registryUrl: Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' }),
  /** API key sent to the population registry (header x-api-key). Secret. */
  registryApiKey: Type.String({ minLength: 8 }),
  /** VNeID OpenID Connect issuer (discovery at <issuer>/.well-known/openid-configuration). */
  vneidIssuer: Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' }),
  vneidClientId: Type.String({ minLength: 1 }),
  /** Client secret registered with VNeID. Secret. */
  vneidClientSecret: Type.String({ minLength: 8 }),
  /** Payment gateway checkout address (redirect target), no trailing slash; default the simulator. */
  paymentGatewayUrl: Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' }),
  /** Our merchant code at the gateway (mã đơn vị chấp nhận thanh toán). */
  paymentMerchant: Type.String({ pattern: '^[A-Z0-9]{3,32}$' }),
  /** Shared HMAC secret with the gateway, signs checkout URLs and verifies callbacks. Secret. */
  paymentSecret: Type.String({ minLength: 16 }),
  /** Minutes a payment intent stays payable at the gateway. */
  paymentExpiryMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  /** Notification channels: SMTP, SMS brandname, Zalo ZNS (notifications.config.ts). */
  ...NotifyConfigFields,
});
export type Config = Static<typeof Config>;

export interface ConfigOverrides {
  port?: number;
  dataDir?: string;
  demo?: boolean;
  logLevel?: Config['logLevel'];
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

// Development defaults of the external systems: they point at the simulators this process serves.
// Production has no defaults: the secrets must come from the environment.
const DEV_REGISTRY_API_KEY = 'dev-registry-key-motcua';
const DEV_VNEID_CLIENT_ID = 'motcua-dev';
const DEV_VNEID_CLIENT_SECRET = 'dev-vneid-secret-motcua';

/** Registry and VNeID settings; URLs default to the simulators under `<publicUrl>/sim/`, resolved later. */
function externalSystems(nodeEnv: Config['nodeEnv'], env: NodeJS.ProcessEnv) {
  const dev = nodeEnv !== 'production';
  return {
    simulators: bool(env.MOTCUA_SIMULATORS) ?? dev,
    registryUrl: (env.MOTCUA_REGISTRY_URL ?? '').replace(/\/+$/, ''),
    registryApiKey: env.MOTCUA_REGISTRY_API_KEY ?? (dev ? DEV_REGISTRY_API_KEY : ''),
    vneidIssuer: (env.MOTCUA_VNEID_ISSUER ?? '').replace(/\/+$/, ''),
    vneidClientId: env.MOTCUA_VNEID_CLIENT_ID ?? (dev ? DEV_VNEID_CLIENT_ID : ''),
    vneidClientSecret: env.MOTCUA_VNEID_CLIENT_SECRET ?? (dev ? DEV_VNEID_CLIENT_SECRET : ''),
  };
}

/** Fills the simulator URLs (which need publicUrl) and refuses what production must not run with. */
function checkExternalSystems(
  raw: { nodeEnv: string; publicUrl: string; simulators: boolean; registryUrl: string; vneidIssuer: string },
  env: NodeJS.ProcessEnv,
): void {
  raw.registryUrl ||= `${raw.publicUrl}/sim/registry`;
  raw.vneidIssuer ||= `${raw.publicUrl}/sim/vneid`;
  if (raw.nodeEnv !== 'production') return;
  const problems: string[] = [];
  if (raw.simulators) problems.push('MOTCUA_SIMULATORS: không chạy hệ thống giả lập khi NODE_ENV=production / simulators are refused in production');
  for (const name of ['MOTCUA_REGISTRY_URL', 'MOTCUA_REGISTRY_API_KEY', 'MOTCUA_VNEID_ISSUER', 'MOTCUA_VNEID_CLIENT_ID', 'MOTCUA_VNEID_CLIENT_SECRET']) {
    if (!env[name]) problems.push(`${name}: bắt buộc khi NODE_ENV=production / required in production`);
  }
  if (env.MOTCUA_VNEID_ISSUER && !raw.vneidIssuer.startsWith('https://')) problems.push('MOTCUA_VNEID_ISSUER: phải dùng https / must be https');
  if (problems.length) throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

// Development default of the payment gateway secret (the simulator shares it); none in production.
const DEV_PAYMENT_SECRET = 'dev-payment-secret-motcua-0001';

/** Payment gateway settings (docs/payments.md); the URL defaults to the simulator, resolved later. */
function paymentSettings(nodeEnv: Config['nodeEnv'], env: NodeJS.ProcessEnv) {
  return {
    paymentGatewayUrl: (env.MOTCUA_PAYMENT_GATEWAY_URL ?? '').replace(/\/+$/, ''),
    paymentMerchant: env.MOTCUA_PAYMENT_MERCHANT ?? 'MOTCUAAG',
    paymentSecret: env.MOTCUA_PAYMENT_SECRET ?? (nodeEnv !== 'production' ? DEV_PAYMENT_SECRET : ''),
    paymentExpiryMinutes: env.MOTCUA_PAYMENT_EXPIRY_MINUTES ? Number(env.MOTCUA_PAYMENT_EXPIRY_MINUTES) : 15,
  };
}

function checkPaymentSettings(raw: { nodeEnv: string; publicUrl: string; paymentGatewayUrl: string }, env: NodeJS.ProcessEnv): void {
  raw.paymentGatewayUrl ||= `${raw.publicUrl}/sim/payment`;
  if (raw.nodeEnv !== 'production') return;
  const problems = ['MOTCUA_PAYMENT_GATEWAY_URL', 'MOTCUA_PAYMENT_SECRET']
    .filter((name) => !env[name])
    .map((name) => `${name}: bắt buộc khi NODE_ENV=production / required in production`);
  if (problems.length) throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

/** Reads configuration; throws a readable Vietnamese/English message listing every bad variable. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  const raw = {
    nodeEnv,
    port: overrides.port ?? (env.PORT ? Number(env.PORT) : 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(overrides.dataDir ?? env.MOTCUA_DATA_DIR ?? '.motcua'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: overrides.demo ?? bool(env.MOTCUA_DEMO) ?? false,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    officeHoursEnd: env.MOTCUA_OFFICE_HOURS_END ?? '17:00',
    sessionTtlHours: env.MOTCUA_SESSION_TTL_HOURS ? Number(env.MOTCUA_SESSION_TTL_HOURS) : 12,
    provinceCode: env.MOTCUA_PROVINCE_CODE ?? '91',
    provinceName: (env.MOTCUA_PROVINCE_NAME ?? 'Tỉnh An Giang').normalize('NFC'),
    cookieSecure: bool(env.MOTCUA_COOKIE_SECURE) ?? nodeEnv === 'production',
    publicUrl: (env.MOTCUA_PUBLIC_URL ?? `http://localhost:${overrides.port ?? (env.PORT ? Number(env.PORT) : 8080)}`).replace(/\/+$/, ''),
    uploadMaxBytes: env.MOTCUA_UPLOAD_MAX_BYTES ? Number(env.MOTCUA_UPLOAD_MAX_BYTES) : 10 * 1024 * 1024,
    ...externalSystems(nodeEnv, env),
    ...paymentSettings(nodeEnv, env),
    ...notifySettings(nodeEnv, env),
  };
  checkExternalSystems(raw, env);
  checkPaymentSettings(raw, env);
  checkNotifySettings(raw, env);
  const errors = [...Value.Errors(Config, raw)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path || '/'}: ${e.message} (giá trị: ${JSON.stringify(e.value)})`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  if (raw.demo && nodeEnv === 'production') {
    throw new Error('Không được bật chế độ demo khi NODE_ENV=production / demo mode is refused in production');
  }
  return raw as Config;
}

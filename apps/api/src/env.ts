/**
 * One typed configuration, read from the environment (and CLI flags), validated at start.
 * Secrets come only from the environment; development defaults apply only when not in production.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import path from 'node:path';
import { StringEnum } from '@motcua/contracts';

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
  };
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

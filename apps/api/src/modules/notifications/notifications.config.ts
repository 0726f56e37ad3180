/**
 * Configuration of the notification channels (DESIGN §3.7, §5): spread into the one Config of
 * env.ts. Every provider is reached by URL only, so switching from the simulators to the real SMTP
 * relay, SMS brandname gateway and Zalo OA is a matter of environment variables (docs/notifications.md).
 */
import { Type } from '@sinclair/typebox';
import { NOTIFICATION_CHANNELS, StringEnum } from '@motcua/contracts';

const HttpUrl = Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' });

/** The fields, spread into `Config` (env.ts). */
export const NotifyConfigFields = {
  /** Channels this installation sends on (MOTCUA_NOTIFY_CHANNELS); others are never queued. */
  notifyChannels: Type.Array(StringEnum(NOTIFICATION_CHANNELS), { uniqueItems: true }),
  /** How often `serve`'s worker looks for due notifications, ms; 0 = no worker in this process. */
  notifyPollMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  /** SMTP relay (nodemailer URL: smtp://user:pass@host:587 or smtps://…); default the simulator. */
  smtpUrl: Type.String({ pattern: '^(smtps?://.+)?$' }),
  /** True when smtpUrl is the built-in simulator, which `serve` then starts on smtpSimPort. */
  smtpSimulator: Type.Boolean(),
  /** Port of the SMTP simulator: 2525 in development, 0 (any free port) in tests. */
  smtpSimPort: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** From header of notification emails. */
  mailFrom: Type.String({ minLength: 3 }),
  /** SMS brandname gateway base URL (JSON over HTTP). */
  smsUrl: HttpUrl,
  /** API key of our brandname account (header x-api-key). Secret. */
  smsApiKey: Type.String(),
  /** Registered sender name shown on the phone (tên định danh), at most 11 characters. */
  smsBrandname: Type.String({ pattern: '^[A-Za-z0-9._ -]{1,11}$' }),
  /** Zalo ZNS API base URL (business.openapi.zalo.me in production). */
  zaloUrl: HttpUrl,
  /** Zalo Official Account access token (header access_token). Secret. */
  zaloAccessToken: Type.String(),
  /** ZNS template ids registered with Zalo, by our template name; unlisted names are sent as is. */
  zaloTemplateIds: Type.Record(Type.String(), Type.String()),
};

// Development credentials shared with the simulators this process serves; none in production.
const DEV_SMS_API_KEY = 'dev-sms-key-motcua';
const DEV_ZALO_TOKEN = 'dev-zalo-token-motcua';

/** "received=231245,apology=231246" → { received: '231245', apology: '231246' }. */
function templateIds(v: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (v ?? '').split(',')) {
    const [name, id] = pair.split('=').map((s) => s.trim());
    if (name && id) out[name] = id;
  }
  return out;
}

type NodeEnv = 'development' | 'production' | 'test';

/** Raw values from the environment; URLs that depend on publicUrl are filled by `checkNotifySettings`. */
export function notifySettings(nodeEnv: NodeEnv, env: NodeJS.ProcessEnv) {
  const dev = nodeEnv !== 'production';
  const channels = (env.MOTCUA_NOTIFY_CHANNELS ?? NOTIFICATION_CHANNELS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    notifyChannels: channels as (typeof NOTIFICATION_CHANNELS)[number][],
    notifyPollMs: env.MOTCUA_NOTIFY_POLL_MS ? Number(env.MOTCUA_NOTIFY_POLL_MS) : 2000,
    smtpUrl: env.MOTCUA_SMTP_URL ?? '',
    smtpSimulator: !env.MOTCUA_SMTP_URL,
    smtpSimPort: env.MOTCUA_SMTP_SIM_PORT ? Number(env.MOTCUA_SMTP_SIM_PORT) : nodeEnv === 'test' ? 0 : 2525,
    mailFrom: (env.MOTCUA_MAIL_FROM ?? '').normalize('NFC'),
    smsUrl: (env.MOTCUA_SMS_URL ?? '').replace(/\/+$/, ''),
    smsApiKey: env.MOTCUA_SMS_API_KEY ?? (dev ? DEV_SMS_API_KEY : ''),
    smsBrandname: env.MOTCUA_SMS_BRANDNAME ?? 'UBNDANGIANG',
    zaloUrl: (env.MOTCUA_ZALO_URL ?? '').replace(/\/+$/, ''),
    zaloAccessToken: env.MOTCUA_ZALO_ACCESS_TOKEN ?? (dev ? DEV_ZALO_TOKEN : ''),
    zaloTemplateIds: templateIds(env.MOTCUA_ZALO_TEMPLATE_IDS),
  };
}

type Raw = ReturnType<typeof notifySettings> & { nodeEnv: string; publicUrl: string; provinceName: string; simulators: boolean };

/** "Tỉnh An Giang" → "UBND tỉnh An Giang": who signs the notifications. */
export function senderName(provinceName: string): string {
  return `UBND ${provinceName.charAt(0).toLowerCase()}${provinceName.slice(1)}`;
}

/** Fills the simulator defaults (they need publicUrl) and, in production, requires each enabled channel's settings. */
export function checkNotifySettings(raw: Raw, env: NodeJS.ProcessEnv): void {
  raw.smtpSimulator &&= raw.simulators;
  if (raw.smtpSimulator) raw.smtpUrl = `smtp://127.0.0.1:${raw.smtpSimPort}`;
  raw.smsUrl ||= `${raw.publicUrl}/sim/sms`;
  raw.zaloUrl ||= `${raw.publicUrl}/sim/zalo`;
  raw.mailFrom ||= `"${senderName(raw.provinceName)}" <no-reply@${new URL(raw.publicUrl).hostname}>`;
  const problems: string[] = [];
  for (const c of raw.notifyChannels) {
    if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(c))
      problems.push(`MOTCUA_NOTIFY_CHANNELS: kênh "${c}" không có (email, sms, zalo) / unknown channel`);
  }
  const required: Record<string, string[]> = {
    email: ['MOTCUA_SMTP_URL'],
    sms: ['MOTCUA_SMS_URL', 'MOTCUA_SMS_API_KEY'],
    zalo: ['MOTCUA_ZALO_URL', 'MOTCUA_ZALO_ACCESS_TOKEN'],
  };
  if (raw.nodeEnv === 'production') {
    for (const c of raw.notifyChannels) {
      for (const name of required[c] ?? [])
        if (!env[name]) problems.push(`${name}: bắt buộc khi bật kênh ${c} và NODE_ENV=production / required in production`);
    }
  }
  if (problems.length)
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

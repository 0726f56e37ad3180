/**
 * Adapters of the three providers (DESIGN §5), each configured by URL only: email over real SMTP
 * (nodemailer), SMS through a brandname gateway (JSON over HTTP, API key) and Zalo ZNS template
 * messages (JSON over HTTP, OA access token). Every call carries the outbox row's key, which the
 * provider uses to drop a repeat: SMTP as the Message-ID, SMS as the idempotency key, Zalo as the
 * tracking_id. A `DeliveryError` says whether trying again can help.
 */
import nodemailer from 'nodemailer';

/** A failed delivery; `permanent` = retrying cannot help (rejected address, invalid template …). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface EmailMessage {
  /** Idempotency key (the outbox id). */
  key: string;
  to: string;
  subject: string;
  text: string;
}
export interface SmsMessage {
  key: string;
  /** 84xxxxxxxxx */
  to: string;
  text: string;
}
export interface ZaloMessage {
  key: string;
  /** 84xxxxxxxxx */
  to: string;
  templateId: string;
  data: Record<string, string>;
}

/** Each `send` resolves to the provider's message id. */
export interface ChannelAdapters {
  email: { send(m: EmailMessage): Promise<string> };
  sms: { send(m: SmsMessage): Promise<string> };
  zalo: { send(m: ZaloMessage): Promise<string> };
  close(): void;
}

export interface ChannelSettings {
  smtpUrl: string;
  mailFrom: string;
  smsUrl: string;
  smsApiKey: string;
  smsBrandname: string;
  zaloUrl: string;
  zaloAccessToken: string;
  publicUrl: string;
  provinceCode: string;
}

const HTTP_TIMEOUT_MS = 15_000;

/** The Message-ID of an outbox row: stable across resends, unique per installation. */
export function messageIdFor(key: string, s: Pick<ChannelSettings, 'publicUrl' | 'provinceCode'>): string {
  return `<${key}.motcua-${s.provinceCode}@${new URL(s.publicUrl).hostname}>`;
}

/** 4xx other than timeout and rate limit: the request itself is wrong, sending it again will not help. */
const permanentStatus = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (e) {
    throw new DeliveryError(`Không kết nối được ${new URL(url).host}: ${(e as Error).message}`, false);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

function errorText(json: unknown): string {
  const e = (json as { error?: { code?: string; message?: string } | number; message?: string } | null) ?? {};
  if (typeof e.error === 'object' && e.error) return `${e.error.code ?? ''} ${e.error.message ?? ''}`.trim();
  return String(e.message ?? JSON.stringify(json)).slice(0, 300);
}

function emailAdapter(s: ChannelSettings): ChannelAdapters['email'] & { close(): void } {
  if (!s.smtpUrl) {
    return {
      send: async () => {
        throw new DeliveryError('Chưa cấu hình máy chủ thư (MOTCUA_SMTP_URL)', true);
      },
      close: () => undefined,
    };
  }
  // Timeouts shorter than the worker's lease, so a hung server cannot outlive the claim; the URL's
  // own query parameters win over them.
  const transport = nodemailer.createTransport(
    { url: s.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: s.mailFrom },
  );
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: messageIdFor(m.key, s),
          headers: { 'X-Motcua-Outbox': m.key },
        });
        return String(info.messageId);
      } catch (e) {
        const err = e as Error & { responseCode?: number; code?: string };
        // 5xx: the server refuses this message or recipient for good; 4xx and network errors pass.
        const permanent = (err.responseCode ?? 0) >= 500;
        throw new DeliveryError(`SMTP ${err.responseCode ?? err.code ?? ''}: ${err.message}`.slice(0, 500), permanent);
      }
    },
    close: () => transport.close(),
  };
}

function smsAdapter(s: ChannelSettings): ChannelAdapters['sms'] {
  return {
    async send(m) {
      if (!s.smsApiKey) throw new DeliveryError('Chưa cấu hình khóa API SMS brandname (MOTCUA_SMS_API_KEY)', true);
      const { status, json } = await postJson(
        `${s.smsUrl}/v1/messages`,
        { 'x-api-key': s.smsApiKey, 'idempotency-key': m.key },
        { brandname: s.smsBrandname, to: m.to, message: m.text, unicode: true, requestId: m.key },
      );
      if (status >= 200 && status < 300) {
        const id = (json as { messageId?: unknown } | null)?.messageId;
        if (typeof id === 'string' && id) return id;
        throw new DeliveryError('Cổng SMS trả lời thiếu messageId', false);
      }
      throw new DeliveryError(`SMS HTTP ${status}: ${errorText(json)}`, permanentStatus(status));
    },
  };
}

/** ZNS error codes for which a retry cannot help (invalid phone, template or data; no Zalo account). */
const ZALO_PERMANENT = new Set([-108, -109, -111, -112, -114, -118, -119]);

function zaloAdapter(s: ChannelSettings): ChannelAdapters['zalo'] {
  return {
    async send(m) {
      if (!s.zaloAccessToken) throw new DeliveryError('Chưa cấu hình access token Zalo OA (MOTCUA_ZALO_ACCESS_TOKEN)', true);
      const { status, json } = await postJson(
        `${s.zaloUrl}/message/template`,
        { access_token: s.zaloAccessToken },
        { phone: m.to, template_id: m.templateId, template_data: m.data, tracking_id: m.key },
      );
      const body = (json ?? {}) as { error?: number; message?: string; data?: { msg_id?: string } };
      if (status >= 200 && status < 300 && body.error === 0 && body.data?.msg_id) return body.data.msg_id;
      if (status >= 200 && status < 300 && typeof body.error === 'number' && body.error !== 0) {
        throw new DeliveryError(`Zalo ${body.error}: ${body.message ?? ''}`.trim(), ZALO_PERMANENT.has(body.error));
      }
      throw new DeliveryError(`Zalo HTTP ${status}: ${errorText(json)}`, permanentStatus(status));
    },
  };
}

/** The adapters for these settings; `close` releases the SMTP transport. */
export function channelAdapters(s: ChannelSettings): ChannelAdapters {
  const email = emailAdapter(s);
  return { email, sms: smsAdapter(s), zalo: zaloAdapter(s), close: () => email.close() };
}

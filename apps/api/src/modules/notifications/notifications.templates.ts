/**
 * Vietnamese texts of the dossier notifications, one template per notifying event, rendered per
 * channel: SMS (brandname accepts Unicode; kept within 335 characters, 5 concatenated segments),
 * email (subject and plain text) and the parameters of a Zalo ZNS template (Zalo holds the text of
 * a registered template; we send its parameters). Pure functions: the same payload always renders
 * the same text, which is what makes a resend after a crash indistinguishable from the first send.
 */
import { vnDateOf } from '../../shared/dates.ts';
import { senderName } from './notifications.config.ts';

/** Longest SMS text: 5 concatenated Unicode segments of 67 characters. */
export const SMS_MAX_CHARS = 335;

/** What the outbox row carries: facts of the event, captured when it happened (see enqueueForEvent). */
export interface NotificationPayload {
  code: string;
  procedureCode: string;
  applicantName?: string | null;
  /** ISO instants. */
  dueAt?: string | null;
  apologyDueAt?: string | null;
  reason?: string | null;
  feeVnd?: number | null;
  /** result_issued: the decision the result carries. */
  decision?: 'approved' | 'refused' | null;
  /** chain_opened: the dossier it was opened from. */
  parentCode?: string | null;
}

export interface RenderContext {
  publicUrl: string;
  provinceName: string;
  /** Name of the procedure (looked up at delivery from payload.procedureCode). */
  procedureName: string;
}

interface Vars {
  code: string;
  procedure: string;
  due: string | null;
  newDue: string | null;
  reason: string;
  fee: string;
  parentCode: string;
  decision: 'approved' | 'refused' | null;
}

interface TemplateDef {
  /** Email subject after "Hồ sơ <code> ". */
  subject: (v: Vars) => string;
  /** The message itself, one or two sentences; SMS adds the link, email wraps it in a letter. */
  lead: (v: Vars) => string;
  /** Label before the link. */
  cta?: string;
}

const TEMPLATES = {
  submitted: {
    subject: () => 'đã được gửi trực tuyến',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) đã được gửi trực tuyến và đang chờ Bộ phận Một cửa tiếp nhận.`,
  },
  received: {
    subject: () => 'đã được tiếp nhận',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) đã được tiếp nhận. Ngày hẹn trả kết quả: ${v.due}.`,
  },
  rejected: {
    subject: () => 'không được tiếp nhận',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) không được tiếp nhận. Lý do: ${v.reason}.`,
  },
  supplement_requested: {
    subject: () => 'cần bổ sung',
    lead: (v) =>
      `Hồ sơ ${v.code} (${v.procedure}) cần bổ sung: ${v.reason}. Thời hạn giải quyết tạm dừng đến khi nhận đủ hồ sơ bổ sung.`,
  },
  supplement_provided: {
    subject: () => 'đã nhận hồ sơ bổ sung',
    lead: (v) => `Đã nhận hồ sơ bổ sung của hồ sơ ${v.code} (${v.procedure}). Ngày hẹn trả kết quả: ${v.due}.`,
  },
  payment_requested: {
    subject: () => 'cần nộp phí, lệ phí',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) cần nộp lệ phí ${v.fee}.`,
    cta: 'Tra cứu và nộp trực tuyến',
  },
  paid: {
    subject: () => 'đã nộp phí, lệ phí',
    lead: (v) => `Đã nhận lệ phí ${v.fee} của hồ sơ ${v.code} (${v.procedure}).`,
  },
  approved: {
    subject: () => 'đã được phê duyệt',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) đã được phê duyệt; kết quả được trả theo ngày hẹn ${v.due}.`,
  },
  refused: {
    subject: () => 'không được giải quyết',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) không được giải quyết. Lý do: ${v.reason}.`,
  },
  result_issued: {
    subject: (v) => (v.decision === 'refused' ? 'đã có văn bản trả lời' : 'đã có kết quả'),
    lead: (v) =>
      v.decision === 'refused'
        ? `Đã có văn bản trả lời hồ sơ ${v.code} (${v.procedure}). Mời ông/bà nhận tại Bộ phận Một cửa.`
        : `Đã có kết quả giải quyết hồ sơ ${v.code} (${v.procedure}). Mời ông/bà nhận kết quả tại Bộ phận Một cửa hoặc trên Cổng dịch vụ công.`,
  },
  returned: {
    subject: () => 'đã trả kết quả',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) đã trả kết quả.`,
    cta: 'Mời ông/bà đánh giá mức độ hài lòng tại',
  },
  withdrawn: {
    subject: () => 'đã được rút',
    lead: (v) => `Hồ sơ ${v.code} (${v.procedure}) đã được rút theo đề nghị của người nộp.`,
  },
  apology: {
    subject: () => 'chậm so với ngày hẹn: thư xin lỗi',
    lead: (v) =>
      `Thành thật xin lỗi ông/bà: hồ sơ ${v.code} (${v.procedure}) chưa có kết quả đúng hẹn ngày ${v.due}. Ngày hẹn mới: ${v.newDue}. Lý do: ${v.reason}.`,
  },
  chain_opened: {
    subject: () => 'liên thông đã được lập',
    lead: (v) =>
      `Hồ sơ liên thông ${v.code} (${v.procedure}) đã được lập từ hồ sơ ${v.parentCode}. Ngày hẹn trả kết quả: ${v.due}.`,
  },
  message_sent: {
    subject: () => 'có tin nhắn mới của cán bộ',
    lead: (v) => `Ông/bà có tin nhắn mới của cán bộ về hồ sơ ${v.code} (${v.procedure}).`,
    cta: 'Đăng nhập để xem và trả lời',
  },
} satisfies Record<string, TemplateDef>;

export type TemplateName = keyof typeof TEMPLATES;

/** The event actions that notify the applicant: each has a template of the same name. */
export const NOTIFYING_ACTIONS: ReadonlySet<string> = new Set(Object.keys(TEMPLATES));

export const isTemplateName = (s: string): s is TemplateName => NOTIFYING_ACTIONS.has(s);

/** 'YYYY-MM-DD' of the instant in Việt Nam as dd/mm/yyyy. */
export function vnDayMonthYear(iso: string): string {
  const [y, m, d] = vnDateOf(new Date(iso)).split('-');
  return `${d}/${m}/${y}`;
}

/** 15000 → "15.000 đồng". */
export function formatVnd(n: number): string {
  return `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

const chars = (s: string) => [...s].length;

/** Cuts to `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  const cps = [...s];
  return cps.length <= max ? s : `${cps.slice(0, Math.max(1, max - 1)).join('')}…`;
}

export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/tra-cuu/${encodeURIComponent(code)}`;
}

function varsOf(p: NotificationPayload, procedureName: string): Vars {
  return {
    code: p.code,
    procedure: procedureName,
    due: p.dueAt ? vnDayMonthYear(p.dueAt) : null,
    newDue: p.apologyDueAt ? vnDayMonthYear(p.apologyDueAt) : null,
    // Reasons are typed by officials: one line reads better in an SMS.
    reason: (p.reason ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.。]+$/, ''),
    fee: formatVnd(p.feeVnd ?? 0),
    parentCode: p.parentCode ?? '',
    decision: p.decision ?? null,
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** SMS text within SMS_MAX_CHARS: a long reason, then a long procedure name, is shortened first. */
export function renderSms(template: TemplateName, p: NotificationPayload, ctx: RenderContext): string {
  const def: TemplateDef = TEMPLATES[template];
  const url = trackingUrl(ctx.publicUrl, p.code);
  const text = (v: Vars) => `${def.lead(v)} ${def.cta ?? 'Tra cứu'}: ${url}`;
  let v = varsOf(p, ctx.procedureName);
  for (const key of ['reason', 'procedure'] as const) {
    const over = chars(text(v)) - SMS_MAX_CHARS;
    if (over <= 0) break;
    v = { ...v, [key]: truncate(v[key], Math.max(20, chars(v[key]) - over)) };
  }
  return truncate(text(v), SMS_MAX_CHARS);
}

/** Email subject and plain-text body: a short letter signed by the provincial People's Committee. */
export function renderEmail(template: TemplateName, p: NotificationPayload, ctx: RenderContext): RenderedEmail {
  const def: TemplateDef = TEMPLATES[template];
  const v = varsOf(p, ctx.procedureName);
  const lines = [
    p.applicantName ? `Kính gửi ông/bà ${p.applicantName},` : 'Kính gửi ông/bà,',
    '',
    def.lead(v),
    '',
    `Mã hồ sơ: ${v.code}`,
    `Thủ tục: ${v.procedure}`,
    ...(v.due ? [`Ngày hẹn trả kết quả: ${v.due}`] : []),
    `${def.cta ?? 'Tra cứu tình trạng hồ sơ'}: ${trackingUrl(ctx.publicUrl, p.code)}`,
    '',
    'Trân trọng,',
    senderName(ctx.provinceName),
    'Hệ thống thông tin giải quyết thủ tục hành chính',
    '',
    'Đây là thư gửi tự động, vui lòng không trả lời thư này.',
  ];
  return { subject: `Hồ sơ ${v.code} ${def.subject(v)}`, text: `${lines.join('\n')}\n` };
}

/**
 * Parameters of the ZNS template: short keys, values within Zalo's parameter length (100
 * characters); only the parameters this event has.
 */
export function renderZalo(template: TemplateName, p: NotificationPayload, ctx: RenderContext): Record<string, string> {
  const v = varsOf(p, ctx.procedureName);
  const data: Record<string, string> = { ma_ho_so: v.code, ten_thu_tuc: truncate(v.procedure, 100) };
  if (v.due) data.ngay_hen = v.due;
  if (v.newDue) data.ngay_hen_moi = v.newDue;
  if (v.reason) data.ly_do = truncate(v.reason, 100);
  if (template === 'payment_requested' || template === 'paid') data.le_phi = v.fee;
  if (v.parentCode) data.ho_so_goc = v.parentCode;
  if (template === 'result_issued') data.ket_qua = v.decision === 'refused' ? 'Văn bản trả lời' : 'Kết quả giải quyết';
  data.duong_dan = trackingUrl(ctx.publicUrl, p.code);
  return data;
}

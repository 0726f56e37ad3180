/**
 * The personalised SMS of the outreach list (issue 6 §3; seed 002 II.2.b and III: tell the subscriber
 * what to do, where — VNeID, the carrier's app, or in person at the carrier's point, the commune
 * police or the one-stop desk — by when, and warn of the lock). docs/reconcile.md, "Outreach text".
 *
 * Personal data: the number is shown by its last 3 digits only, no ID number at all ("TTTB [số CCCD]"
 * is the syntax, not the number), no registry value, and a deceased record is not named as such: the
 * phone may be in a relative's hands.
 */
import type { Classification, ReconcileStatus, SubscriberRow } from './reconcile.types.ts';

/** Longest text we send: 300 characters (5 Unicode SMS segments of 67 characters after the header). */
export const OUTREACH_MAX_CHARS = 300;

const PROBLEM: Readonly<Record<Exclude<ReconcileStatus, 'match'>, string>> = {
  invalid_id: 'giấy tờ đăng ký không hợp lệ. Vui lòng xác thực lại bằng CCCD',
  invalid_dob: 'ngày sinh đăng ký không hợp lệ. Vui lòng cập nhật ngày sinh đúng theo CCCD',
  old_id: 'còn đăng ký bằng CMND 9 số. Vui lòng xác thực lại bằng CCCD',
  id_not_found: 'số giấy tờ đăng ký không có trong CSDL dân cư. Vui lòng xác thực lại bằng CCCD',
  deceased: 'thông tin chủ thuê bao không còn hợp lệ. Người đang dùng số vui lòng đăng ký lại bằng CCCD của mình',
  name_dob_mismatch: 'họ tên và ngày sinh đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật đúng theo CCCD',
  name_mismatch: 'họ tên đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật họ tên đúng theo CCCD',
  dob_mismatch: 'ngày sinh đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật ngày sinh đúng theo CCCD',
};

// Passport and other documents are out of scope (foreigners, organisations): no CCCD to ask for.
const OUT_OF_SCOPE = 'giấy tờ đăng ký cần được cập nhật. Vui lòng mang giấy tờ tùy thân hợp lệ';

/** The carrier's name for the text and its self-service app, by the carrier column's spelling. */
function carrierOf(carrier: string): { name: string; app: string | null } {
  const c = carrier.trim().toLowerCase();
  if (c.includes('vietnamobile')) return { name: 'Vietnamobile', app: null };
  if (c.includes('viettel')) return { name: 'Viettel', app: 'My Viettel' };
  if (c.includes('vina') || c.includes('vnpt')) return { name: 'VinaPhone', app: 'My VNPT' };
  if (c.includes('mobi')) return { name: 'MobiFone', app: 'My MobiFone' };
  return { name: carrier.trim() || 'nhà mạng', app: null };
}

function maskMsisdn(msisdn: string): string {
  const digits = msisdn.replace(/\D/g, '');
  return `***${digits.slice(-3)}`;
}

/** dd/mm/yyyy of a YYYY-MM-DD deadline (left as given when it is not one). */
function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso.trim();
}

/**
 * The SMS for one subscriber that is not `match` (throws for match: nothing to send). Under
 * OUTREACH_MAX_CHARS: with a long province or carrier name the in-person places shorten to the
 * carrier's point only, and as a last resort the province label is dropped.
 */
export function outreachText(sub: SubscriberRow, c: Classification, opts: { deadline: string; provinceName: string }): string {
  if (c.status === 'match') throw new Error('Thuê bao khớp CSDL dân cư: không có tin nhắn cần gửi');
  const outOfScope = c.status === 'invalid_id' && /^(passport|other)$/i.test(sub.idType.trim());
  const problem = outOfScope ? OUT_OF_SCOPE : PROBLEM[c.status];
  const carrier = carrierOf(sub.carrier);
  const label = `[${opts.provinceName.trim()}] `;
  const body = `Thuê bao ${maskMsisdn(sub.msisdn)}: ${problem}.`;
  const check = outOfScope ? '' : ' Kiểm tra: soạn TTTB [số CCCD] gửi 1414.';
  const where = outOfScope
    ? `Thực hiện tại điểm giao dịch ${carrier.name}`
    : `Thực hiện qua VNeID, ${carrier.app ?? `ứng dụng của ${carrier.name}`} hoặc tại điểm giao dịch ${carrier.name}`;
  const tail = ` trước ${vnDate(opts.deadline)}, quá hạn thuê bao sẽ bị tạm khóa.`;
  const candidates = [
    `${label}${body}${check} ${where}, công an xã, bộ phận một cửa${tail}`,
    `${label}${body}${check} ${where}${tail}`,
    // A very long province or carrier name: the province label goes, then the text is cut.
    `${body}${check} ${where}${tail}`,
  ];
  return candidates.find((t) => t.length <= OUTREACH_MAX_CHARS) ?? candidates[2]!.slice(0, OUTREACH_MAX_CHARS);
}

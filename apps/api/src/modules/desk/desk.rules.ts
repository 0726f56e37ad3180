/**
 * What a desk record must say before it is stored (docs/desk-support.md, "validation"). Pure, so the
 * web form and the tests read the same rules; every problem is reported at once, field by field.
 */
import { parseCccd, parseCmnd, parseMobile, type DeskRecordInput, type IdKind, type MobileCarrier } from '@motcua/contracts';

export interface FieldIssue {
  field: string;
  message: string;
}

export interface CheckedRecord {
  phone: string;
  detectedCarrier: MobileCarrier;
  carrier: MobileCarrier;
  carrierOverride: boolean;
  idKind: IdKind;
  idNumber: string;
  failureReason: string | null;
}

/**
 * Validates phone, carrier and ID number. The carrier chosen must be the prefix's carrier unless the
 * officer confirms a ported number (chuyển mạng giữ số: Nghị định 49/2017 lets a subscriber keep the
 * number when changing network, so the prefix no longer names the carrier). A 9-digit number is an
 * old CMND: seed 002 II.1 names exactly these subscribers ("Đang sử dụng Chứng minh nhân dân 9 số để
 * đăng ký SIM") as the ones to help, so it is accepted, not rejected.
 */
export function checkRecordInput(input: DeskRecordInput): { ok: true; value: CheckedRecord } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const phone = parseMobile(input.phone.normalize('NFC'));
  if (!phone.ok) issues.push({ field: 'phone', message: phone.message });

  const digits = input.idNumber.normalize('NFC').trim().replace(/[\s.-]/g, '');
  let idKind: IdKind = 'cccd';
  let idNumber = digits;
  if (/^\d{9}$/.test(digits)) {
    const cmnd = parseCmnd(digits);
    if (!cmnd.ok) issues.push({ field: 'idNumber', message: cmnd.message });
    else [idKind, idNumber] = ['cmnd', cmnd.number];
  } else if (/^\d+$/.test(digits) && digits.length !== 12) {
    issues.push({ field: 'idNumber', message: 'Nhập số CCCD gồm 12 chữ số, hoặc số CMND cũ gồm 9 chữ số' });
  } else {
    const cccd = parseCccd(digits);
    if (!cccd.ok) issues.push({ field: 'idNumber', message: cccd.message });
    else idNumber = cccd.number;
  }

  let carrierOverride = false;
  if (phone.ok && phone.carrier !== input.carrier) {
    if (input.carrierOverride) carrierOverride = true;
    else
      issues.push({
        field: 'carrier',
        message: `Đầu số ${phone.prefix} thuộc ${phone.carrier}, không phải ${input.carrier}. Nếu thuê bao đã chuyển mạng giữ số, đánh dấu "Thuê bao đã chuyển mạng" rồi gửi lại`,
      });
  }

  const reason = (input.failureReason ?? '').normalize('NFC').trim();
  if (input.result === 'failed' && !reason) issues.push({ field: 'failureReason', message: 'Nhập lý do không thành công' });

  if (issues.length > 0 || !phone.ok) return { ok: false, issues };
  return {
    ok: true,
    value: {
      phone: phone.national,
      detectedCarrier: phone.carrier,
      carrier: input.carrier,
      carrierOverride,
      idKind,
      idNumber,
      // A reason typed before switching the result back to success means nothing: it is dropped.
      failureReason: input.result === 'failed' ? reason : null,
    },
  };
}

/** Exact texts of the Vietnamese templates, per channel (hand-written expectations). */
import { describe, expect, it } from 'vitest';
import {
  formatVnd,
  NOTIFYING_ACTIONS,
  renderEmail,
  renderSms,
  renderZalo,
  SMS_MAX_CHARS,
  truncate,
  vnDayMonthYear,
  type NotificationPayload,
  type TemplateName,
} from './notifications.templates.ts';

const ctx = { publicUrl: 'https://dichvucong.angiang.gov.vn', provinceName: 'Tỉnh An Giang', procedureName: 'Đăng ký tạm trú' };
const base: NotificationPayload = {
  code: '30307-260213-0001',
  procedureCode: '1.004194',
  applicantName: 'Nguyễn Thị Mai Anh',
  dueAt: '2026-02-25T10:00:00.000Z', // 17:00 in Việt Nam
  apologyDueAt: null,
  reason: null,
  feeVnd: 15000,
  decision: null,
  parentCode: null,
};
const url = 'https://dichvucong.angiang.gov.vn/tra-cuu/30307-260213-0001';

describe('dates and money', () => {
  it('gives the Vietnamese calendar date of an instant, whatever the host time zone', () => {
    expect(vnDayMonthYear('2026-02-25T10:00:00.000Z')).toBe('25/02/2026');
    // 20:00 UTC is already 03:00 the next day in Việt Nam.
    expect(vnDayMonthYear('2026-02-25T20:00:00.000Z')).toBe('26/02/2026');
    expect(vnDayMonthYear('2026-12-31T16:59:59.000Z')).toBe('31/12/2026');
    expect(vnDayMonthYear('2026-12-31T17:00:00.000Z')).toBe('01/01/2027');
  });

  it('writes amounts with dots between thousands', () => {
    expect(formatVnd(15000)).toBe('15.000 đồng');
    expect(formatVnd(1250000)).toBe('1.250.000 đồng');
    expect(formatVnd(500)).toBe('500 đồng');
  });
});

describe('SMS', () => {
  it('renders the receipt with code, procedure, due date and tracking link', () => {
    expect(renderSms('received', base, ctx)).toBe(
      `Hồ sơ 30307-260213-0001 (Đăng ký tạm trú) đã được tiếp nhận. Ngày hẹn trả kết quả: 25/02/2026. Tra cứu: ${url}`,
    );
  });

  it('renders a supplement request with the reason on one line and without a doubled full stop', () => {
    const p = { ...base, reason: 'Bổ sung bản sao\n hợp đồng thuê nhà có công chứng.' };
    expect(renderSms('supplement_requested', p, ctx)).toBe(
      `Hồ sơ 30307-260213-0001 (Đăng ký tạm trú) cần bổ sung: Bổ sung bản sao hợp đồng thuê nhà có công chứng. Thời hạn giải quyết tạm dừng đến khi nhận đủ hồ sơ bổ sung. Tra cứu: ${url}`,
    );
  });

  it('renders the fee request, the apology and the returned result', () => {
    expect(renderSms('payment_requested', base, ctx)).toBe(
      `Hồ sơ 30307-260213-0001 (Đăng ký tạm trú) cần nộp lệ phí 15.000 đồng. Tra cứu và nộp trực tuyến: ${url}`,
    );
    const apology = { ...base, apologyDueAt: '2026-03-03T10:00:00.000Z', reason: 'Chờ xác minh nơi cư trú' };
    expect(renderSms('apology', apology, ctx)).toBe(
      `Thành thật xin lỗi ông/bà: hồ sơ 30307-260213-0001 (Đăng ký tạm trú) chưa có kết quả đúng hẹn ngày 25/02/2026. Ngày hẹn mới: 03/03/2026. Lý do: Chờ xác minh nơi cư trú. Tra cứu: ${url}`,
    );
    expect(renderSms('returned', base, ctx)).toBe(
      `Hồ sơ 30307-260213-0001 (Đăng ký tạm trú) đã trả kết quả. Mời ông/bà đánh giá mức độ hài lòng tại: ${url}`,
    );
  });

  it('says "văn bản trả lời" for the result of a refusal', () => {
    expect(renderSms('result_issued', { ...base, decision: 'refused' }, ctx)).toBe(
      `Đã có văn bản trả lời hồ sơ 30307-260213-0001 (Đăng ký tạm trú). Mời ông/bà nhận tại Bộ phận Một cửa. Tra cứu: ${url}`,
    );
    expect(renderSms('result_issued', { ...base, decision: 'approved' }, ctx)).toBe(
      `Đã có kết quả giải quyết hồ sơ 30307-260213-0001 (Đăng ký tạm trú). Mời ông/bà nhận kết quả tại Bộ phận Một cửa hoặc trên Cổng dịch vụ công. Tra cứu: ${url}`,
    );
  });

  it('shortens a long reason, then a long procedure name, to stay within 335 characters, keeping the link whole', () => {
    const longReason = 'Thiếu giấy tờ chứng minh chỗ ở hợp pháp theo quy định tại Điều 5 Nghị định 62/2021/NĐ-CP; '.repeat(6);
    const longName = 'Thủ tục '.repeat(40).trim();
    const sms = renderSms('refused', { ...base, reason: longReason }, { ...ctx, procedureName: longName });
    expect([...sms].length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(sms.endsWith(`Tra cứu: ${url}`)).toBe(true);
    expect(sms).toContain('Lý do: Thiếu giấy tờ');
    expect(sms).toContain('…');
    // Every template stays within the limit with long inputs.
    for (const t of NOTIFYING_ACTIONS) {
      const text = renderSms(
        t as TemplateName,
        { ...base, reason: longReason, apologyDueAt: base.dueAt, parentCode: base.code },
        { ...ctx, procedureName: longName },
      );
      expect([...text].length, t).toBeLessThanOrEqual(SMS_MAX_CHARS);
    }
  });

  it('cuts by characters, not UTF-16 units or bytes', () => {
    expect(truncate('Hồ sơ', 10)).toBe('Hồ sơ');
    expect(truncate('Nguyễn Thị Mai Anh', 7)).toBe('Nguyễn…');
  });
});

describe('email', () => {
  it('writes a letter with greeting, facts, link and the signature of the provincial People’s Committee', () => {
    expect(renderEmail('received', base, ctx)).toEqual({
      subject: 'Hồ sơ 30307-260213-0001 đã được tiếp nhận',
      text: [
        'Kính gửi ông/bà Nguyễn Thị Mai Anh,',
        '',
        'Hồ sơ 30307-260213-0001 (Đăng ký tạm trú) đã được tiếp nhận. Ngày hẹn trả kết quả: 25/02/2026.',
        '',
        'Mã hồ sơ: 30307-260213-0001',
        'Thủ tục: Đăng ký tạm trú',
        'Ngày hẹn trả kết quả: 25/02/2026',
        `Tra cứu tình trạng hồ sơ: ${url}`,
        '',
        'Trân trọng,',
        'UBND tỉnh An Giang',
        'Hệ thống thông tin giải quyết thủ tục hành chính',
        '',
        'Đây là thư gửi tự động, vui lòng không trả lời thư này.',
        '',
      ].join('\n'),
    });
  });

  it('leaves out the due date line before receipt and greets without a name when none is known', () => {
    const e = renderEmail('submitted', { ...base, dueAt: null, applicantName: null }, ctx);
    expect(e.subject).toBe('Hồ sơ 30307-260213-0001 đã được gửi trực tuyến');
    expect(
      e.text.startsWith(
        'Kính gửi ông/bà,\n\nHồ sơ 30307-260213-0001 (Đăng ký tạm trú) đã được gửi trực tuyến và đang chờ Bộ phận Một cửa tiếp nhận.\n',
      ),
    ).toBe(true);
    expect(e.text).not.toContain('Ngày hẹn');
  });
});

describe('Zalo ZNS parameters', () => {
  it('sends only the parameters the event has', () => {
    expect(renderZalo('received', base, ctx)).toEqual({
      ma_ho_so: '30307-260213-0001',
      ten_thu_tuc: 'Đăng ký tạm trú',
      ngay_hen: '25/02/2026',
      duong_dan: url,
    });
    expect(renderZalo('payment_requested', { ...base, dueAt: null }, ctx)).toEqual({
      ma_ho_so: '30307-260213-0001',
      ten_thu_tuc: 'Đăng ký tạm trú',
      le_phi: '15.000 đồng',
      duong_dan: url,
    });
  });

  it('keeps each parameter within 100 characters', () => {
    const data = renderZalo('refused', { ...base, reason: 'x'.repeat(300) }, { ...ctx, procedureName: 'y'.repeat(300) });
    for (const v of Object.values(data)) expect([...v].length).toBeLessThanOrEqual(100);
  });
});

/** The outreach SMS: one per status but match, masked number, no ID, what/where/when/lock, ≤300 chars. */
import { describe, expect, it } from 'vitest';
import { OUTREACH_MAX_CHARS, outreachText } from './reconcile.outreach.ts';
import { RECONCILE_STATUSES, type Classification, type ReconcileStatus, type SubscriberRow } from './reconcile.types.ts';

const sub = (over: Partial<SubscriberRow> = {}): SubscriberRow => ({
  msisdn: '0961234567',
  carrier: 'Viettel',
  idType: 'cccd',
  idNumber: '089090001234',
  fullName: 'Nguyễn Văn Hòa',
  dateOfBirth: '1990-05-14',
  registeredAt: '2019-03-01',
  ...over,
});
const c = (status: ReconcileStatus): Classification => ({ status, detail: 'Họ khác', communeCode: '30280' });
const opts = { deadline: '2026-06-30', provinceName: 'An Giang' };

const WHERE = 'Kiểm tra: soạn TTTB [số CCCD] gửi 1414. Thực hiện qua VNeID, My Viettel hoặc tại điểm giao dịch Viettel, công an xã, bộ phận một cửa trước 30/06/2026, quá hạn thuê bao sẽ bị tạm khóa.';

describe('outreachText', () => {
  it('has one text per status, exact', () => {
    const texts = Object.fromEntries(RECONCILE_STATUSES.filter((s) => s !== 'match').map((s) => [s, outreachText(sub(), c(s), opts)]));
    expect(texts).toEqual({
      invalid_id: `[An Giang] Thuê bao ***567: giấy tờ đăng ký không hợp lệ. Vui lòng xác thực lại bằng CCCD. ${WHERE}`,
      invalid_dob: `[An Giang] Thuê bao ***567: ngày sinh đăng ký không hợp lệ. Vui lòng cập nhật ngày sinh đúng theo CCCD. ${WHERE}`,
      old_id: `[An Giang] Thuê bao ***567: còn đăng ký bằng CMND 9 số. Vui lòng xác thực lại bằng CCCD. ${WHERE}`,
      id_not_found: `[An Giang] Thuê bao ***567: số giấy tờ đăng ký không có trong CSDL dân cư. Vui lòng xác thực lại bằng CCCD. ${WHERE}`,
      deceased:
        '[An Giang] Thuê bao ***567: thông tin chủ thuê bao không còn hợp lệ. Người đang dùng số vui lòng đăng ký lại bằng CCCD của mình. ' +
        'Kiểm tra: soạn TTTB [số CCCD] gửi 1414. Thực hiện qua VNeID, My Viettel hoặc tại điểm giao dịch Viettel trước 30/06/2026, quá hạn thuê bao sẽ bị tạm khóa.',
      name_dob_mismatch: `[An Giang] Thuê bao ***567: họ tên và ngày sinh đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật đúng theo CCCD. ${WHERE}`,
      name_mismatch: `[An Giang] Thuê bao ***567: họ tên đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật họ tên đúng theo CCCD. ${WHERE}`,
      dob_mismatch: `[An Giang] Thuê bao ***567: ngày sinh đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật ngày sinh đúng theo CCCD. ${WHERE}`,
    });
    for (const t of Object.values(texts)) {
      expect(t.length).toBeLessThanOrEqual(OUTREACH_MAX_CHARS);
      expect(t).not.toContain('0961234567');
      expect(t).not.toContain('089090001234');
      expect(t).not.toContain('001234');
      expect(t).not.toContain('Nguyễn');
      expect(t).not.toContain('Họ khác'); // the detail is for the coordinator, not the SMS
      expect(t).not.toContain('đã mất');
    }
  });

  it('names the carrier’s app by carrier', () => {
    expect(outreachText(sub({ carrier: 'VinaPhone' }), c('old_id'), opts)).toContain('qua VNeID, My VNPT hoặc tại điểm giao dịch VinaPhone');
    expect(outreachText(sub({ carrier: 'vnpt' }), c('old_id'), opts)).toContain('qua VNeID, My VNPT hoặc tại điểm giao dịch VinaPhone');
    expect(outreachText(sub({ carrier: 'MobiFone' }), c('old_id'), opts)).toContain('qua VNeID, My MobiFone hoặc tại điểm giao dịch MobiFone');
    expect(outreachText(sub({ carrier: 'Vietnamobile' }), c('old_id'), opts)).toContain(
      'qua VNeID, ứng dụng của Vietnamobile hoặc tại điểm giao dịch Vietnamobile',
    );
  });

  it('does not ask a passport holder for a CCCD', () => {
    expect(outreachText(sub({ idType: 'passport', idNumber: 'B1234567', carrier: 'MobiFone' }), c('invalid_id'), opts)).toBe(
      '[An Giang] Thuê bao ***567: giấy tờ đăng ký cần được cập nhật. Vui lòng mang giấy tờ tùy thân hợp lệ. ' +
        'Thực hiện tại điểm giao dịch MobiFone, công an xã, bộ phận một cửa trước 30/06/2026, quá hạn thuê bao sẽ bị tạm khóa.',
    );
  });

  it('stays within 300 characters with long names, dropping places then the province label', () => {
    const long = { deadline: '2026-06-30', provinceName: 'Thành phố Hồ Chí Minh' };
    const t = outreachText(sub(), c('dob_mismatch'), long);
    expect(t).toBe(
      '[Thành phố Hồ Chí Minh] Thuê bao ***567: ngày sinh đăng ký chưa khớp CSDL dân cư. Vui lòng cập nhật ngày sinh đúng theo CCCD. ' +
        'Kiểm tra: soạn TTTB [số CCCD] gửi 1414. Thực hiện qua VNeID, My Viettel hoặc tại điểm giao dịch Viettel trước 30/06/2026, quá hạn thuê bao sẽ bị tạm khóa.',
    );
    const huge = outreachText(sub({ carrier: 'Nhà mạng có tên rất dài '.repeat(3) }), c('name_dob_mismatch'), { ...long, provinceName: 'X'.repeat(80) });
    expect(huge.length).toBeLessThanOrEqual(OUTREACH_MAX_CHARS);
    expect(huge.startsWith('Thuê bao ***567: ')).toBe(true);
    for (const s of RECONCILE_STATUSES.filter((x) => x !== 'match')) {
      expect(outreachText(sub({ carrier: 'Vietnamobile' }), c(s), long).length).toBeLessThanOrEqual(OUTREACH_MAX_CHARS);
    }
  });

  it('masks any msisdn form and refuses match', () => {
    expect(outreachText(sub({ msisdn: '+84 96 123 4567' }), c('old_id'), opts)).toContain('Thuê bao ***567:');
    expect(() => outreachText(sub(), c('match'), opts)).toThrow('không có tin nhắn cần gửi');
  });
});

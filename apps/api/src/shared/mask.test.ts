import { describe, expect, it } from 'vitest';
import { maskDeep, maskText, maskValue } from './mask.ts';

describe('personal data masking for logs', () => {
  it('masks CCCD, CMND and phone numbers inside free text', () => {
    expect(maskText('CCCD 089095012345, CMND 351234567, ĐT 0912345678')).toBe('CCCD ***345, CMND ***567, ĐT ***678');
    expect(maskText('/api/v1/registry?cccd=089095012345')).toBe('/api/v1/registry?cccd=***345');
  });

  it('leaves short numbers and dates alone', () => {
    expect(maskText('mã 30307, ngày 2026-02-13, 3 ngày')).toBe('mã 30307, ngày 2026-02-13, 3 ngày');
  });

  it('masks known personal fields whole, names to initials', () => {
    expect(maskValue('Nguyễn Thị Mỹ Hạnh')).toBe('N. T. M. H.');
    expect(maskDeep({ fullName: 'Trần Văn Phước', phone: '0912345678', unit: '30307', nested: { cccd: '089095012345' } })).toEqual({
      fullName: 'T. V. P.',
      phone: '***678',
      unit: '30307',
      nested: { cccd: '***345' },
    });
  });
});

describe('masking keeps log plumbing intact', () => {
  it('does not mask hex request ids and leaves class instances for the serializers', () => {
    expect(maskText('id 586fa308-4280-4d3e-8e07-536254856edc')).toBe('id 586fa308-4280-4d3e-8e07-536254856edc');
    class Req {
      get url() {
        return '/x';
      }
    }
    const r = new Req();
    expect((maskDeep({ req: r }) as { req: unknown }).req).toBe(r);
  });
});

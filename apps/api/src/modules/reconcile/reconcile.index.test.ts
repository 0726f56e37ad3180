import { describe, expect, it } from 'vitest';
import { Float64IntMap, RegistryIndex, Uint32IntMap, idKey12, idKey9 } from './reconcile.index.ts';

describe('typed-array hash maps', () => {
  it('Float64IntMap keeps every key through growth', () => {
    const m = new Float64IntMap(4);
    for (let i = 0; i < 10_000; i++) expect(m.setIfAbsent(89_000_000_000 + i * 7919, i)).toBe(-1);
    expect(m.size).toBe(10_000);
    expect(m.setIfAbsent(89_000_000_000, 5)).toBe(0);
    for (let i = 0; i < 10_000; i++) expect(m.get(89_000_000_000 + i * 7919)).toBe(i);
    expect(m.get(1)).toBe(-1);
    expect(m.capacity).toBe(16384);
  });

  it('Float64IntMap.add counts', () => {
    const m = new Float64IntMap();
    m.add(5e13, 1);
    m.add(5e13, 1);
    expect(m.add(5e13, 1)).toBe(3);
    expect([...m.entries()]).toEqual([[5e13, 3]]);
  });

  it('Uint32IntMap keeps every 9-digit key through growth', () => {
    const m = new Uint32IntMap(2);
    for (let i = 0; i < 5000; i++) m.setIfAbsent(999_999_999 - i, i);
    for (let i = 0; i < 5000; i++) expect(m.get(999_999_999 - i)).toBe(i);
    expect(m.get(0)).toBe(-1);
  });

  it('idKey12 and idKey9 take exactly 12 / 9 ASCII digits', () => {
    expect(idKey12('001234567890')).toBe(1234567890);
    expect(idKey12('00123456789')).toBe(-1);
    expect(idKey12('00123456789a')).toBe(-1);
    expect(idKey9('012345678')).toBe(12345678);
    expect(idKey9('12345678')).toBe(-1);
  });
});

describe('RegistryIndex', () => {
  const person = (id: string, old = '', commune = '30001') => ({
    idNumber: id,
    oldIdNumber: old,
    nameHashes: [1, 2, 3] as const,
    dobDays: 7000,
    deceased: false,
    communeCode: commune,
  });

  it('looks people up by ID and by old CMND, growing past its initial size', () => {
    const ix = new RegistryIndex(2);
    for (let i = 0; i < 3000; i++) {
      const r = ix.add(person('089' + String(i).padStart(9, '0'), i % 2 ? '35' + String(i).padStart(7, '0') : '', String(30000 + (i % 5))));
      expect(r).toEqual({ ok: true, row: i, oldIdDuplicate: false });
    }
    expect(ix.size).toBe(3000);
    const row = ix.findById('089000002999');
    expect(row).toBe(2999);
    expect(ix.view(row)).toEqual({ nameHashes: [1, 2, 3], dobDays: 7000, deceased: false, communeCode: '30004' });
    expect(ix.findByOldId('350002999')).toBe(2999);
    expect(ix.findByOldId('350002998')).toBe(-1);
    expect(ix.findById('089000009999')).toBe(-1);
    expect(ix.maskedId(2999)).toBe('*********999');
  });

  it('refuses a duplicate ID (the later row) and flags a duplicate old CMND', () => {
    const ix = new RegistryIndex();
    expect(ix.add(person('089123456789', '351234567'))).toEqual({ ok: true, row: 0, oldIdDuplicate: false });
    expect(ix.add(person('089123456789'))).toEqual({
      ok: false,
      reason: 'Số định danh trùng với một dòng trước trong sổ dân cư; dòng này không được dùng',
    });
    expect(ix.add(person('089123456788', '351234567'))).toEqual({ ok: true, row: 1, oldIdDuplicate: true });
    expect(ix.findByOldId('351234567')).toBe(0);
    expect(ix.add(person('08912345678'))).toEqual({ ok: false, reason: 'Số định danh không phải 12 chữ số' });
    expect(ix.add(person('089123456700', '12345'))).toEqual({ ok: false, reason: 'Số CMND cũ không phải 9 chữ số' });
  });

  it('stays within 21 B per row plus the hash tables', () => {
    const ix = new RegistryIndex(1_000_000);
    // columns 21 B × 1 M + ID table 2^21 × 12 B + CMND table 2^19 × 8 B
    expect(ix.bytes).toBe(21 * 1_000_000 + 2 ** 21 * 12 + 2 ** 19 * 8);
  });
});

/** The desk record's checks without a database: one message per wrong field, ported numbers, CMND. */
import { describe, expect, it } from 'vitest';
import type { DeskRecordInput } from '@motcua/contracts';
import { checkRecordInput } from './desk.rules.ts';

const input = (over: Partial<DeskRecordInput> = {}): DeskRecordInput => ({
  phone: '0961234567',
  carrier: 'Viettel',
  idNumber: '089190000333',
  placeKind: 'one_stop_desk',
  result: 'success',
  idempotencyKey: 'rules-test-0001',
  ...over,
});

describe('checkRecordInput', () => {
  it('normalises a valid record', () => {
    expect(checkRecordInput(input({ phone: '+84 96 123 4567', idNumber: '089 190 000 333', failureReason: 'ignored' }))).toEqual({
      ok: true,
      value: { phone: '0961234567', detectedCarrier: 'Viettel', carrier: 'Viettel', carrierOverride: false, idKind: 'cccd', idNumber: '089190000333', failureReason: null },
    });
  });

  it('takes a 9-digit number as an old CMND', () => {
    const r = checkRecordInput(input({ idNumber: '351.234.567' }));
    expect(r.ok && [r.value.idKind, r.value.idNumber]).toEqual(['cmnd', '351234567']);
  });

  it('needs the override for a carrier other than the prefix’s, and then records it', () => {
    expect(checkRecordInput(input({ phone: '0901234567' }))).toMatchObject({ ok: false, issues: [{ field: 'carrier' }] });
    const r = checkRecordInput(input({ phone: '0901234567', carrierOverride: true }));
    expect(r.ok && [r.value.detectedCarrier, r.value.carrier, r.value.carrierOverride]).toEqual(['MobiFone', 'Viettel', true]);
    // The tick means nothing when the carriers agree.
    const same = checkRecordInput(input({ carrierOverride: true }));
    expect(same.ok && same.value.carrierOverride).toBe(false);
  });

  it('refuses a CCCD born in the future and a failure without reason', () => {
    expect(checkRecordInput(input({ idNumber: '089299000333', result: 'failed', failureReason: '  ' }))).toEqual({
      ok: false,
      issues: [
        { field: 'idNumber', message: 'Chữ số thứ 4 đến thứ 6 của số CCCD cho năm sinh 2099, là năm chưa tới. Kiểm tra lại số CCCD' },
        { field: 'failureReason', message: 'Nhập lý do không thành công' },
      ],
    });
  });
});

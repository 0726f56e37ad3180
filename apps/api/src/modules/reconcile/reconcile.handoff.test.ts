import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC } from '../campaigns/campaigns.fixtures.ts';
import { runReconcile } from './reconcile.cli.ts';

let sys: TestSystem;
let dir: string;
let campaignId: number;
let reg: string;
let sub: string;

beforeAll(async () => {
  sys = await createTestSystem();
  campaignId = await createTestCampaign(sys.database.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reconcile-handoff-'));
  reg = path.join(dir, 'reg.csv');
  sub = path.join(dir, 'sub.csv');
  fs.writeFileSync(
    reg,
    'id_number,old_id_number,full_name,date_of_birth,sex,commune_code,status\n' +
      `089190123456,,Nguyễn Thị Hòa,1990-05-17,female,${LONG_XUYEN},alive\n` +
      `089080123458,,Lê Văn Bình,1980-01-01,male,${LONG_XUYEN},alive\n` +
      `089080123459,,Trần Văn An,1980-01-01,male,${MY_HOA_HUNG},alive\n` +
      `089080123460,,Phạm Văn Cường,1980-01-01,male,${PHU_QUOC},alive\n` +
      `089080123461,,Võ Văn Dũng,1980-01-01,male,99999,alive\n`,
  );
  fs.writeFileSync(
    sub,
    'msisdn,carrier,id_type,id_number,full_name,date_of_birth,registered_at\n' +
      '0912345601,VinaPhone,cccd,089190123456,Nguyễn Thị Hòa,1990-05-17,2020-01-01\n' +
      '0912345602,VinaPhone,cccd,089080123458,Lê Văn Bính,1980-01-01,2020-01-01\n' +
      '0912345603,VinaPhone,cccd,089080123458,Lê Văn Bình,1981-01-01,2020-01-01\n' +
      '0912345604,VinaPhone,cccd,089080123459,Trần Văn An,1980-01-01,2020-01-01\n' +
      '0912345605,VinaPhone,cccd,089080123460,Phạm Văn Cường,1980-02-02,2020-01-01\n' +
      '0912345606,VinaPhone,passport,B1234567,John Smith,1980-02-02,2020-01-01\n' +
      '0912345607,VinaPhone,cccd,089080999999,Đỗ Văn Em,1980-02-02,2020-01-01\n' +
      '0912345608,VinaPhone,cccd,089080123461,Võ Văn Dung,1980-01-01,2020-01-01\n',
  );
}, 60_000);
afterAll(async () => {
  await sys?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const io = () => {
  const err: string[] = [];
  const out: string[] = [];
  return { err, out, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s), isTTY: false } } };
};

async function baselines() {
  return sys.database.db
    .selectFrom('campaign_baselines as b')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .select(['u.code', 'b.value', 'b.source'])
    .where('b.campaign_id', '=', campaignId)
    .where('b.metric_code', '=', 'to_verify')
    .orderBy('u.code')
    .execute();
}

describe('motcua reconcile --campaign (issue 6 §5)', () => {
  it('sets the to_verify baseline of each commune to its non-match count', async () => {
    const t = io();
    const code = await runReconcile({ subscribers: sub, registry: reg, out: path.join(dir, 'out'), deadline: '2026-12-31', campaign: 'TEST-TTTB' }, t.io, sys.database.db);
    expect(t.err.join('')).toBe('');
    expect(code).toBe(0);
    const rows = await baselines();
    expect(rows.map((r) => [r.code, Number(r.value)])).toEqual([
      [LONG_XUYEN, 2], // name_mismatch + dob_mismatch (the match is not counted)
      [MY_HOA_HUNG, 0], // was 400 in the fixture: replaced, everyone matched
      [PHU_QUOC, 1],
    ]);
    expect(rows.every((r) => r.source.startsWith('reconcile:cli:'))).toBe(true);
    const text = t.out.join('');
    expect(text).toContain('Chiến dịch TEST-TTTB: đặt số thuê bao phải xác thực (to_verify) cho 3 xã/phường, tổng 3.');
    expect(text).toContain('Không xác định được xã (không có trong CSDL dân cư): 2 thuê bao');
    expect(text).toContain('Bỏ qua 1 mã xã ngoài địa bàn chiến dịch hoặc không có trong danh mục: 99999.');
    expect(text).toContain('Tin nhắn chưa được xếp hàng gửi');
  });

  it('refuses a campaign of another kind or without to_verify before running, with a clear message', async () => {
    await createTestCampaign(sys.database.db, { code: 'TEST-VNEID', kind: 'vneid_activation' });
    const t = io();
    expect(await runReconcile({ subscribers: sub, registry: reg, out: path.join(dir, 'out2'), campaign: 'TEST-VNEID' }, t.io, sys.database.db)).toBe(2);
    expect(t.err.join('')).toBe('Lỗi: Chiến dịch TEST-VNEID không phải chiến dịch xác thực thuê bao (subscriber_verification).\n');
    expect(fs.existsSync(path.join(dir, 'out2'))).toBe(false);
    const t2 = io();
    expect(await runReconcile({ subscribers: sub, registry: reg, out: path.join(dir, 'out3'), campaign: 'NOPE' }, t2.io, sys.database.db)).toBe(2);
    expect(t2.err.join('')).toMatch(/^Lỗi: .*NOPE/);
  });
});

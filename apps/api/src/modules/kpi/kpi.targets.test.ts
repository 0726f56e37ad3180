/** Targets: the shipped seed targets, the all-or-nothing import (CLI and upload), and who may set what. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { toXlsx } from '../../shared/tabular.ts';
import { importTargetsFile, loadShippedTargets, parseTarget } from './kpi.targets.ts';

let sys: TestSystem;
let tmp: string;
beforeAll(async () => {
  sys = await createTestSystem();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-targets-'));
});
afterAll(async () => {
  await sys?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const targetsOf = async (year: number) => {
  const admin = await staffSession(sys, '91', ['admin']);
  return (await sys.app.inject({ method: 'GET', url: `/api/v1/kpi/targets?year=${year}`, headers: admin.headers })).json()
    .items as {
    scope: string;
    unit_code: string | null;
    level: string | null;
    indicator: string;
    target: number;
  }[];
};
const brief = (xs: Awaited<ReturnType<typeof targetsOf>>) =>
  xs.map((x) => `${x.unit_code ?? x.level} ${x.indicator} ${x.target}`).sort();

describe('shipped targets', () => {
  it('seed 004 for An Giang 2024–2025: departments 70% then 85%, localities 50% then 70%', async () => {
    expect(brief(await targetsOf(2024))).toEqual(['department online_rate 0.7', 'locality online_rate 0.5']);
    expect(brief(await targetsOf(2025))).toEqual(['department online_rate 0.85', 'locality online_rate 0.7']);
  });

  it('seed 003 per level as the 2023 example', async () => {
    expect(brief(await targetsOf(2023))).toEqual([
      'commune payment_online_rate 0.3',
      'commune_phuong online_rate 0.55',
      'commune_thi_tran online_rate 0.45',
      'commune_xa online_rate 0.25',
      'district online_rate 0.6',
      'district payment_online_rate 0.35',
      'locality digitized_rate 0.9',
      'locality result_digitized_rate 0.9',
      'province digitized_rate 0.9',
      'province online_rate 0.7',
      'province payment_online_rate 0.4',
      'province result_digitized_rate 0.9',
    ]);
  });

  it('loads only once', async () => {
    expect(await loadShippedTargets(sys.database.db)).toBe(0);
  });

  it('a 2025 report shows a commune its locality target and the gap', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    const row = (
      await sys.app.inject({ method: 'GET', url: '/api/v1/kpi?from=2025-09-01&to=2025-09-30&unit=30313', headers: admin.headers })
    ).json().rows[0];
    expect(row.targets).toEqual({ online_rate: { target: 0.7, gap: null } });
  });
});

describe('motcua import targets', () => {
  it('reads 0.7, 0,7 and 70% alike and refuses what is not a rate', () => {
    expect([parseTarget('0.7'), parseTarget('0,7'), parseTarget('70%'), parseTarget('62.5%'), parseTarget('1')]).toEqual([
      0.7, 0.7, 0.7, 0.625, 1,
    ]);
    expect([parseTarget('120%'), parseTarget('1.2'), parseTarget('-0.1'), parseTarget('abc'), parseTarget('0.12345')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('rejects the whole file when one row is bad, naming the line and the reason', async () => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(
      file,
      '\uFEFFyear,scope,unit_code,level,indicator,target\n' +
        '2026,level,,commune,online_rate,60%\n' +
        '2026,unit,30307,,on_time_rate,0.95\n' +
        '2026,level,,hamlet,online_rate,140%\n' +
        '2026,unit,30313,,satisfaction_rate,0.9\n',
    );
    const report = await importTargetsFile(sys.database.db, file);
    expect(report).toEqual({
      accepted: 0,
      rejected: [
        {
          line: 4,
          reason:
            'chỉ tiêu "140%" phải là tỷ lệ 0–1 (tối đa 4 chữ số thập phân) hoặc phần trăm như 70%; level "hamlet" không hợp lệ (province|district|commune|commune_xa|commune_phuong|commune_thi_tran|commune_dac_khu|department|locality)',
        },
      ],
    });
    expect(brief(await targetsOf(2026))).toEqual([]);
  });

  it('names unknown units, unknown indicators, duplicates and missing columns', async () => {
    const file = path.join(tmp, 'worse.csv');
    fs.writeFileSync(
      file,
      'year,scope,unit_code,level,indicator,target\n' +
        '2026,unit,99999,,online_rate,0.5\n' +
        '2026,level,,commune,speed,0.5\n' +
        '2026,level,,commune,online_rate,0.5\n' +
        '2026,level,,commune,online_rate,0.6\n' +
        '26,level,30307,commune,online_rate,0.6\n',
    );
    const r = await importTargetsFile(sys.database.db, file);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'không có đơn vị mã 99999 trong năm 2026' },
      {
        line: 3,
        reason:
          'chỉ số "speed" không có (online_rate|on_time_rate|digitized_rate|result_digitized_rate|reuse_rate|payment_online_rate|satisfaction_rate)',
      },
      { line: 5, reason: 'trùng chỉ tiêu đã có ở dòng 4' },
      { line: 6, reason: 'năm "26" không hợp lệ (2000–2100); scope level không ghi unit_code' },
    ]);
    fs.writeFileSync(file, 'year,scope,unit,indicator,target\n2026,unit,30307,online_rate,0.5\n');
    expect((await importTargetsFile(sys.database.db, file)).rejected).toEqual([
      { line: 1, reason: 'thiếu cột: unit_code, level' },
    ]);
  });

  it('imports an XLSX file and replaces a target on re-import', async () => {
    const file = path.join(tmp, 'good.xlsx');
    const header = ['year', 'scope', 'unit_code', 'level', 'indicator', 'target', 'source'];
    fs.writeFileSync(file, await toXlsx('Chỉ tiêu', header, [[2027, 'unit', '30307', '', 'online_rate', '0.6', 'QĐ thử']]));
    expect(await importTargetsFile(sys.database.db, file)).toEqual({ accepted: 1, rejected: [] });
    fs.writeFileSync(file, await toXlsx('Chỉ tiêu', header, [[2027, 'unit', '30307', '', 'online_rate', '65%', 'QĐ sửa']]));
    expect(await importTargetsFile(sys.database.db, file)).toEqual({ accepted: 1, rejected: [] });
    expect(brief(await targetsOf(2027))).toEqual(['30307 online_rate 0.65']);
  });
});

describe('POST /api/v1/kpi/targets/import', () => {
  const upload = (body: string, headers?: Record<string, string>) =>
    sys.app.inject({
      method: 'POST',
      url: '/api/v1/kpi/targets/import',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: body,
    });
  const HEADER = 'year,scope,unit_code,level,indicator,target\n';

  it('a commune monitor sets their commune’s targets, not another commune’s nor a level’s', async () => {
    const monitor = await staffSession(sys, '30307', ['monitor']);
    expect((await upload(`${HEADER}2028,unit,30307,,reuse_rate,0.4\n`, monitor.headers)).json()).toEqual({
      accepted: 1,
      rejected: [],
    });
    const res = await upload(`${HEADER}2028,unit,30313,,reuse_rate,0.4\n2028,level,,commune,reuse_rate,0.4\n`, monitor.headers);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([
      { line: 2, reason: 'không có quyền đặt chỉ tiêu cho 30313' },
      { line: 3, reason: 'không có quyền đặt chỉ tiêu cho cấp commune' },
    ]);
    expect(brief(await targetsOf(2028))).toEqual(['30307 reuse_rate 0.4']);
  });

  it('the province admin sets level targets; other roles and anonymous callers are refused', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    expect((await upload(`${HEADER}2028,level,,commune,reuse_rate,0.35\n`, admin.headers)).statusCode).toBe(200);
    expect((await upload(`${HEADER}2028,level,,commune,reuse_rate,0.3\n`)).statusCode).toBe(401);
    const approver = await staffSession(sys, '91', ['approver']);
    expect((await upload(`${HEADER}2028,level,,commune,reuse_rate,0.3\n`, approver.headers)).statusCode).toBe(403);
    expect(brief(await targetsOf(2028))).toEqual(['30307 reuse_rate 0.4', 'commune reuse_rate 0.35']);
  });
});

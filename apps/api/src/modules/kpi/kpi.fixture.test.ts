/**
 * A hand-computed fixture: 30 dossiers in two communes of An Giang (30307 Phường Long Xuyên, 30313
 * Xã Mỹ Hòa Hưng), its Sở Tư pháp (91.STP) and a ward of Hà Nội (outside the province), fed through
 * applyDossierChange as the dossiers module does (creations, then later changes), and the exact rows
 * of GET /api/v1/kpi and `motcua kpi` for March 2026. Every expected number is written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { kpiCommandReport } from '../../cli/kpi.ts';
import { getUnit } from '../units/units.service.ts';
import type { DossierFacts } from './kpi.facts.ts';
import { fixtureDossiers, type FixtureUnits } from './kpi.fixture.dossiers.ts';
import { applyDossierChange, rebuildAggregates } from './kpi.service.ts';
import { importTargetsFile } from './kpi.targets.ts';

let sys: TestSystem;
const ids: FixtureUnits = { A: 0, B: 0, C: 0, X: 0 };
let final: Record<string, DossierFacts>;
let tmp: string;
beforeAll(async () => {
  sys = await createTestSystem();
  const db = sys.database.db;
  ids.A = (await getUnit(db, '30307')).id;
  ids.B = (await getUnit(db, '30313')).id;
  ids.C = (await getUnit(db, '91.STP')).id;
  ids.X = (await getUnit(db, '00070')).id;
  const fx = fixtureDossiers(ids);
  final = fx.final;
  // Each change in its own transaction, as the dossiers module calls it.
  for (const [before, after] of fx.steps) await db.transaction().execute((trx) => applyDossierChange(trx, before, after));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-kpi-'));
  const targets = path.join(tmp, 'targets.csv');
  fs.writeFileSync(
    targets,
    'year,scope,unit_code,level,indicator,target\n' +
      '2026,unit,30307,,online_rate,50%\n' + // 30307's own target beats the phường one below
      '2026,level,,commune_phuong,online_rate,55%\n' +
      '2026,level,,commune,online_rate,0.45\n' + // 30313 is a xã: no commune_xa target, so commune
      '2026,level,,locality,digitized_rate,90%\n' + // both communes
      '2026,level,,department,online_rate,85%\n' + // 91.STP
      '2026,level,,province,on_time_rate,0.95\n', // 91.STP (department → province) and the province
  );
  expect(await importTargetsFile(db, targets)).toEqual({ accepted: 6, rejected: [] });
});
afterAll(async () => {
  await sys?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const NOT_STATUS =
  'Chưa tính được: hệ thống chưa ghi thời điểm công khai/đồng bộ trạng thái hồ sơ lên Cổng Dịch vụ công quốc gia.';
const NOT_FULL = 'Chưa tính được: danh mục chưa ghi thủ tục nào "đủ điều kiện" cung cấp trực tuyến toàn trình (mẫu số).';
type P = [rate: number, points: number];
/** The points object from hand-computed [rate, points] pairs and hand-summed groups and total. */
function points(
  p: { published: P; onTime: P; dig: P; res: P; reuse: P; online: P; pay: P; sat: P },
  groups: { publicity: number; progress: number; digitization: number; online: number; satisfaction: number },
  total: number,
) {
  const item = (name: string, group: string, [rate, pts]: P, max: number, threshold: number) => ({
    name,
    group,
    rate,
    max,
    threshold,
    points: pts,
    note: null,
  });
  // Names, groups, maxima and thresholds: the DESIGN §4.2 model seeded by the migration.
  return {
    total,
    max: 82, // 100 minus status publication (12) and full-process procedures (6), not computable
    groups: {
      publicity: { name: 'Công khai, minh bạch', points: groups.publicity, max: 18 },
      progress: { name: 'Tiến độ, kết quả giải quyết', points: groups.progress, max: 20 },
      digitization: { name: 'Số hóa hồ sơ', points: groups.digitization, max: 22 },
      online: { name: 'Cung cấp dịch vụ trực tuyến', points: groups.online, max: 22 },
      satisfaction: { name: 'Mức độ hài lòng', points: groups.satisfaction, max: 18 },
    },
    indicators: {
      procedures_published: item('Thủ tục công khai đầy đủ thông tin ÷ thủ tục', 'publicity', p.published, 6, 1),
      status_published: {
        name: 'Hồ sơ công khai trạng thái trong 1 ngày làm việc ÷ hồ sơ',
        group: 'publicity',
        rate: null,
        max: 12,
        threshold: 1,
        points: null,
        note: NOT_STATUS,
      },
      on_time_rate: item('Tỷ lệ giải quyết đúng hạn', 'progress', p.onTime, 20, 1),
      digitized_rate: item('Tỷ lệ số hóa hồ sơ', 'digitization', p.dig, 8, 0.8),
      result_digitized_rate: item('Tỷ lệ số hóa kết quả', 'digitization', p.res, 8, 0.8),
      reuse_rate: item('Tỷ lệ tái sử dụng dữ liệu số hóa', 'digitization', p.reuse, 6, 0.8),
      full_process_procedures: {
        name: 'Thủ tục cung cấp trực tuyến toàn trình ÷ thủ tục đủ điều kiện',
        group: 'online',
        rate: null,
        max: 6,
        threshold: 0.8,
        points: null,
        note: NOT_FULL,
      },
      online_rate: item('Tỷ lệ hồ sơ trực tuyến', 'online', p.online, 8, 0.5),
      payment_online_rate: item('Tỷ lệ thanh toán trực tuyến', 'online', p.pay, 8, 0.8),
      satisfaction_rate: item('Tỷ lệ hài lòng', 'satisfaction', p.sat, 18, 0.9),
    },
  };
}

// Procedures published complete (catalog.test.ts pins the starter catalogue): commune 8/18 =
// 0.4444 → 0.4444 × 6 = 2.67 points; provincial (an agency) 2/8 = 0.25 → 1.5; all 11/28 = 0.3929 → 2.36.
const ROW_A = {
  unit_code: '30307',
  unit_name: 'Phường Long Xuyên',
  received: 10,
  received_online: 4,
  online_rate: 0.4, // 4/10
  finished: 7,
  finished_on_time: 4,
  overdue_unfinished: 3,
  on_time_rate: 0.4, // 4/(7+3)
  digitized_rate: 0.3, // 3/10
  result_digitized_rate: 0.4286, // 3/7
  reuse_rate: 0.1, // 1/10
  payment_online_rate: 0.6667, // 2/3
  satisfaction_rate: 0.2857, // 2/7
  // on time 0.4×20 = 8; digitised 0.3×8/0.8 = 3; results 0.4286×10 = 4.29; reuse 0.1×7.5 = 0.75;
  // online 0.4×16 = 6.4; payment 0.6667×10 = 6.67; satisfaction 0.2857×20 = 5.71.
  points: points(
    {
      published: [0.4444, 2.67],
      onTime: [0.4, 8],
      dig: [0.3, 3],
      res: [0.4286, 4.29],
      reuse: [0.1, 0.75],
      online: [0.4, 6.4],
      pay: [0.6667, 6.67],
      sat: [0.2857, 5.71],
    },
    { publicity: 2.67, progress: 8, digitization: 8.04, online: 13.07, satisfaction: 5.71 },
    37.49,
  ),
  targets: { online_rate: { target: 0.5, gap: -0.1 }, digitized_rate: { target: 0.9, gap: -0.6 } },
};
const ROW_B = {
  unit_code: '30313',
  unit_name: 'Xã Mỹ Hòa Hưng',
  received: 6,
  received_online: 2,
  online_rate: 0.3333, // 2/6
  finished: 3,
  finished_on_time: 2,
  overdue_unfinished: 2,
  on_time_rate: 0.4, // 2/(3+2)
  digitized_rate: 0.1667, // 1/6
  result_digitized_rate: 0.3333, // 1/3
  reuse_rate: 0.1667, // 1/6
  payment_online_rate: 0.5, // 1/2
  satisfaction_rate: 0.6667, // 2/3
  // 8; 0.1667×10 = 1.67; 0.3333×10 = 3.33; 0.1667×7.5 = 1.25; 0.3333×16 = 5.33; 0.5×10 = 5; 0.6667×20 = 13.33.
  points: points(
    {
      published: [0.4444, 2.67],
      onTime: [0.4, 8],
      dig: [0.1667, 1.67],
      res: [0.3333, 3.33],
      reuse: [0.1667, 1.25],
      online: [0.3333, 5.33],
      pay: [0.5, 5],
      sat: [0.6667, 13.33],
    },
    { publicity: 2.67, progress: 8, digitization: 6.25, online: 10.33, satisfaction: 13.33 },
    40.58,
  ),
  targets: { online_rate: { target: 0.45, gap: -0.1167 }, digitized_rate: { target: 0.9, gap: -0.7333 } },
};
const ROW_C = {
  unit_code: '91.STP',
  unit_name: 'Sở Tư pháp tỉnh An Giang',
  received: 6,
  received_online: 3,
  online_rate: 0.5, // 3/6
  finished: 5,
  finished_on_time: 3,
  overdue_unfinished: 1,
  on_time_rate: 0.5, // 3/(5+1)
  digitized_rate: 0.1667, // 1/6
  result_digitized_rate: 0.2, // 1/5
  reuse_rate: 0.3333, // 2/6
  payment_online_rate: 0.6667, // 2/3
  satisfaction_rate: 0.6, // 3/5
  // 0.5×20 = 10; 1.67; 0.2×10 = 2; 0.3333×7.5 = 2.5; 0.5 ≥ 0.5 → 8; 6.67; 0.6×20 = 12.
  points: points(
    {
      published: [0.25, 1.5],
      onTime: [0.5, 10],
      dig: [0.1667, 1.67],
      res: [0.2, 2],
      reuse: [0.3333, 2.5],
      online: [0.5, 8],
      pay: [0.6667, 6.67],
      sat: [0.6, 12],
    },
    { publicity: 1.5, progress: 10, digitization: 6.17, online: 14.67, satisfaction: 12 },
    44.34,
  ),
  targets: { online_rate: { target: 0.85, gap: -0.35 }, on_time_rate: { target: 0.95, gap: -0.45 } },
};
const TOTAL_FIGURES = {
  received: 22, // 10 + 6 + 6
  received_online: 9, // 4 + 2 + 3
  online_rate: 0.4091, // 9/22
  finished: 15, // 7 + 3 + 5
  finished_on_time: 9, // 4 + 2 + 3
  overdue_unfinished: 6, // 3 + 2 + 1
  on_time_rate: 0.4286, // 9/(15+6)
  digitized_rate: 0.2273, // 5/22
  result_digitized_rate: 0.3333, // 5/15
  reuse_rate: 0.1818, // 4/22
  payment_online_rate: 0.625, // 5/8
  satisfaction_rate: 0.4667, // 7/15
  // 0.4286×20 = 8.57; 0.2273×10 = 2.27; 3.33; 0.1818×7.5 = 1.36; 0.4091×16 = 6.55; 0.625×10 = 6.25; 0.4667×20 = 9.33.
  points: points(
    {
      published: [0.3929, 2.36],
      onTime: [0.4286, 8.57],
      dig: [0.2273, 2.27],
      res: [0.3333, 3.33],
      reuse: [0.1818, 1.36],
      online: [0.4091, 6.55],
      pay: [0.625, 6.25],
      sat: [0.4667, 9.33],
    },
    { publicity: 2.36, progress: 8.57, digitization: 6.96, online: 12.8, satisfaction: 9.33 },
    40.02,
  ),
  targets: { on_time_rate: { target: 0.95, gap: -0.5214 } },
};
const TOTAL = { unit_code: 'total', unit_name: 'Tổng cộng — Tỉnh An Giang', ...TOTAL_FIGURES };
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('the hand-computed fixture, March 2026', () => {
  it('GET /api/v1/kpi: one row per handling unit of the province with figures, then the total', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const res = await sys.app.inject({
      method: 'GET',
      url: '/api/v1/kpi?from=2026-03-01&to=2026-03-31',
      headers: monitor.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...MARCH, rows: [ROW_A, ROW_B, ROW_C, TOTAL] });
  });

  it('motcua kpi gives the same rows for the province of the configuration', async () => {
    expect(await kpiCommandReport(sys.database.db, '91', MARCH)).toEqual({ ...MARCH, rows: [ROW_A, ROW_B, ROW_C, TOTAL] });
  });

  it('--unit gives one row for the subtree: the province, or one commune', async () => {
    const db = sys.database.db;
    expect(await kpiCommandReport(db, '91', { ...MARCH, unit: '91' })).toEqual({
      ...MARCH,
      rows: [{ unit_code: '91', unit_name: 'Tỉnh An Giang', ...TOTAL_FIGURES }],
    });
    expect(await kpiCommandReport(db, '91', { ...MARCH, unit: '30307' })).toEqual({ ...MARCH, rows: [ROW_A] });
    const approver = await staffSession(sys, '30307', ['approver']);
    const res = await sys.app.inject({
      method: 'GET',
      url: '/api/v1/kpi?from=2026-03-01&to=2026-03-31&unit=30307',
      headers: approver.headers,
    });
    expect(res.json()).toEqual({ ...MARCH, rows: [ROW_A] });
  });

  it('--level commune keeps the communes and the total (the agency counts only in the total)', async () => {
    expect(await kpiCommandReport(sys.database.db, '91', { ...MARCH, level: 'commune' })).toEqual({
      ...MARCH,
      rows: [ROW_A, ROW_B, TOTAL],
    });
  });

  it('the overdue stock is taken at the end of the period: 30307 on 1–15 March', async () => {
    const r = await kpiCommandReport(sys.database.db, '91', { from: '2026-03-01', to: '2026-03-15', unit: '30307' });
    // received A1 A2 A3 A4 A11 A13 A14; finished A1 A2 A3 A8, on time A1 A2; open and past due on
    // 15/3: only A7 (A4 due 16/3, A11 due 20/3).
    expect(r.rows[0]).toMatchObject({ received: 7, finished: 4, finished_on_time: 2, overdue_unfinished: 1, on_time_rate: 0.4 });
  });

  it('a period with no dossiers lists only the total, with null rates and no dossier points', async () => {
    const r = await kpiCommandReport(sys.database.db, '91', { from: '2025-08-01', to: '2025-08-31' });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      unit_code: 'total',
      received: 0,
      overdue_unfinished: 0,
      online_rate: null,
      on_time_rate: null,
      satisfaction_rate: null,
    });
    expect(r.rows[0]!.points).toMatchObject({ total: 2.36, max: 6 });
  });

  it('exports the same rows as CSV (with BOM) and XLSX', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const csv = await sys.app.inject({
      method: 'GET',
      url: '/api/v1/kpi?from=2026-03-01&to=2026-03-31&format=csv',
      headers: monitor.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Tiếp nhận,Tiếp nhận trực tuyến,')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]!.startsWith('30307,Phường Long Xuyên,10,4,7,4,3,0.4,0.4,0.3,0.4286,0.1,0.6667,0.2857,37.49,82,')).toBe(true);
    const xlsx = await sys.app.inject({
      method: 'GET',
      url: '/api/v1/kpi?from=2026-03-01&to=2026-03-31&format=xlsx',
      headers: monitor.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="chi-so-766-2026-03-01-2026-03-31.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a rebuild from the final facts agrees with the live aggregates', async () => {
    const report = await rebuildAggregates(sys.database.db, async function* () {
      const all = Object.values(final);
      yield all.slice(0, 10);
      yield all.slice(10);
    });
    expect(report).toEqual({ agreed: true, dossiers: 30, differingRows: 0, differences: [], replaced: true });
  });
});

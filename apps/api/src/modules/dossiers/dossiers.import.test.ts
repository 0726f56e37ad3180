/**
 * `motcua import dossiers FILE`: a good file, an idempotent re-import, an updated row with its kpi
 * facts, and bad files rejected whole with each line and reason. Unit codes are resolved at the date
 * of receipt: 30307 was Phường Mỹ Hòa before 1/7/2025 and is Phường Long Xuyên since.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOSSIER_IMPORT_COLUMNS } from '@motcua/contracts';
import type { DossierFacts } from '../kpi/kpi.facts.ts';
import type * as KpiService from '../kpi/kpi.service.ts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { toXlsx } from '../../shared/tabular.ts';
import { at, counterBody, dossierApi, LONG_XUYEN } from './dossiers.fixtures.ts';
import { importDossiersFile } from './dossiers.import.ts';
import { allDossierFacts } from './dossiers.service.ts';

const kpi = vi.hoisted(() => ({ calls: [] as [DossierFacts | null, DossierFacts | null][] }));
vi.mock('../kpi/kpi.service.ts', async (importOriginal) => {
  const original = await importOriginal<typeof KpiService>();
  return {
    ...original,
    applyDossierChange: vi.fn(async (...args: Parameters<typeof original.applyDossierChange>) => {
      kpi.calls.push([args[1], args[2]]);
      return original.applyDossierChange(...args);
    }),
  };
});

let sys: TestSystem;
let tmp: string;
beforeAll(async () => {
  sys = await createTestSystem();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-dossiers-'));
});
afterEach(() => {
  vi.useRealTimers();
  kpi.calls.length = 0;
});
afterAll(async () => {
  await sys?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const HEADER = DOSSIER_IMPORT_COLUMNS.join(',');
const OLD = 'H1-2024-0001,1.004194,30307,counter,2024-05-10T09:30:00+07:00,2024-05-15T17:00:00+07:00,2024-05-14T16:00:00+07:00,returned,0,15000,counter,true,true,false,satisfied,false';
const OPEN = 'H1-2026-0002,1.004194,30307,online,2026-03-02T08:00:00+07:00,2026-03-05T17:00:00+07:00,,in_progress,1,7000,online,true,false,true,,false';
const OURS = '30307-260302-0007,1.001193,30307,online,2026-03-02T09:00:00+07:00,2026-03-02T17:00:00+07:00,2026-03-02T11:00:00+07:00,result_issued,0,0,none,true,true,false,,true';
const GONE = 'H1-2026-0004,1.004222,30313,counter,2026-03-03T09:00:00+07:00,2026-03-12T17:00:00+07:00,,withdrawn,0,20000,none,false,false,false,,false';

function csv(name: string, lines: string[], bom = true): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `${bom ? '\uFEFF' : ''}${[HEADER, ...lines].join('\r\n')}\r\n`);
  return file;
}

const db = () => sys.database.db;
const imported = () =>
  db()
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
    .select(['d.code', 'd.status', 'd.version', 'u.name as unit', 'd.rating'])
    .where('d.imported', '=', true)
    .orderBy('d.code')
    .execute();
const eventCount = async () => Number((await db().selectFrom('dossier_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('import of historic dossiers', () => {
  it('imports a good file, resolving unit codes at the date of receipt', async () => {
    const report = await importDossiersFile(db(), csv('good.csv', [OLD, OPEN, OURS, GONE]));
    expect(report).toEqual({ accepted: 4, rejected: [] });
    expect(await imported()).toEqual([
      { code: '30307-260302-0007', status: 'result_issued', version: 1, unit: 'Phường Long Xuyên', rating: null },
      { code: 'H1-2024-0001', status: 'returned', version: 1, unit: 'Phường Mỹ Hòa', rating: 'satisfied' },
      { code: 'H1-2026-0002', status: 'in_progress', version: 1, unit: 'Phường Long Xuyên', rating: null },
      { code: 'H1-2026-0004', status: 'withdrawn', version: 1, unit: 'Xã Mỹ Hòa Hưng', rating: null },
    ]);
    const events = await db().selectFrom('dossier_events').select(['action', 'actor_kind']).where('action', '=', 'imported').execute();
    expect(events).toHaveLength(4);
    // Three counted dossiers (the withdrawn one has no facts), each handed over as created.
    expect(kpi.calls).toHaveLength(3);
    expect(kpi.calls.every(([before]) => before === null)).toBe(true);
    expect(kpi.calls.map(([, after]) => after!.channel).sort()).toEqual(['counter', 'online', 'online']);
    expect(kpi.calls.find(([, a]) => a!.channel === 'counter')![1]).toEqual({
      unitId: expect.any(Number),
      channel: 'counter',
      receivedAt: new Date('2024-05-10T02:30:00Z'),
      dueAt: new Date('2024-05-15T10:00:00Z'),
      finishedAt: new Date('2024-05-14T09:00:00Z'),
      supplementRequests: 0,
      feeVnd: 15000,
      paid: 'counter',
      digitizedDossier: true,
      digitizedResult: true,
      reusedData: false,
      rating: 'satisfied',
      complaint: false,
    });
  });

  it('shows history of a unit abolished in 2025 to the staff of its successor only', async () => {
    const api = dossierApi(sys);
    const longXuyen = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
    const province = (await staffSession(sys, '91', ['monitor'])).headers;
    const myHoaHung = (await staffSession(sys, '30313', ['processor'])).headers;
    const view = await api.get(longXuyen, 'H1-2024-0001');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ handlingUnit: { code: LONG_XUYEN, name: 'Phường Mỹ Hòa' }, applicant: null, imported: true });
    expect((await api.get(province, 'H1-2024-0001')).statusCode).toBe(200);
    expect((await api.get(myHoaHung, 'H1-2024-0001')).statusCode).toBe(404);
  });

  it('changes nothing on a re-import of the same file and reports the same count', async () => {
    const events = await eventCount();
    const report = await importDossiersFile(db(), csv('again.csv', [OLD, OPEN, OURS, GONE], false));
    expect(report).toEqual({ accepted: 4, rejected: [] });
    expect((await imported()).map((r) => r.version)).toEqual([1, 1, 1, 1]);
    expect(await eventCount()).toBe(events);
    expect(kpi.calls).toHaveLength(0);
  });

  it('updates a changed row and hands the facts before and after to the indicators', async () => {
    const changed = OLD.replace(',satisfied,false', ',unsatisfied,true');
    const report = await importDossiersFile(db(), csv('changed.csv', [changed, OPEN, OURS, GONE]));
    expect(report).toEqual({ accepted: 4, rejected: [] });
    const row = (await imported()).find((r) => r.code === 'H1-2024-0001')!;
    expect(row).toMatchObject({ version: 2, rating: 'unsatisfied' });
    expect(kpi.calls).toHaveLength(1);
    expect(kpi.calls[0]![0]).toMatchObject({ rating: 'satisfied', complaint: false });
    expect(kpi.calls[0]![1]).toMatchObject({ rating: 'unsatisfied', complaint: true });
    const ev = await db().selectFrom('dossier_events').select(['action', 'details']).where('action', '=', 'import_updated').execute();
    expect(ev).toEqual([{ action: 'import_updated', details: { source: 'changed.csv', changed: ['rating', 'complaint'] } }]);
  });

  it('keeps receipt numbers of our own format clear of imported ones', async () => {
    const intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
    at('2026-03-02T10:00:00+07:00');
    const res = await dossierApi(sys).counter(intake, counterBody());
    expect(res.json().code).toBe('30307-260302-0008');
  });

  it('rejects a whole file for one bad row, naming the line and the reason', async () => {
    const before = await eventCount();
    const bad = 'H1-2026-0009,1.004194,30307,counter,2026-03-05T09:00:00+07:00,2026-03-04T17:00:00+07:00,,received,0,15000,none,true,false,false,,false';
    const report = await importDossiersFile(db(), csv('one-bad.csv', [OLD, OPEN.replace('H1-2026-0002', 'H1-2026-0005'), bad]));
    expect(report).toEqual({ accepted: 0, rejected: [{ line: 4, reason: 'due_at trước received_at' }] });
    expect(await eventCount()).toBe(before);
    expect((await imported()).map((r) => r.code)).not.toContain('H1-2026-0005');
  });

  it('lists every kind of problem, each on its own line', async () => {
    const rows = [
      OPEN.replace('H1-2026-0002', 'X-1'),
      OPEN.replace('H1-2026-0002', 'X-1'),
      OPEN.replace('H1-2026-0002', 'X-2').replace('1.004194', '1.999999'),
      OPEN.replace('H1-2026-0002', 'X-3').replace(',30307,', ',ZZZ,'),
      OPEN.replace('H1-2026-0002', 'X-4').replace(',in_progress,', ',approved,'),
      OPEN.replace('H1-2026-0002', 'X-5').replace('2026-03-02T08:00:00+07:00', '2026-03-02 08:00'),
      OPEN.replace('H1-2026-0002', 'X-6').replace(',1,7000,', ',-1,7000,'),
      OLD.replace('H1-2024-0001', 'X-7').replace('2024-05-14T16:00:00+07:00', '2024-05-01T16:00:00+07:00'),
    ];
    const report = await importDossiersFile(db(), csv('many-bad.csv', rows));
    expect(report.accepted).toBe(0);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'mã hồ sơ X-1 đã có ở dòng 2' },
      { line: 4, reason: 'thủ tục 1.999999 không có trong danh mục' },
      { line: 5, reason: 'không có đơn vị mã ZZZ vào ngày tiếp nhận 2026-03-02' },
      { line: 6, reason: 'trạng thái approved cần finished_at' },
      { line: 7, reason: expect.stringContaining('received_at "2026-03-02 08:00" không phải thời điểm ISO 8601 có múi giờ') },
      { line: 8, reason: 'supplement_requests "-1" phải là số nguyên không âm' },
      { line: 9, reason: 'finished_at trước received_at' },
    ]);
  });

  it('refuses a file whose columns are not exactly the template', async () => {
    const file = path.join(tmp, 'columns.csv');
    fs.writeFileSync(file, 'code,procedure_code,applicant_name\nA-1,1.004194,Nguyễn Văn A\n');
    const report = await importDossiersFile(db(), file);
    expect(report.accepted).toBe(0);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.line).toBe(1);
    expect(report.rejected[0]!.reason).toMatch(/^thiếu cột: unit_code, channel, .*; cột không có trong mẫu: applicant_name/);
  });

  it('reads XLSX with the same columns', async () => {
    const file = path.join(tmp, 'good.xlsx');
    const row = 'X-XLSX-1,1.004873,30313,post,2026-04-01T09:00:00+07:00,2026-04-06T17:00:00+07:00,2026-04-03T10:00:00+07:00,approved,0,0,none,false,false,false,neutral,false';
    fs.writeFileSync(file, await toXlsx('Hồ sơ', [...DOSSIER_IMPORT_COLUMNS], [row.split(',')]));
    expect(await importDossiersFile(db(), file)).toEqual({ accepted: 1, rejected: [] });
    expect((await imported()).find((r) => r.code === 'X-XLSX-1')).toMatchObject({ status: 'approved', unit: 'Xã Mỹ Hòa Hưng', rating: 'neutral' });
  });

  it('refuses to overwrite an imported dossier that was handled further in this system', async () => {
    const admin = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
    const res = await dossierApi(sys).act(admin, 'H1-2026-0002', 'refuse', { version: 1, reason: 'Hồ sơ không hợp lệ' });
    expect(res.statusCode).toBe(200);
    const report = await importDossiersFile(db(), csv('stale.csv', [OPEN.replace(',1,7000,', ',2,7000,')]));
    expect(report.rejected).toEqual([{ line: 2, reason: 'hồ sơ H1-2026-0002 đã được xử lý tiếp trên hệ thống này; không ghi đè bằng dữ liệu cũ' }]);
  });

  it('hands every counted dossier’s facts to a rebuild, in batches', async () => {
    const batches: number[] = [];
    const facts: DossierFacts[] = [];
    for await (const batch of allDossierFacts(db(), 2)) {
      batches.push(batch.length);
      facts.push(...batch);
    }
    const counted = await db()
      .selectFrom('dossiers')
      .select(['received_at'])
      .where('received_at', 'is not', null)
      .where('status', 'not in', ['withdrawn', 'rejected_at_intake'])
      .orderBy('id')
      .execute();
    expect(facts.map((f) => f.receivedAt)).toEqual(counted.map((r) => r.received_at));
    expect(facts.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...batches)).toBeLessThanOrEqual(2);
  });
});

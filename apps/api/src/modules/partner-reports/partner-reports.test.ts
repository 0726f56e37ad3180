/**
 * Partner reports through HTTP (issue 5 §2): every bad row named and nothing written, warnings that
 * flag without rejecting (totals going backwards, late), revisions with history, approval, and the
 * facts the progress views read.
 */
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';
import { approvedValues, receivedReports } from './partner-reports.facts.ts';
import { at, csv, reportsApi, type Headers } from './partner-reports.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof reportsApi>;
let campaignId: number;
let viettel: Headers;
let vnpt: Headers;
let coordinator: Headers;
const HEADER = ['unit_code', 'unit_name', 'verified', 'locked'];

beforeAll(async () => {
  sys = await createTestSystem();
  api = reportsApi(sys);
  campaignId = await createTestCampaign(sys.database.db);
  viettel = (await staffSession(sys, '91.VIETTEL', ['partner_reporter'])).headers;
  vnpt = (await staffSession(sys, '91.VNPT', ['partner_reporter'])).headers;
  coordinator = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const good = (lx: number, mhh: number, lockedLx = 3) =>
  csv([HEADER, [LONG_XUYEN, 'Phường Long Xuyên', lx, lockedLx], [MY_HOA_HUNG, 'Xã Mỹ Hòa Hưng', mhh, 1]]);

describe('validation', () => {
  it('rejects a file naming every bad row by line and column, and writes nothing', async () => {
    at('2026-05-04T08:00:00+07:00');
    const file = [
      'unit_code,unit_name,verified,locked,signatures',
      `${LONG_XUYEN},Phường Long Xuyên,120,3,5`,
      '99999,Không có,10,1,0',
      '00070,Phường Hoàn Kiếm,10,1,0',
      '91.SKHCN,Sở KH&CN,10,1,0',
      `${LONG_XUYEN},Phường Long Xuyên,121,3,0`,
      `${MY_HOA_HUNG},Phường Mỹ Hòa Hưng,-4,abc,0`,
      '',
      `${'31078'},Đặc khu Phú Quốc,12.5,"1.234",0`,
      ',Thiếu mã,1,1,0',
    ].join('\n');
    const res = await api.upload(viettel, '\uFEFF' + file, { periodEnd: '2026-05-03' });
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.details.skippedLines).toBe(1);
    expect(err.details.problems).toEqual([
      { line: 1, column: 'signatures', unitCode: null, reason: 'cột không xác định "signatures"' },
      { line: 3, column: 'unit_code', unitCode: '99999', reason: 'không có đơn vị mã 99999 vào ngày 03/05/2026' },
      {
        line: 4,
        column: 'unit_code',
        unitCode: '00070',
        reason: 'Phường Hoàn Kiếm (00070) không thuộc địa bàn chiến dịch (Tỉnh An Giang)',
      },
      {
        line: 5,
        column: 'unit_code',
        unitCode: '91.SKHCN',
        reason:
          'Sở Khoa học và Công nghệ tỉnh An Giang (91.SKHCN) không phải đơn vị cấp xã: báo cáo theo từng xã, phường, đặc khu',
      },
      { line: 6, column: 'unit_code', unitCode: LONG_XUYEN, reason: `trùng đơn vị ${LONG_XUYEN}, đã có ở dòng 2` },
      { line: 7, column: 'verified', unitCode: MY_HOA_HUNG, reason: 'verified: số âm (-4)' },
      { line: 7, column: 'locked', unitCode: MY_HOA_HUNG, reason: 'locked: "abc" không phải là số' },
      { line: 9, column: 'verified', unitCode: '31078', reason: 'verified: "12.5" không phải số nguyên' },
      {
        line: 9,
        column: 'locked',
        unitCode: '31078',
        reason: 'locked: "1.234" không phải số nguyên: ghi số chỉ gồm chữ số, không dùng dấu phân cách hàng nghìn',
      },
      { line: 10, column: 'unit_code', unitCode: null, reason: 'thiếu mã đơn vị' },
    ]);
    const list = await api.list(coordinator);
    expect(list.json().total).toBe(0);
  });

  it('names a missing column and a metric the partner does not report', async () => {
    at('2026-05-04T08:00:00+07:00');
    const res = await api.upload(
      viettel,
      csv([
        ['unit_code', 'verified', 'to_verify'],
        [LONG_XUYEN, 1, 2],
      ]),
      { periodEnd: '2026-05-03' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([
      { line: 1, column: 'locked', unitCode: null, reason: 'thiếu cột locked (Thuê bao bị khóa)' },
      {
        line: 1,
        column: 'to_verify',
        unitCode: null,
        reason: 'đối tác này không báo cáo chỉ tiêu to_verify (Thuê bao phải xác thực)',
      },
    ]);
  });

  it('refuses a date that is not a period end of the cadence, a period not yet over, and a date outside the window', async () => {
    at('2026-05-06T08:00:00+07:00');
    const reasons = async (periodEnd: string) =>
      (await api.upload(viettel, good(1, 1), { periodEnd }))
        .json()
        .error.details.problems.map((p: { reason: string }) => p.reason);
    expect(await reasons('2026-05-05')).toEqual([
      'ngày 05/05/2026 không phải ngày cuối kỳ của chu kỳ hằng tuần (gần nhất: 03/05/2026, 10/05/2026)',
    ]);
    expect(await reasons('2026-05-10')).toEqual(['kỳ báo cáo kết thúc ngày 10/05/2026 chưa kết thúc (hôm nay 06/05/2026)']);
    expect(await reasons('2026-06-07')).toEqual(['ngày 07/06/2026 ngoài thời gian chiến dịch (28/04/2026–28/05/2026)']);
    expect(await reasons('')).toEqual(['chưa chọn ngày cuối kỳ báo cáo']);
  });
});

describe('receiving, warnings and revisions', () => {
  let week1: number;
  let week2: number;

  it('accepts a good file on time, pending approval', async () => {
    at('2026-05-04T09:30:00+07:00');
    const res = await api.upload(viettel, '\uFEFF' + good(120, 40) + '\n\n', { periodEnd: '2026-05-03' }, 'viettel-tuan-1.csv');
    expect(res.statusCode).toBe(201);
    const r = res.json();
    week1 = r.id;
    expect(r).toMatchObject({
      partner: { unitCode: '91.VIETTEL' },
      periodStart: '2026-04-28',
      periodEnd: '2026-05-03',
      revision: 1,
      status: 'pending',
      receivedAt: '2026-05-04T09:30:00+07:00',
      dueDate: '2026-05-04',
      late: false,
      channel: 'upload',
      fileName: 'viettel-tuan-1.csv',
      warnings: [],
      unitCount: 2,
      canDecide: false,
    });
    expect(r.rows).toEqual([
      { unitCode: LONG_XUYEN, unitName: 'Phường Long Xuyên', values: { verified: 120, locked: 3 } },
      { unitCode: MY_HOA_HUNG, unitName: 'Xã Mỹ Hòa Hưng', values: { verified: 40, locked: 1 } },
    ]);
  });

  it('flags a cumulative total lower than last week and a report after its due date, and accepts them', async () => {
    at('2026-05-12T10:00:00+07:00');
    const res = await api.upload(viettel, good(110, 60, 5), { periodEnd: '2026-05-10' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    week2 = r.id;
    expect(r.late).toBe(true);
    expect(r.warnings).toEqual([
      {
        kind: 'decrease',
        message: 'Phường Long Xuyên (30307): Thuê bao đã xác thực giảm từ 120 (kỳ đến 03/05/2026) xuống 110.',
        unitCode: LONG_XUYEN,
        unitName: 'Phường Long Xuyên',
        metricCode: 'verified',
        otherValue: 120,
        otherPeriodEnd: '2026-05-03',
        value: 110,
      },
      { kind: 'late', message: 'Nhận lúc 10:00 ngày 12/05/2026, sau hạn gửi 11/05/2026.' },
    ]);
    const list = (await api.list(coordinator, '?status=pending')).json();
    expect(list.items.map((i: { id: number; warningCount: number }) => [i.id, i.warningCount])).toEqual([
      [week2, 2],
      [week1, 0],
    ]);
  });

  it('answers 409 for a period already reported unless the sender asks for a revision, and keeps the history', async () => {
    at('2026-05-12T11:00:00+07:00');
    const again = await api.upload(viettel, good(125, 41), { periodEnd: '2026-05-03' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Viettel An Giang đã gửi báo cáo kỳ 28/04/2026–03/05/2026 (lần 1, chờ duyệt). Muốn thay thế, gửi lại dưới dạng báo cáo sửa đổi.',
    );
    const rev = await api.upload(viettel, good(125, 41), { periodEnd: '2026-05-03', revision: 'true' });
    expect(rev.statusCode).toBe(201);
    const r = rev.json();
    expect(r.revision).toBe(2);
    // Raising week 1 above week 2 makes week 2 go backwards: flagged on the revision too. The
    // revision is late, but timeliness belongs to the first receipt (facts below).
    expect(r.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Phường Long Xuyên (30307): Thuê bao đã xác thực 125 cao hơn số của kỳ sau (110, kỳ đến 10/05/2026).',
      'Nhận lúc 11:00 ngày 12/05/2026, sau hạn gửi 04/05/2026.',
    ]);
    expect(r.history.map((h: { revision: number; status: string }) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'pending'],
    ]);
    at('2026-05-20T08:00:00+07:00');
    const noEarlier = await api.upload(viettel, good(1, 1), { periodEnd: '2026-05-17', revision: 'on' });
    expect(noEarlier.statusCode).toBe(409);
    expect(noEarlier.json().error.message).toBe(
      'Chưa có báo cáo nào của kỳ 11/05/2026–17/05/2026 để sửa đổi; bỏ chọn "báo cáo sửa đổi".',
    );
    week1 = r.id;
  });

  it('approves only with the warnings acknowledged; only approved reports count', async () => {
    const coordinatorId = coordinator;
    expect((await api.decide(coordinatorId, week2, 'approve')).json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Báo cáo có 2 cảnh báo; xác nhận đã xem các cảnh báo để duyệt.',
    });
    expect(await approvedValues(sys.database.db, campaignId, '2026-05-31')).toEqual([]);
    const ok = await api.decide(coordinatorId, week2, 'approve', {
      acknowledgeWarnings: true,
      note: 'Nhà mạng giải thích: rà soát lại trùng lặp.',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'approved',
      decision: { note: 'Nhà mạng giải thích: rà soát lại trùng lặp.' },
      canDecide: false,
    });
    const again = await api.decide(coordinatorId, week2, 'reject', { note: 'x' });
    expect(again.statusCode).toBe(409);
    const values = await approvedValues(sys.database.db, campaignId, '2026-05-31');
    const unitId = async (code: string) =>
      (
        await sys.database.db
          .selectFrom('units')
          .select('id')
          .where('code', '=', code)
          .where('valid_to', 'is', null)
          .executeTakeFirstOrThrow()
      ).id;
    const [lx, mhh] = [await unitId(LONG_XUYEN), await unitId(MY_HOA_HUNG)];
    const partnerId = values[0]!.partnerId;
    expect([...values].sort((a, b) => a.unitId - b.unitId || a.metricCode.localeCompare(b.metricCode))).toEqual(
      [
        { partnerId, unitId: lx, metricCode: 'locked', periodEnd: '2026-05-10', value: 5 },
        { partnerId, unitId: lx, metricCode: 'verified', periodEnd: '2026-05-10', value: 110 },
        { partnerId, unitId: mhh, metricCode: 'locked', periodEnd: '2026-05-10', value: 1 },
        { partnerId, unitId: mhh, metricCode: 'verified', periodEnd: '2026-05-10', value: 60 },
      ].sort((a, b) => a.unitId - b.unitId || a.metricCode.localeCompare(b.metricCode)),
    );
    expect(await approvedValues(sys.database.db, campaignId, '2026-05-09')).toEqual([]);
  });

  it('rejects only with a reason; an approved revision supersedes the approved original', async () => {
    const noReason = await api.decide(coordinator, week1, 'reject', { note: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Nhập lý do từ chối báo cáo.');
    // week1 now holds the id of revision 2 of the first week.
    expect((await api.decide(coordinator, week1, 'approve', { acknowledgeWarnings: true })).json().status).toBe('approved');
    const rev3 = await api.upload(viettel, good(126, 42), { periodEnd: '2026-05-03', revision: 'true' });
    expect(rev3.json().history.map((h: { status: string }) => h.status)).toEqual(['superseded', 'approved', 'pending']);
    await api.decide(coordinator, rev3.json().id, 'approve', { acknowledgeWarnings: true });
    const history = (await api.get(coordinator, rev3.json().id)).json().history;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['superseded', 'superseded', 'approved']);
    const w1 = (await approvedValues(sys.database.db, campaignId, '2026-05-03'))
      .filter((v) => v.metricCode === 'verified')
      .map((v) => v.value);
    expect(w1.sort((a, b) => a - b)).toEqual([42, 126]);
    const rev4 = await api.upload(viettel, good(127, 43), { periodEnd: '2026-05-03', revision: 'true' });
    const rejected = await api.decide(coordinator, rev4.json().id, 'reject', { note: 'Số liệu chưa đối soát' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decision: { note: 'Số liệu chưa đối soát' } });
    // The approved revision 3 stays in force.
    expect(
      (await approvedValues(sys.database.db, campaignId, '2026-05-03'))
        .filter((v) => v.metricCode === 'verified')
        .map((v) => v.value)
        .sort((a, b) => a - b),
    ).toEqual([42, 126]);
  });

  it('gives the progress views the first receipt of each period', async () => {
    const received = await receivedReports(sys.database.db, campaignId);
    expect(
      received.map((r) => ({ periodEnd: r.periodEnd, late: r.late, status: r.status, at: r.receivedAt.toISOString() })),
    ).toEqual([
      { periodEnd: '2026-05-03', late: false, status: 'rejected', at: '2026-05-04T02:30:00.000Z' },
      { periodEnd: '2026-05-10', late: true, status: 'approved', at: '2026-05-12T03:00:00.000Z' },
    ]);
  });
});

describe('template', () => {
  it('pre-fills the communes of the area and round-trips once filled in', async () => {
    const res = await api.template(vnpt);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="mau-bao-cao-TEST-TTTB-91.VNPT.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'unit_code', 'unit_name', 'verified', 'locked']);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '# Mã đơn vị',
      'Tên đơn vị',
      'Thuê bao đã xác thực (lũy kế đến cuối kỳ)',
      'Thuê bao bị khóa (lũy kế đến cuối kỳ)',
    ]);
    expect(ws.rowCount).toBe(2 + 102);
    for (let i = 3; i <= ws.rowCount; i++) {
      ws.getCell(i, 3).value = i * 10;
      ws.getCell(i, 4).value = i;
    }
    at('2026-05-04T16:00:00+07:00');
    const up = await api.upload(vnpt, Buffer.from(await wb.xlsx.writeBuffer()), { periodEnd: '2026-05-03' }, 'mau.xlsx');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ unitCount: 102, skippedLines: 1, late: false, warnings: [] });
  });

  it('asks a coordinator which partner, and lists the periods with what was sent', async () => {
    const noPartner = await api.template(coordinator);
    expect(noPartner.statusCode).toBe(400);
    expect(noPartner.json().error.message).toBe('Chọn đối tác báo cáo (91.VIETTEL, 91.VNPT, 91.MOBIFONE).');
    expect((await api.template(coordinator, '?partner=91.MOBIFONE')).statusCode).toBe(200);
    const periods = (await api.periods(vnpt)).json().partners;
    expect(periods).toHaveLength(1);
    expect(
      periods[0].periods.map((p: { periodEnd: string; dueDate: string; latest: { status: string } | null }) => [
        p.periodEnd,
        p.dueDate,
        p.latest?.status ?? null,
      ]),
    ).toEqual([
      ['2026-05-03', '2026-05-04', 'pending'],
      ['2026-05-10', '2026-05-11', null],
      ['2026-05-17', '2026-05-18', null],
      ['2026-05-24', '2026-05-25', null],
      ['2026-05-28', '2026-05-29', null],
    ]);
    expect((await api.periods(coordinator)).json().partners.map((p: { unitCode: string }) => p.unitCode)).toEqual([
      '91.VIETTEL',
      '91.VNPT',
      '91.MOBIFONE',
    ]);
  });
});

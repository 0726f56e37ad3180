import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { parseCsv, toCsv, type CsvRecord } from '../../shared/csv.ts';
import { importProceduresFile } from './catalog.import.ts';
import { publicationCounts } from './catalog.service.ts';
import { PROCEDURE_COLUMNS } from './catalog.tabular.ts';

let sys: TestSystem;
let admin: { authorization: string };
let starterCsv: string;
beforeAll(async () => {
  sys = await createTestSystem();
  admin = (await staffSession(sys, '91', ['admin'])).headers;
  starterCsv = (await get('/api/v1/procedures/export?format=csv')).body;
});
afterAll(async () => sys?.close());

const STARTER_COUNT = 28;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function get(url: string) {
  return sys.app.inject({ method: 'GET', url });
}
const search = async (query: string) =>
  (await get(`/api/v1/procedures?${query}`)).json() as { items: { code: string; level: string }[]; total: number };
const codesOf = (r: { items: { code: string }[] }) => r.items.map((i) => i.code);
const q = (text: string) => `q=${encodeURIComponent(text)}`;

function importFile(body: string | Buffer, headers: Record<string, string> = admin, contentType = 'text/csv; charset=utf-8') {
  return sys.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import',
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });
}
/** The export as records, to edit and send back. */
const starterRecords = () => parseCsv(starterCsv);
const csvOf = (records: CsvRecord[]) =>
  toCsv(
    [...PROCEDURE_COLUMNS],
    records.map((r) => PROCEDURE_COLUMNS.map((c) => r[c] ?? '')),
  );
const importAudits = async () =>
  sys.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'procedure.import').orderBy('id').execute();

describe('procedure search', () => {
  it('finds birth registration first with diacritics, without them, and in NFD', async () => {
    for (const text of ['đăng ký khai sinh', 'dang ky khai sinh', 'đăng ký khai sinh'.normalize('NFD'), 'ĐĂNG KÝ KHAI SINH']) {
      const r = await search(q(text));
      expect(codesOf(r)[0], text).toBe('1.001193');
      expect(codesOf(r)).toContain('1.004884');
    }
  });

  it('ignores old and new tone placement: "xoá" and "xóa" find the same procedures', async () => {
    const oldStyle = await search(q('xoá đăng ký tạm trú'));
    const newStyle = await search(q('xóa đăng ký tạm trú'));
    expect(codesOf(oldStyle)[0]).toBe('1.010028');
    expect(codesOf(newStyle)).toEqual(codesOf(oldStyle));
    expect(codesOf(await search(q('hoà')))).toEqual(codesOf(await search(q('hòa'))));
  });

  it('ranks both certification procedures first for "Chứng thực" typed in NFD', async () => {
    const nfd = await search(q('Chứng thực'.normalize('NFD')));
    expect(codesOf(nfd).slice(0, 2).sort()).toEqual(['2.000815', '2.000884']);
    // Each word may match anywhere: "chứng minh … thực hiện" also qualifies, further down.
    expect(codesOf(nfd).slice(2).sort()).toEqual(['1.000466', '2.001178']);
    expect(codesOf(await search(q('chung thuc')))).toEqual(codesOf(nfd));
  });

  it('requires every word to match', async () => {
    expect((await search(q('khai sinh hộ chiếu'))).total).toBe(0);
    expect(codesOf(await search(q('  thường   trú  đăng '))).sort()).toEqual(['1.003197', '1.004222']);
  });

  it('finds a procedure by its code and treats % literally', async () => {
    expect(codesOf(await search(q('1.004222')))).toEqual(['1.004222']);
    expect((await search(q('%'))).total).toBe(0);
  });

  it('filters by level, agency code or name, field and online level', async () => {
    expect(codesOf(await search('level=central')).sort()).toEqual(['1.000466', '1.001471']);
    const province = await search('level=province');
    expect(province.total).toBe(8);
    expect(province.items.every((i) => i.level === 'province')).toBe(true);
    expect(codesOf(await search('agency=91.CA')).sort()).toEqual([
      '1.001456',
      '1.002820',
      '2.000200',
      '2.001178',
      '2.001194',
      '2.001195',
    ]);
    expect((await search(`agency=${encodeURIComponent('công an cấp xã')}`)).total).toBe(7);
    expect((await search(`field=${encodeURIComponent('Hộ tịch')}`)).total).toBe(5);
    expect((await search('field=ho%20tich')).total).toBe(5);
    expect(codesOf(await search('online=none'))).toEqual(['2.000884']);
    expect((await search('complete=true')).total).toBe(11);
    expect(await search('complete=false&level=central')).toMatchObject({ total: 1, items: [{ code: '1.001471' }] });
    expect(codesOf(await search(`${q('đăng ký')}&level=commune&field=${encodeURIComponent('Cư trú')}`)).sort()).toEqual([
      '1.003197',
      '1.004194',
      '1.004222',
      '1.010028',
    ]);
  });

  it('pages through the whole catalogue', async () => {
    const page1 = await search('limit=20');
    const page2 = await search('limit=20&offset=20');
    expect(page1.total).toBe(STARTER_COUNT);
    expect(page1.items).toHaveLength(20);
    expect(page2.items).toHaveLength(STARTER_COUNT - 20);
    expect(new Set([...codesOf(page1), ...codesOf(page2)]).size).toBe(STARTER_COUNT);
  });

  it('rejects an unknown level with VALIDATION_FAILED', async () => {
    const res = await get('/api/v1/procedures?level=ward');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('procedure detail', () => {
  it('shows birth registration: free on time, complete, chained to permanent residence, prefillable', async () => {
    const res = await get('/api/v1/procedures/1.001193');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      level: 'commune',
      agencyName: 'UBND cấp xã',
      agencyCode: null,
    });
    expect(p).toMatchObject({
      feeStatus: 'free',
      feeFromVnd: null,
      complete: true,
      chainNext: ['1.004222'],
      onlineLevel: 'full',
    });
    expect(p.processing).toEqual({ workingDays: null, hours: 8, text: expect.stringContaining('Điều 16') });
    expect(p.prefillableFields).toBe(p.form.filter((f: { prefill?: string }) => f.prefill).length);
    expect(p.form.find((f: { name: string }) => f.name === 'requesterFullName').prefill).toBe('registry:fullName');
  });

  it('shows permanent residence with its fees, lowest first in the summary', async () => {
    const p = (await get('/api/v1/procedures/1.004222')).json();
    expect(p.processing.workingDays).toBe(7);
    expect(p.fees).toEqual([
      { label: 'Nộp hồ sơ trực tiếp', amountVnd: 20000 },
      { label: 'Nộp hồ sơ trực tuyến', amountVnd: 10000 },
    ]);
    expect(p.feeFromVnd).toBe(10000);
    expect(p.complete).toBe(true);
    expect(p.form.filter((f: { prefill?: string }) => f.prefill?.startsWith('results:birthRegistration.')).length).toBe(4);
  });

  it('counts complete entries per level for the publicity indicator', async () => {
    expect(await publicationCounts(sys.database.db)).toEqual([
      { level: 'central', total: 2, complete: 1 },
      { level: 'commune', total: 18, complete: 8 },
      { level: 'province', total: 8, complete: 2 },
    ]);
  });

  it('marks an entry with unknown time and fee as incomplete', async () => {
    const p = (await get('/api/v1/procedures/1.012753')).json();
    expect(p).toMatchObject({ feeStatus: 'unknown', complete: false, confidence: 'low' });
    expect(p.processing).toMatchObject({ workingDays: null, hours: null });
  });

  it('answers an unknown code with NOT_FOUND', async () => {
    const res = await get('/api/v1/procedures/6.999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('export', () => {
  it('exports CSV for Excel: BOM, header, every procedure, a download name', async () => {
    const res = await get('/api/v1/procedures/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="danh-muc-tthc-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body).toContain('Đăng ký khai sinh');
    expect(res.body.split('\r\n')[0]).toBe(`\uFEFF${PROCEDURE_COLUMNS.join(',')}`);
    expect(parseCsv(res.body)).toHaveLength(STARTER_COUNT);
  });

  it('exports XLSX', async () => {
    const res = await get('/api/v1/procedures/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"$/);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('import', () => {
  it('round-trips export → import → export exactly, for CSV and XLSX, and changes nothing', async () => {
    const before = await importAudits();
    const csvRes = await importFile(starterCsv);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.json()).toEqual({ accepted: STARTER_COUNT, rejected: [] });
    expect((await get('/api/v1/procedures/export?format=csv')).body).toBe(starterCsv);

    const xlsx = (await get('/api/v1/procedures/export?format=xlsx')).rawPayload;
    const xlsxRes = await importFile(xlsx, admin, XLSX);
    expect(xlsxRes.statusCode).toBe(200);
    expect(xlsxRes.json().accepted).toBe(STARTER_COUNT);
    expect((await get('/api/v1/procedures/export?format=csv')).body).toBe(starterCsv);

    const audits = (await importAudits()).slice(before.length);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actor_kind: 'staff', target: 'procedures' });
    expect(audits[0]!.details).toMatchObject({
      via: 'http',
      accepted: STARTER_COUNT,
      created: [],
      updated: [],
      unchanged: STARTER_COUNT,
    });
  });

  it('updates by code and adds new codes, recording both in the audit row', async () => {
    const records = starterRecords();
    const absence = records.find((r) => r.code === '1.003677')!;
    absence.processing_text = 'Trong 01 ngày làm việc (đã sửa)';
    const added = {
      ...records.find((r) => r.code === '1.004194')!,
      code: '1.009999',
      name: 'Thủ tục thử nghiệm nhập mới',
      chain_next: '1.004222',
    };
    const res = await importFile(csvOf([absence, added]), admin, 'application/octet-stream');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, rejected: [] });
    expect((await get('/api/v1/procedures/1.003677')).json().processing.text).toBe('Trong 01 ngày làm việc (đã sửa)');
    expect((await get('/api/v1/procedures/1.009999')).json()).toMatchObject({
      name: 'Thủ tục thử nghiệm nhập mới',
      chainNext: ['1.004222'],
    });
    const last = (await importAudits()).at(-1)!;
    expect(last.details).toMatchObject({ created: ['1.009999'], updated: ['1.003677'], unchanged: 0 });
  });

  it('rejects the whole file with every bad line numbered, writing nothing', async () => {
    const records = starterRecords();
    const good = { ...records.find((r) => r.code === '2.000815')!, name: 'Tên không được ghi' };
    const badCode = { ...records.find((r) => r.code === '2.000884')!, code: '1.2345678' };
    const good2 = { ...records.find((r) => r.code === '1.001612')!, name: 'Cũng không được ghi' };
    const badLevel = { ...records.find((r) => r.code === '1.004873')!, level: 'tinh', fees: '[{"label":"x"}]' };
    const duplicate = { ...good };
    const badPrefill = {
      ...records.find((r) => r.code === '1.000656')!,
      form: '[{"name":"a","label":"A","type":"string","required":true,"prefill":"registry:salary"}]',
    };
    const badAgency = { ...records.find((r) => r.code === '2.000200')!, agency_code: '91.KHONGCO' };
    const res = await importFile(csvOf([good, badCode, good2, badLevel, duplicate, badPrefill, badAgency]));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_REJECTED');
    expect(body.error.details.accepted).toBe(0);
    const rejected = body.error.details.rejected as { line: number; reason: string }[];
    expect(rejected.map((r) => r.line)).toEqual([3, 5, 6, 7, 8]);
    expect(rejected[0]!.reason).toBe('mã thủ tục "1.2345678" không đúng dạng quốc gia (ví dụ 1.001193)');
    expect(rejected[1]!.reason).toContain('cấp thực hiện "tinh"');
    expect(rejected[1]!.reason).toContain('số tiền của lệ phí thứ 1');
    expect(rejected[2]!.reason).toBe('mã 2.000815 đã có ở dòng 2');
    expect(rejected[3]!.reason).toContain('registry:salary');
    expect(rejected[4]!.reason).toContain('mã cơ quan 91.KHONGCO');
    expect((await get('/api/v1/procedures/2.000815')).json().name).toBe('Chứng thực bản sao từ bản chính');
    expect((await get('/api/v1/procedures/1.001612')).json().name).toBe('Đăng ký thành lập hộ kinh doanh');
  });

  it('reports missing columns on line 1 and an empty file', async () => {
    const res = await importFile('\uFEFFcode,name\r\n1.001193,Đăng ký khai sinh\r\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([{ line: 1, reason: expect.stringContaining('thiếu cột: field, level') }]);
    const empty = await importFile(`${PROCEDURE_COLUMNS.join(',')}\r\n`);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.rejected).toEqual([{ line: 1, reason: 'tệp không có dòng dữ liệu nào' }]);
  });

  it('explains a code whose zeros Excel dropped (2.0002) instead of guessing', async () => {
    const row = { ...starterRecords().find((r) => r.code === '2.000200')!, code: '2.0002' };
    const res = await importFile(csvOf([row]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rejected).toEqual([
      { line: 2, reason: expect.stringContaining('Excel đã bỏ các số 0 ở cuối') },
    ]);
  });

  it('refuses an unsupported content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    const json = await importFile('{}', admin, 'application/json');
    expect(json.statusCode).toBe(415);
    const pdf = await importFile('x', admin, 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('who may import', () => {
  it('asks an anonymous caller to log in', async () => {
    const res = await importFile(starterCsv, {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('forbids a commune admin and a province approver', async () => {
    const communeAdmin = (await staffSession(sys, '30307', ['admin'])).headers;
    const provinceApprover = (await staffSession(sys, '91', ['approver'])).headers;
    const changed = csvOf([{ ...starterRecords().find((r) => r.code === '1.001193')!, name: 'Không được ghi' }]);
    for (const headers of [communeAdmin, provinceApprover]) {
      const res = await importFile(changed, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await get('/api/v1/procedures/1.001193')).json().name).toBe('Đăng ký khai sinh');
  });
});

describe('motcua import procedures FILE', () => {
  it('imports a good file and reports a bad one without writing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-catalog-'));
    const good = path.join(dir, 'good.csv');
    const records = starterRecords();
    fs.writeFileSync(good, csvOf([{ ...records.find((r) => r.code === '1.003677')!, fee_note: 'Ghi chú từ dòng lệnh' }]));
    expect(await importProceduresFile(sys.database.db, good)).toEqual({ accepted: 1, rejected: [] });
    expect((await get('/api/v1/procedures/1.003677')).json().feeNote).toBe('Ghi chú từ dòng lệnh');
    expect((await importAudits()).at(-1)).toMatchObject({
      actor_kind: 'system',
      details: expect.objectContaining({ via: 'cli' }),
    });

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      csvOf([
        { ...records.find((r) => r.code === '1.003677')!, fee_note: 'Không ghi' },
        { ...records[0]!, online_level: 'mot-phan' },
      ]),
    );
    const report = await importProceduresFile(sys.database.db, bad);
    expect(report.accepted).toBe(0);
    expect(report.rejected.map((r) => r.line)).toEqual([3]);
    expect((await get('/api/v1/procedures/1.003677')).json().feeNote).toBe('Ghi chú từ dòng lệnh');
    fs.rmSync(dir, { recursive: true });
  });
});

/**
 * Electronic results through HTTP against a real database: issuing an approved dossier's result
 * draws and signs the PDF (text read back with pdftotext, page 1 rendered with pdftoppm and its QR
 * decoded), the public checks answer valid / invalid / revoked, and only the owner and the handling
 * unit's staff may download it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { REPO_ROOT } from '../../shared/paths.ts';
import { APPLICANT, at, counterBody, dossierApi, LONG_XUYEN, MY_HOA_HUNG, onlineBody, type Headers } from '../dossiers/dossiers.fixtures.ts';
import { resultsForCitizen, resultsForDossier } from './results.service.ts';

// jsqr is CommonJS with typings that declare an ES default export: at run time the import is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const PUBLIC_URL = 'https://dichvucong.angiang.gov.vn';
const DB_KIND = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let dataDir: string;
const staff: Record<'intake' | 'processor' | 'approver' | 'otherIntake' | 'otherApprover', Headers> = {} as never;
let citizenA: Awaited<ReturnType<typeof citizenSession>>;
let citizenB: Awaited<ReturnType<typeof citizenSession>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-results-'));
  sys = await createTestSystem({ publicUrl: PUBLIC_URL, dataDir });
  api = dossierApi(sys);
  staff.intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  staff.processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  staff.approver = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
  staff.otherIntake = (await staffSession(sys, MY_HOA_HUNG, ['intake_officer'])).headers;
  staff.otherApprover = (await staffSession(sys, MY_HOA_HUNG, ['approver'])).headers;
  citizenA = await citizenSession(sys, { fullName: APPLICANT.fullName, idNumber: APPLICANT.idNumber });
  citizenB = await citizenSession(sys, { fullName: 'Trần Văn Bình' });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await sys?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function step(headers: Headers, code: string, action: string, body: object) {
  const res = await api.act(headers, code, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An online dossier of `citizen` taken to a decision; returns its code and the issue-result view. */
async function decide(citizen: { headers: Headers }, opts: { approve?: boolean; digitized?: boolean; applicant?: object } = {}) {
  at('2026-03-02T08:30:00+07:00');
  const sub = await api.online(onlineBody(opts.applicant ? { applicant: opts.applicant } : {}), citizen.headers);
  expect(sub.statusCode, sub.body).toBe(201);
  const code = sub.json().code as string;
  at('2026-03-02T09:00:00+07:00');
  await step(staff.intake, code, 'receive', { version: 1 });
  await step(staff.processor, code, 'start', { version: 2 });
  at('2026-03-05T15:00:00+07:00');
  const decided = opts.approve === false
    ? await step(staff.approver, code, 'refuse', { version: 3, reason: 'Không đủ điều kiện' })
    : await step(staff.approver, code, 'approve', { version: 3 });
  at('2026-03-05T16:05:00+07:00');
  const issued = await step(staff.approver, code, 'issue-result', { version: decided.version, digitizedResult: opts.digitized ?? true });
  vi.useRealTimers();
  const event = issued.events.find((e: { action: string }) => e.action === 'result_issued');
  return { code, issued, resultId: event.details.resultId as string | undefined, resultNumber: event.details.resultNumber as string | undefined };
}

const get = (url: string, headers?: Headers) => sys.app.inject({ method: 'GET', url, headers });
const postPdf = (url: string, body: Buffer) => sys.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/pdf' }, payload: body });

function multipart(file: Buffer): { payload: Buffer; headers: Headers } {
  const boundary = '----motcuaTestBoundary7MA4YWxk';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kết quả.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let first: { code: string; resultId: string; pdf: Buffer };
let second: { code: string; resultId: string; pdf: Buffer };

describe('issuing the result of an approved dossier', () => {
  it('signs a PDF, records it and names it in the dossier event', async () => {
    const d = await decide(citizenA);
    expect(d.issued.status).toBe('result_issued');
    expect(d.resultId).toMatch(/^[a-z2-7]{26}$/);
    expect(d.resultNumber).toBe('1/TB-UBND');
    const res = await get(`/api/v1/results/${d.resultId}/pdf`, citizenA.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ket-qua-1-TB-UBND-[a-z2-7]{6}\.pdf"$/);
    first = { code: d.code, resultId: d.resultId!, pdf: res.rawPayload };
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const row = await sys.database.db.selectFrom('results').select(['sha256', 'status', 'number', 'citizen_id', 'signature_format']).where('id', '=', d.resultId!).executeTakeFirstOrThrow();
    expect(row).toEqual({
      sha256: (await import('node:crypto')).createHash('sha256').update(first.pdf).digest('hex'),
      status: 'valid',
      number: '1/TB-UBND',
      citizen_id: citizenA.citizenId,
      signature_format: 'PAdES-B-B',
    });
  });

  it('prints the national header, the date line and the applicant with diacritics (pdftotext)', () => {
    const file = path.join(ARTIFACTS, `result-${DB_KIND}.pdf`);
    fs.writeFileSync(file, first.pdf);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').split('\n').map((l) => l.trim());
    for (const expected of [
      'UBND TỈNH AN GIANG',
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG LONG XUYÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 1/TB-UBND',
      'An Giang, ngày 05 tháng 3 năm 2026',
      'Người nộp hồ sơ: Nguyễn Thị Mai Anh',
      'Thủ tục hành chính: Đăng ký tạm trú (mã 1.004194)',
      'Địa chỉ đề nghị đăng ký tạm trú: 45 Lý Thái Tổ, Phường Long Xuyên, An Giang',
      'TM. ỦY BAN NHÂN DÂN',
      `${PUBLIC_URL}/verify/${first.resultId}`,
    ]) {
      expect(lines, expected).toContain(expected);
    }
    // Contact details are not part of the decision.
    expect(lines.join('\n')).not.toContain(APPLICANT.phone);
  });

  it('carries a QR code bottom left that decodes to the verification URL (pdftoppm + jsQR)', () => {
    const prefix = path.join(ARTIFACTS, `result-${DB_KIND}-page1`);
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', path.join(ARTIFACTS, `result-${DB_KIND}.pdf`), prefix]);
    const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(qr?.data).toBe(`${PUBLIC_URL}/verify/${first.resultId}`);
    // Bottom left quarter of the page.
    expect(qr!.location.topLeftCorner.x).toBeLessThan(png.width / 4);
    expect(qr!.location.topLeftCorner.y).toBeGreaterThan((png.height * 3) / 4);
  });

  it('numbers the next result of the unit in the same year consecutively', async () => {
    const d = await decide(citizenB, { applicant: { ...APPLICANT, fullName: 'Trần Văn Bình', idNumber: '089090054321' } });
    expect(d.resultNumber).toBe('2/TB-UBND');
    const res = await get(`/api/v1/results/${d.resultId}/pdf`, citizenB.headers);
    expect(res.statusCode).toBe(200);
    second = { code: d.code, resultId: d.resultId!, pdf: res.rawPayload };
  });

  it('issues no signed result for a refusal or a paper result', async () => {
    const refused = await decide(citizenA, { approve: false });
    const paper = await decide(citizenA, { digitized: false });
    expect([refused.resultId, paper.resultId]).toEqual([undefined, undefined]);
    for (const d of [refused, paper]) {
      const id = Number((await sys.database.db.selectFrom('dossiers').select('id').where('code', '=', d.code).executeTakeFirstOrThrow()).id);
      expect(await resultsForDossier(sys.database.db, id)).toEqual([]);
    }
  });

  it('lists results per dossier and per citizen for other modules', async () => {
    const id = Number((await sys.database.db.selectFrom('dossiers').select('id').where('code', '=', first.code).executeTakeFirstOrThrow()).id);
    const forDossier = await resultsForDossier(sys.database.db, id);
    expect(forDossier.map((r) => [r.id, r.number, r.status, r.dossierCode])).toEqual([[first.resultId, '1/TB-UBND', 'valid', first.code]]);
    expect(forDossier[0]!.verifyUrl).toBe(`${PUBLIC_URL}/verify/${first.resultId}`);
    expect((await resultsForCitizen(sys.database.db, citizenA.citizenId)).map((r) => r.id)).toEqual([first.resultId]);
    const mine = await get('/api/v1/me/results', citizenA.headers);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((r: { id: string }) => r.id)).toEqual([first.resultId]);
  });

  it('keeps the CA and unit keys on disk, readable by the owner only', () => {
    const pki = path.join(dataDir, 'pki');
    expect(fs.statSync(path.join(pki, 'ca.pem')).mode & 0o777).toBe(0o600);
    const units = fs.readdirSync(path.join(pki, 'units'));
    expect(units).toHaveLength(1);
    expect(units[0]).toMatch(/^30307-[0-9a-f]{8}\.pem$/);
    expect(fs.statSync(path.join(pki, 'units', units[0]!)).mode & 0o777).toBe(0o600);
  });
});

describe('public verification', () => {
  it('answers valid by id with the document facts and a masked name only', async () => {
    const res = await get(`/api/v1/verify/${first.resultId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'valid',
      id: first.resultId,
      number: '1/TB-UBND',
      issuedAt: '2026-03-05T16:05:00+07:00',
      unitName: 'Ủy ban nhân dân Phường Long Xuyên',
      procedureCode: '1.004194',
      procedureName: 'Đăng ký tạm trú',
      applicantName: 'Nguyễn T. M. A.',
      signature: 'PAdES-B-B',
    });
    expect(res.json().documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain(APPLICANT.idNumber);
    expect(res.body).not.toContain(APPLICANT.fullName);
  });

  it('answers not_found for an unknown or malformed id', async () => {
    for (const id of ['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'khong-co']) {
      const res = await get(`/api/v1/verify/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'not_found' });
    }
  });

  it('accepts the issued file, raw or multipart, and by content alone', async () => {
    const valid = { status: 'valid', checks: { sameFile: true, signatureValid: true, certificateTrusted: true } };
    const raw = await postPdf(`/api/v1/verify/${first.resultId}/file`, first.pdf);
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json()).toMatchObject({ ...valid, document: { id: first.resultId, number: '1/TB-UBND' } });
    expect(raw.json().reason).toBeUndefined();
    const form = multipart(first.pdf);
    const mp = await sys.app.inject({ method: 'POST', url: `/api/v1/verify/${first.resultId}/file`, headers: form.headers, payload: form.payload });
    expect(mp.statusCode, mp.body).toBe(200);
    expect(mp.json()).toMatchObject(valid);
    const byContent = await postPdf('/api/v1/verify/file', first.pdf);
    expect(byContent.json()).toMatchObject({ ...valid, document: { id: first.resultId } });
  });

  it('answers invalid for a copy changed by one byte', async () => {
    const changed = Buffer.from(first.pdf);
    changed[1000] = changed[1000]! ^ 0x01;
    const res = await postPdf(`/api/v1/verify/${first.resultId}/file`, changed);
    expect(res.json()).toMatchObject({
      status: 'invalid',
      reason: 'Tệp đã bị thay đổi sau khi ký: chữ ký số không còn khớp với nội dung.',
      checks: { sameFile: false, signatureValid: false, certificateTrusted: false },
    });
    const byContent = await postPdf('/api/v1/verify/file', changed);
    expect(byContent.json()).toMatchObject({ status: 'not_found', reason: 'Tệp này không trùng với văn bản điện tử nào hệ thống đã cấp.' });
  });

  it('answers invalid for a genuine result shown under another id, and for an unsigned PDF', async () => {
    const other = await postPdf(`/api/v1/verify/${first.resultId}/file`, second.pdf);
    expect(other.json()).toMatchObject({
      status: 'invalid',
      reason: 'Tệp không phải bản đã cấp với mã văn bản này (mã băm SHA-256 khác).',
      checks: { sameFile: false, signatureValid: true, certificateTrusted: true },
    });
    const plain = await PDFDocument.create();
    plain.addPage();
    const unsigned = await postPdf(`/api/v1/verify/${first.resultId}/file`, Buffer.from(await plain.save()));
    expect(unsigned.json()).toMatchObject({
      status: 'invalid',
      reason: 'Tệp không có chữ ký số của cơ quan ban hành: không phải bản điện tử gốc.',
      checks: { sameFile: false, signatureValid: false, certificateTrusted: false },
    });
  });

  it('refuses a JSON body and an oversized file', async () => {
    const json = await sys.app.inject({ method: 'POST', url: `/api/v1/verify/${first.resultId}/file`, payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await postPdf(`/api/v1/verify/${first.resultId}/file`, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const bigForm = multipart(Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    const bigMp = await sys.app.inject({ method: 'POST', url: `/api/v1/verify/${first.resultId}/file`, headers: bigForm.headers, payload: bigForm.payload });
    expect(bigMp.statusCode).toBe(413);
    expect(bigMp.json().error.message).toBe('Tệp quá lớn (tối đa 10 MB).');
    const boundary = '----motcuaEmpty';
    const empty = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/verify/${first.resultId}/file`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('Chưa chọn tệp để kiểm tra.');
  });
});

describe('who may download', () => {
  const pdf = (headers?: Headers) => get(`/api/v1/results/${first.resultId}/pdf`, headers);

  it('lets the owner and the handling unit\'s staff download, and audits the staff read', async () => {
    expect((await pdf(citizenA.headers)).statusCode).toBe(200);
    const res = await pdf(staff.intake);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(first.pdf)).toBe(true);
    const audit = await sys.database.db.selectFrom('audit_log').select(['actor_kind', 'action']).where('target', '=', `result:${first.resultId}`).orderBy('id').execute();
    expect(audit).toEqual([
      { actor_kind: 'staff', action: 'result.issue' },
      { actor_kind: 'citizen', action: 'result.download' },
      { actor_kind: 'citizen', action: 'result.download' },
      { actor_kind: 'staff', action: 'result.download' },
    ]);
    const access = await sys.database.db
      .selectFrom('personal_data_access')
      .select(['citizen_id', 'action', 'what_kind', 'what_ref'])
      .where('what_ref', '=', first.resultId)
      .execute();
    expect(access).toEqual([{ citizen_id: citizenA.citizenId, action: 'download', what_kind: 'document', what_ref: first.resultId }]);
  });

  it('answers 404 to another citizen and to another commune\'s staff, 401 to nobody', async () => {
    for (const headers of [citizenB.headers, staff.otherIntake, staff.otherApprover]) {
      const res = await pdf(headers);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await get(`/api/v1/results/${first.resultId}`, headers)).statusCode).toBe(404);
    }
    expect((await pdf()).statusCode).toBe(401);
    expect((await get(`/api/v1/results/${second.resultId}/pdf`, citizenA.headers)).statusCode).toBe(404);
  });

  it('shows the result to its owner', async () => {
    const res = await get(`/api/v1/results/${first.resultId}`, citizenA.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.resultId, status: 'valid', dossierCode: first.code, pdfUrl: `/api/v1/results/${first.resultId}/pdf`, revokedAt: null });
  });
});

describe('revocation', () => {
  const revoke = (headers: Headers, body: object) => sys.app.inject({ method: 'POST', url: `/api/v1/results/${first.resultId}/revoke`, headers, payload: body });

  it('is for an approver of the issuing unit, with a reason', async () => {
    expect((await revoke(staff.processor, { reason: 'Sai thông tin' })).statusCode).toBe(403);
    expect((await revoke(staff.otherApprover, { reason: 'Sai thông tin' })).statusCode).toBe(403);
    expect((await revoke(staff.approver, { reason: '' })).statusCode).toBe(400);
    const blank = await revoke(staff.approver, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toBe('Nhập lý do thu hồi.');
    expect((await get(`/api/v1/verify/${first.resultId}`)).json().status).toBe('valid');
  });

  it('marks the result revoked, audited, and the checks say so', async () => {
    at('2026-03-10T09:00:00+07:00');
    const res = await revoke(staff.approver, { reason: 'Cấp nhầm địa chỉ tạm trú' });
    vi.useRealTimers();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedAt: '2026-03-10T09:00:00+07:00', revokeReason: 'Cấp nhầm địa chỉ tạm trú' });

    expect((await get(`/api/v1/verify/${first.resultId}`)).json()).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-03-10T09:00:00+07:00',
      reason: 'Cấp nhầm địa chỉ tạm trú',
    });
    expect((await postPdf(`/api/v1/verify/${first.resultId}/file`, first.pdf)).json()).toMatchObject({
      status: 'revoked',
      reason: 'Văn bản đã bị thu hồi: Cấp nhầm địa chỉ tạm trú',
      checks: { sameFile: true, signatureValid: true, certificateTrusted: true },
    });
    const audit = await sys.database.db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', `result:${first.resultId}`).where('action', '=', 'result.revoke').execute();
    expect(audit).toEqual([{ action: 'result.revoke', details: { number: '1/TB-UBND', dossierCode: first.code, reason: 'Cấp nhầm địa chỉ tạm trú' } }]);
  });

  it('refuses to revoke twice', async () => {
    const res = await revoke(staff.approver, { reason: 'Lần nữa' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('already_revoked');
  });
});

describe('the rest of the dossier flow is unchanged', () => {
  it('a counter dossier (no citizen) gets a result only staff can download', async () => {
    at('2026-03-02T08:30:00+07:00');
    const c = await api.counter(staff.intake, counterBody());
    expect(c.statusCode, c.body).toBe(201);
    const code = c.json().code as string;
    await step(staff.processor, code, 'start', { version: c.json().version });
    await step(staff.approver, code, 'approve', { version: c.json().version + 1 });
    const issued = await step(staff.approver, code, 'issue-result', { version: c.json().version + 2, digitizedResult: true });
    vi.useRealTimers();
    const id = issued.events.at(-1).details.resultId as string;
    expect((await get(`/api/v1/results/${id}/pdf`, staff.approver)).statusCode).toBe(200);
    expect((await get(`/api/v1/results/${id}/pdf`, citizenA.headers)).statusCode).toBe(404);
  });
});

/**
 * The officials' side of documents and the reuse of stored documents, through HTTP: digitising at
 * the desk sets the dossier's digitised flag once every required component has a copy; only the
 * handling unit's officials open the papers, and only while the dossier is handled; every staff read
 * reaches the citizen's access log with name and unit; reuse sets reused_data and the indicators follow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import {
  APPLICANT,
  at,
  BIRTH_FORM,
  BIRTH_REGISTRATION,
  counterBody,
  dossierApi,
  LONG_XUYEN,
  MY_HOA_HUNG,
  onlineBody,
  type Headers,
} from '../dossiers/dossiers.fixtures.ts';
import { EXE, JPEG, multipart, PDF, pdfOfSize, PNG } from './documents.fixtures.ts';
import { blobStoreFor, storeResultDocument } from './documents.service.ts';

// Components of the two procedures used (data/product/procedures).
const BIRTH_DECLARATION = 'Tờ khai đăng ký khai sinh (theo mẫu)';
const BIRTH_CERTIFICATE =
  'Giấy chứng sinh; nếu không có thì văn bản xác nhận của người làm chứng hoặc giấy cam đoan về việc sinh';
const BIRTH_MANDATE = 'Văn bản ủy quyền';
const CT01 = 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)';
const RESIDENCE_PROOF = 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp';

let sys: TestSystem;
let dataDir: string;
let api: ReturnType<typeof dossierApi>;
let intake: Headers;
let processor: Headers;
let approver: Headers;
let monitor: Headers;
let otherCommune: Headers;
let otherCommuneMonitor: Headers;
let maiAnh: Awaited<ReturnType<typeof citizenSession>>;
let binh: Awaited<ReturnType<typeof citizenSession>>;
let longXuyenName: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-docs-scopes-'));
  sys = await createTestSystem({ dataDir });
  api = dossierApi(sys);
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  approver = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
  monitor = (await staffSession(sys, LONG_XUYEN, ['monitor'])).headers;
  otherCommune = (await staffSession(sys, MY_HOA_HUNG, ['intake_officer', 'processor', 'approver'])).headers;
  otherCommuneMonitor = (await staffSession(sys, MY_HOA_HUNG, ['monitor'])).headers;
  // The applicant of the fixtures has logged in with VNeID once: the desk's scans reach her store.
  maiAnh = await citizenSession(sys, { idNumber: APPLICANT.idNumber, fullName: APPLICANT.fullName, birthDate: '1990-05-12' });
  binh = await citizenSession(sys, { fullName: 'Lê Thị Bình' });
  longXuyenName = (await sys.database.db.selectFrom('units').select('name').where('code', '=', LONG_XUYEN).executeTakeFirstOrThrow()).name;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await sys?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (headers: Headers | undefined, url: string) => sys.app.inject({ method: 'GET', url, headers });
const docsUrl = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/documents`;

function digitize(headers: Headers | undefined, code: string, component: string | null, data: Buffer, filename = 'scan.pdf') {
  const body = multipart([...(component === null ? [] : [{ name: 'component', value: component }]), { name: 'file', filename, data }]);
  return sys.app.inject({ method: 'POST', url: docsUrl(code), headers: { ...headers, ...body.headers }, payload: body.payload });
}

async function myUpload(headers: Headers, data: Buffer, filename: string) {
  const body = multipart([{ name: 'file', filename, data }]);
  const res = await sys.app.inject({ method: 'POST', url: '/api/v1/me/documents', headers: { ...headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; downloadUrl: string };
}

async function step(headers: Headers, code: string, action: string, body: object) {
  const res = await api.act(headers, code, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json() as { version: number; status: string; reusedData: boolean; digitizedDossier: boolean; events: { action: string; details: Record<string, unknown> }[] };
}

/** The indicator row of Long Xuyên for one day, as the dashboard reads it. */
async function kpiOf(day: string) {
  const res = await get(monitor, `/api/v1/kpi?from=${day}&to=${day}&unit=${LONG_XUYEN}`);
  expect(res.statusCode).toBe(200);
  return res.json().rows[0] as { received: number; digitized_rate: number | null; reuse_rate: number | null };
}

async function accessLog(headers: Headers) {
  const res = await get(headers, '/api/v1/me/access-log?limit=200');
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { actor: Record<string, unknown>; action: string; what: { kind: string; ref: string }; purpose: string }[]; total: number };
}

describe('digitising paper components at the desk', () => {
  let code: string;
  const ids: Record<string, string> = {};

  it('marks the dossier digitised once every required component has a copy, and the indicator follows', async () => {
    at('2026-03-03T09:00:00+07:00');
    const res = await api.counter(intake, counterBody({ procedureCode: BIRTH_REGISTRATION, formData: BIRTH_FORM, digitizedDossier: false }));
    expect(res.statusCode).toBe(201);
    code = res.json().code;
    expect(await kpiOf('2026-03-03')).toMatchObject({ received: 1, digitized_rate: 0 });

    const optional = await digitize(intake, code, BIRTH_MANDATE, pdfOfSize(500, 'uy-quyen'));
    expect(optional.statusCode).toBe(201);
    expect(optional.json().dossier).toEqual({ code, version: 1, digitizedDossier: false });
    ids.mandate = optional.json().document.id;

    const first = await digitize(processor, code, BIRTH_DECLARATION.normalize('NFD'), PNG, 'Tờ khai.png');
    expect(first.statusCode).toBe(201);
    expect(first.json().dossier.digitizedDossier).toBe(false);
    expect(first.json().document).toMatchObject({ kind: 'digitized', mediaType: 'image/png', digitized: true, reused: false, title: BIRTH_DECLARATION });
    ids.declaration = first.json().document.id;

    const last = await digitize(intake, code, BIRTH_CERTIFICATE, JPEG, 'Giấy chứng sinh.jpg');
    expect(last.statusCode).toBe(201);
    expect(last.json().dossier).toEqual({ code, version: 2, digitizedDossier: true });
    ids.certificate = last.json().document.id;
    expect(await kpiOf('2026-03-03')).toMatchObject({ received: 1, digitized_rate: 1 });

    const view = await api.get(intake, code);
    expect(view.json().digitizedDossier).toBe(true);
    const attached = view.json().events.filter((e: { action: string }) => e.action === 'document_attached');
    expect(attached.map((e: { details: Record<string, unknown> }) => e.details)).toEqual([
      { component: BIRTH_MANDATE, documentId: ids.mandate, requestId: expect.any(String) },
      { component: BIRTH_DECLARATION, documentId: ids.declaration, requestId: expect.any(String) },
      { component: BIRTH_CERTIFICATE, documentId: ids.certificate, requestId: expect.any(String), digitizedDossier: true },
    ]);
  });

  it('refuses an unknown component, a missing component, another commune, a monitor and a closed dossier', async () => {
    const unknown = await digitize(intake, code, 'Sổ hộ khẩu', PDF);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ field: 'component', message: 'không có trong danh sách thành phần hồ sơ của thủ tục' }]);
    expect((await digitize(intake, code, null, PDF)).statusCode).toBe(400);
    const exe = await digitize(intake, code, BIRTH_MANDATE, EXE, 'scan.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.details.detected).toBe('exe');
    expect((await digitize(otherCommune, code, BIRTH_MANDATE, PDF)).statusCode).toBe(404);
    const byMonitor = await digitize(monitor, code, BIRTH_MANDATE, PDF);
    expect(byMonitor.statusCode).toBe(403);
    expect((await digitize(undefined, code, BIRTH_MANDATE, PDF)).statusCode).toBe(401);
    expect((await digitize(intake, 'KHONG-CO', BIRTH_MANDATE, PDF)).statusCode).toBe(404);
  });

  it("puts the desk's scans in the applicant's store when she has a VNeID account", async () => {
    const store = (await get(maiAnh.headers, '/api/v1/me/documents?limit=200')).json();
    const scans = store.items.filter((d: { kind: string }) => d.kind === 'digitized');
    expect(scans.map((d: { id: string }) => d.id).sort()).toEqual([ids.mandate, ids.declaration, ids.certificate].sort());
    expect(scans.find((d: { id: string }) => d.id === ids.certificate).usedIn).toEqual([{ dossierCode: code, component: BIRTH_CERTIFICATE, reused: false }]);
    expect((await get(binh.headers, `/api/v1/me/documents/${ids.certificate}`)).statusCode).toBe(404);
  });

  it('shows the papers by component to the handling officials while the dossier is open', async () => {
    for (const h of [intake, processor, approver]) {
      const res = await get(h, docsUrl(code));
      expect(res.statusCode).toBe(200);
    }
    const list = (await get(processor, docsUrl(code))).json();
    expect(list.code).toBe(code);
    expect(list.digitizedDossier).toBe(true);
    expect(list.components.map((c: { name: string; required: boolean; digitized: boolean; documents: { id: string }[] }) => [c.name, c.required, c.digitized, c.documents.map((d) => d.id)])).toEqual([
      [BIRTH_DECLARATION, true, true, [ids.declaration]],
      [BIRTH_CERTIFICATE, true, true, [ids.certificate]],
      ['Văn bản chứng minh việc mang thai hộ', false, false, []],
      [BIRTH_MANDATE, false, true, [ids.mandate]],
    ]);
    expect(list.results).toEqual([]);
    const file = await get(processor, list.components[1].documents[0].downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.jpg`);
    expect(file.rawPayload).toEqual(JPEG);
  });

  it('answers 404 to other communes, to monitors and admins, and for documents of another dossier', async () => {
    for (const h of [otherCommune, otherCommuneMonitor, monitor]) {
      expect((await get(h, docsUrl(code))).statusCode).toBe(404);
      expect((await get(h, `${docsUrl(code)}/${ids.certificate}`)).statusCode).toBe(404);
    }
    expect((await get(undefined, docsUrl(code))).statusCode).toBe(401);
    // A citizen's token is no official's.
    expect((await get(maiAnh.headers, docsUrl(code))).statusCode).toBe(401);
    const other = await api.counter(intake, counterBody());
    const stranger = (await myUpload(binh.headers, pdfOfSize(300, 'la'), 'la.pdf')).id;
    expect((await get(intake, `${docsUrl(other.json().code)}/${ids.certificate}`)).statusCode).toBe(404);
    expect((await get(intake, `${docsUrl(code)}/${stranger}`)).statusCode).toBe(404);
  });

  it("lists each official's read in the applicant's access log with name, unit and purpose", async () => {
    await api.get(approver, code);
    const log = await accessLog(maiAnh.headers);
    const staffEntries = log.items.filter((e) => e.actor.kind === 'staff');
    expect(staffEntries).toContainEqual({
      at: expect.any(String),
      actor: { kind: 'staff', name: 'Cán bộ Kiểm thử', unitCode: LONG_XUYEN, unitName: longXuyenName },
      action: 'download',
      what: { kind: 'document', ref: ids.certificate },
      purpose: `Giải quyết hồ sơ ${code}`,
    });
    expect(staffEntries).toContainEqual(expect.objectContaining({ action: 'list', what: { kind: 'dossier', ref: code } }));
    expect(log.items[0]).toMatchObject({ action: 'read', what: { kind: 'dossier', ref: code }, purpose: `Xem hồ sơ ${code}`, actor: { unitCode: LONG_XUYEN } });
    // Refused attempts read nothing, so they are not accesses.
    expect(staffEntries.every((e) => e.actor.unitCode === LONG_XUYEN)).toBe(true);
    // Nobody else sees these entries.
    const other = await accessLog(binh.headers);
    expect(other.items.some((e) => e.what.ref === code || e.what.ref === ids.certificate)).toBe(false);
  });

  it('closes the papers once the result is returned', async () => {
    let v = (await step(processor, code, 'start', { version: 2 })).version;
    v = (await step(approver, code, 'approve', { version: v })).version;
    v = (await step(approver, code, 'issue-result', { version: v, digitizedResult: false })).version;
    expect((await get(intake, docsUrl(code))).statusCode).toBe(200); // still handling: result to hand over
    await step(intake, code, 'return-result', { version: v });
    const closed = await get(intake, docsUrl(code));
    expect(closed.statusCode).toBe(404);
    expect(closed.json().error.details).toEqual({ code, reason: 'dossier_closed', status: 'returned' });
    expect((await get(processor, `${docsUrl(code)}/${ids.certificate}`)).statusCode).toBe(404);
    expect((await digitize(intake, code, BIRTH_MANDATE, PDF)).statusCode).toBe(409);
    // The applicant keeps her copies.
    expect((await get(maiAnh.headers, `/api/v1/me/documents/${ids.certificate}`)).statusCode).toBe(200);
  });

  it('closes the papers of a withdrawn dossier', async () => {
    const res = await api.counter(intake, counterBody({ digitizedDossier: false }));
    const c = res.json().code;
    expect((await digitize(intake, c, CT01, PDF)).json().dossier.digitizedDossier).toBe(true);
    expect((await get(intake, docsUrl(c))).statusCode).toBe(200);
    await step(intake, c, 'withdraw', { version: 2, reason: 'Người dân xin rút hồ sơ' });
    expect((await get(intake, docsUrl(c))).statusCode).toBe(404);
  });
});

describe('reusing stored documents in an online submission', () => {
  let fresh: string;
  let scan: string;
  const codes: string[] = [];

  const submit = (headers: Headers, documents: { component: string; documentId: string }[]) => api.online(onlineBody({ documents }), headers);

  it('attaches a freshly uploaded document without counting it as reuse', async () => {
    at('2026-03-04T09:00:00+07:00');
    fresh = (await myUpload(maiAnh.headers, pdfOfSize(700, 'ct01'), 'Tờ khai CT01.pdf')).id;
    const res = await submit(maiAnh.headers, [{ component: CT01, documentId: fresh }]);
    expect(res.statusCode).toBe(201);
    codes.push(res.json().code);
    const d = await step(intake, codes[0]!, 'receive', { version: 1 });
    expect(d.reusedData).toBe(false);
    expect(d.events[0]!.details.documents).toEqual([{ component: CT01, documentId: fresh, reused: false }]);
  });

  it('counts a document used before, or scanned by an official, as reuse: reused_data and the indicator follow', async () => {
    at('2026-03-04T10:00:00+07:00');
    scan = (await get(maiAnh.headers, '/api/v1/me/documents?limit=200')).json().items.find((d: { kind: string }) => d.kind === 'digitized').id;
    const res = await submit(maiAnh.headers, [
      { component: CT01, documentId: fresh },
      { component: RESIDENCE_PROOF, documentId: scan },
    ]);
    expect(res.statusCode).toBe(201);
    codes.push(res.json().code);
    const d = await step(intake, codes[1]!, 'receive', { version: 1 });
    expect(d.reusedData).toBe(true);
    expect(d.events[0]!.details.documents).toEqual([
      { component: CT01, documentId: fresh, reused: true },
      { component: RESIDENCE_PROOF, documentId: scan, reused: true },
    ]);
    // Received that day: one without reuse, one with.
    expect(await kpiOf('2026-03-04')).toMatchObject({ received: 2, reuse_rate: 0.5, digitized_rate: 1 });

    const mine = (await get(maiAnh.headers, '/api/v1/me/documents?limit=200')).json();
    expect(mine.items.find((x: { id: string }) => x.id === fresh).usedIn).toEqual([
      { dossierCode: codes[0], component: CT01, reused: false },
      { dossierCode: codes[1], component: CT01, reused: true },
    ]);
    const list = (await get(intake, docsUrl(codes[1]!))).json();
    expect(list.components.map((c: { documents: { id: string; reused: boolean }[] }) => c.documents.map((x) => [x.id, x.reused]))).toEqual([
      [[fresh, true]],
      [[scan, true]],
    ]);
  });

  it("refuses another citizen's document as if it did not exist, and creates no dossier", async () => {
    const before = (await sys.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const res = await submit(binh.headers, [{ component: CT01, documentId: fresh }]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: `Không tìm thấy giấy tờ ${fresh} trong kho dữ liệu của bạn.`, details: { documentId: fresh } });
    const unknownComponent = await submit(maiAnh.headers, [{ component: 'Sổ hộ khẩu', documentId: fresh }]);
    expect(unknownComponent.statusCode).toBe(400);
    expect(unknownComponent.json().error.details).toEqual([{ field: 'documents.0.component', message: 'không có trong danh sách thành phần hồ sơ của thủ tục' }]);
    const twice = await submit(maiAnh.headers, [
      { component: CT01, documentId: fresh },
      { component: RESIDENCE_PROOF, documentId: fresh },
    ]);
    expect(twice.statusCode).toBe(400);
    const after = (await sys.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(after).toBe(before);
  });
});

describe('issued results in the store', () => {
  it('keeps a result stored by the results module in the applicant store, on the dossier, and reusable', async () => {
    at('2026-03-05T09:00:00+07:00');
    const res = await api.online(onlineBody(), maiAnh.headers);
    const code = res.json().code as string;
    await step(intake, code, 'receive', { version: 1 });
    const pdf = pdfOfSize(900, 'ket-qua');
    const id = await sys.database.db
      .transaction()
      .execute((trx) =>
        storeResultDocument(trx, blobStoreFor(sys.config), { dossierCode: code, pdf, fileName: 'Xác nhận tạm trú.pdf', title: 'Xác nhận đăng ký tạm trú', by: null, now: new Date() }),
      );
    const mine = (await get(maiAnh.headers, '/api/v1/me/documents?limit=200')).json();
    expect(mine.items.find((d: { id: string }) => d.id === id)).toMatchObject({
      kind: 'result',
      digitized: true,
      title: 'Xác nhận đăng ký tạm trú',
      fileName: 'Xác nhận tạm trú.pdf',
      usedIn: [{ dossierCode: code, component: null, reused: false }],
    });
    const list = (await get(intake, docsUrl(code))).json();
    expect(list.results.map((d: { id: string; kind: string }) => [d.id, d.kind])).toEqual([[id, 'result']]);
    expect((await get(maiAnh.headers, `/api/v1/me/documents/${id}`)).rawPayload).toEqual(pdf);

    const next = await api.online(onlineBody({ documents: [{ component: RESIDENCE_PROOF, documentId: id }] }), maiAnh.headers);
    expect(next.statusCode).toBe(201);
    expect((await step(intake, next.json().code, 'receive', { version: 1 })).reusedData).toBe(true);
  });

  it('refuses a result that is not a PDF', async () => {
    const res = await api.online(onlineBody(), maiAnh.headers);
    await expect(
      storeResultDocument(sys.database.db, blobStoreFor(sys.config), { dossierCode: res.json().code, pdf: PNG, fileName: 'x.pdf', title: 'x', by: null, now: new Date() }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

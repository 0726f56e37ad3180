/**
 * The citizen's side of documents through HTTP: upload with content sniffing and the size limit,
 * storage by hash, download headers, the store listing, and the isolation between citizens.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenSession, createTestSystem, type TestSystem } from '../../../test/system.ts';
import { DOCX, EXE, JPEG, multipart, PDF, pdfOfSize, PNG, sha256, type Part } from './documents.fixtures.ts';

const MAX = 4096;
let sys: TestSystem;
let dataDir: string;
let an: Awaited<ReturnType<typeof citizenSession>>;
let binh: Awaited<ReturnType<typeof citizenSession>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-docs-'));
  sys = await createTestSystem({ dataDir, uploadMaxBytes: MAX });
  an = await citizenSession(sys, { fullName: 'Trần Văn An' });
  binh = await citizenSession(sys, { fullName: 'Lê Thị Bình' });
});
afterAll(async () => {
  await sys?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const upload = (headers: Record<string, string> | undefined, parts: Part[]) => {
  const body = multipart(parts);
  return sys.app.inject({ method: 'POST', url: '/api/v1/me/documents', headers: { ...headers, ...body.headers }, payload: body.payload });
};
const file = (filename: string, data: Buffer, contentType = 'application/pdf'): Part => ({ name: 'file', filename, contentType, data });
const get = (headers: Record<string, string> | undefined, url: string) => sys.app.inject({ method: 'GET', url, headers });
const blobFile = (hash: string) => path.join(dataDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
const stagesLeft = () => fs.readdirSync(path.join(dataDir, 'blobs', 'tmp'));

describe('upload to my data store', () => {
  it('keeps a PDF with its Vietnamese name, title and hash', async () => {
    const res = await upload(an.headers, [file('Giấy khai sinh.pdf'.normalize('NFD'), PDF), { name: 'title', value: 'Giấy khai sinh của con' }]);
    expect(res.statusCode).toBe(201);
    expect(res.headers.connection).not.toBe('close');
    const doc = res.json();
    expect(doc).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      kind: 'upload',
      title: 'Giấy khai sinh của con',
      fileName: 'Giấy khai sinh.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      digitized: false,
      createdAt: expect.stringMatching(/\+07:00$/),
      downloadUrl: `/api/v1/me/documents/${doc.id}`,
      usedIn: [],
    });
    expect(fs.readFileSync(blobFile(sha256(PDF)))).toEqual(PDF);
  });

  it('stores a PNG named .pdf and declared application/pdf as image/png, renamed .png', async () => {
    const res = await upload(an.headers, [file('CCCD mặt trước.pdf', PNG, 'application/pdf')]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', fileName: 'CCCD mặt trước.png', title: 'CCCD mặt trước', sizeBytes: PNG.length });
    const jpg = await upload(an.headers, [file('scan.png', JPEG, 'image/png')]);
    expect(jpg.json()).toMatchObject({ mediaType: 'image/jpeg', fileName: 'scan.jpg' });
  });

  it('refuses an executable renamed .pdf and a DOCX with 415, keeping nothing', async () => {
    for (const [name, data, detected] of [
      ['to-khai.pdf', EXE, 'exe'],
      ['don.docx', DOCX, 'zip'],
    ] as const) {
      const res = await upload(an.headers, [file(name, data)]);
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('không phải PDF, PNG hoặc JPEG'),
        details: { detected, accepted: ['application/pdf', 'image/png', 'image/jpeg'] },
      });
      expect(fs.existsSync(blobFile(sha256(data)))).toBe(false);
    }
    expect(stagesLeft()).toEqual([]);
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413 in Vietnamese', async () => {
    expect((await upload(an.headers, [file('vua-du.pdf', pdfOfSize(MAX))])).statusCode).toBe(201);
    const over = pdfOfSize(MAX + 1, 'b');
    const res = await upload(an.headers, [file('qua-lon.pdf', over)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('tối đa 4 KB'), details: { maxBytes: MAX } });

    expect(fs.existsSync(blobFile(sha256(over)))).toBe(false);
    expect(stagesLeft()).toEqual([]);
  });

  it('over a real connection, answers an upload announced too large at once and closes the connection', async () => {
    await sys.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = sys.app.server.address() as net.AddressInfo;
    const body = multipart([file('lon.pdf', pdfOfSize(64 * 1024, 'c'))]);
    const answer = await new Promise<{ head: string; closed: boolean }>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (d) => (received += d.toString('utf8')));
      // The server closing its side is what frees the connection; the rest of the 50 MB is never sent.
      socket.on('end', () => resolve({ head: received, closed: true }));
      socket.on('error', reject);
      const head = [
        'POST /api/v1/me/documents HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: ${an.headers.authorization}`,
        `Content-Type: ${body.headers['content-type']}`,
        `Content-Length: ${50 * 1024 * 1024}`,
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      socket.write(body.payload.subarray(0, 8 * 1024));
    });
    expect(answer.closed).toBe(true);
    expect(answer.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.head.toLowerCase()).toContain('connection: close');
    expect(answer.head).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(stagesLeft()).toEqual([]);
  });

  it('keeps the same bytes once: two citizens, two documents, one blob', async () => {
    const same = pdfOfSize(600, 'giong-nhau');
    const a = (await upload(an.headers, [file('a.pdf', same)])).json();
    const b = (await upload(binh.headers, [file('b.pdf', same)])).json();
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    const dir = path.dirname(blobFile(a.sha256));
    expect(fs.readdirSync(dir).filter((f) => f === a.sha256)).toHaveLength(1);
    const rows = await sys.database.db.selectFrom('documents').select(['id', 'owner_citizen_id']).where('sha256', '=', a.sha256).orderBy('created_at').execute();
    expect(rows.map((r) => Number(r.owner_citizen_id))).toEqual([an.citizenId, binh.citizenId]);
  });

  it('answers a missing file, a non-multipart body and a missing login', async () => {
    const none = await upload(an.headers, [{ name: 'title', value: 'không có tệp' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([{ field: 'file', message: 'chưa có tệp' }]);
    const json = await sys.app.inject({ method: 'POST', url: '/api/v1/me/documents', headers: an.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const anon = await upload(undefined, [file('x.pdf', PDF)]);
    expect(anon.statusCode).toBe(401);
    const empty = await upload(an.headers, [file('rong.pdf', Buffer.alloc(0))]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ field: 'file', message: 'tệp rỗng' }]);
  });
});

describe('my documents', () => {
  it('downloads my own document with its real type and a Content-Disposition that keeps the Vietnamese name', async () => {
    const doc = (await upload(an.headers, [file('Sổ hộ khẩu.pdf', PNG)])).json();
    const res = await get(an.headers, doc.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(PNG.length));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="So ho khau.png"; filename*=UTF-8''S%E1%BB%95%20h%E1%BB%99%20kh%E1%BA%A9u.png`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload).toEqual(PNG);
    const inline = await get(an.headers, `${doc.downloadUrl}?inline=true`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it("answers another citizen's document, an unknown id and no login exactly like each other: 404 / 401", async () => {
    const doc = (await upload(an.headers, [file('rieng-tu.pdf', pdfOfSize(300, 'rieng'))])).json();
    const other = await get(binh.headers, doc.downloadUrl);
    expect(other.statusCode).toBe(404);
    const unknown = await get(binh.headers, '/api/v1/me/documents/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect(other.json().error.message).toBe(`Không tìm thấy giấy tờ ${doc.id}.`);
    expect((await get(undefined, doc.downloadUrl)).statusCode).toBe(401);
    expect((await get(binh.headers, '/api/v1/me/documents/khong-hop-le')).statusCode).toBe(400);
  });

  it('lists only my own documents, newest first', async () => {
    const mine = (await get(an.headers, '/api/v1/me/documents?limit=200')).json();
    const theirs = (await get(binh.headers, '/api/v1/me/documents?limit=200')).json();
    const rows = await sys.database.db.selectFrom('documents').select(['id', 'owner_citizen_id']).execute();
    const ownedBy = (id: number) => rows.filter((r) => Number(r.owner_citizen_id) === id).map((r) => r.id).sort();
    expect(mine.total).toBe(ownedBy(an.citizenId).length);
    expect(mine.items.map((d: { id: string }) => d.id).sort()).toEqual(ownedBy(an.citizenId));
    expect(theirs.items.map((d: { id: string }) => d.id).sort()).toEqual(ownedBy(binh.citizenId));
    const times = mine.items.map((d: { createdAt: string }) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await get(undefined, '/api/v1/me/documents')).statusCode).toBe(401);
  });

  it("logs my own downloads in my access log and nobody else's", async () => {
    const doc = (await upload(binh.headers, [file('Bằng tốt nghiệp.pdf', pdfOfSize(400, 'bang'))])).json();
    await get(binh.headers, doc.downloadUrl);
    await get(an.headers, doc.downloadUrl); // refused: not logged as an access to anyone's data
    const log = (await get(binh.headers, '/api/v1/me/access-log')).json();
    expect(log.items[0]).toEqual({
      at: expect.stringMatching(/\+07:00$/),
      actor: { kind: 'citizen', name: 'Lê Thị Bình', unitCode: null, unitName: null },
      action: 'download',
      what: { kind: 'document', ref: doc.id },
      purpose: 'Tải giấy tờ trong kho dữ liệu của mình',
    });
    const anLog = (await get(an.headers, '/api/v1/me/access-log')).json();
    expect(anLog.items.some((e: { what: { ref: string } }) => e.what.ref === doc.id)).toBe(false);
    expect((await get(undefined, '/api/v1/me/access-log')).statusCode).toBe(401);
  });

  it('keeps the access log append-only', async () => {
    await expect(sys.database.db.deleteFrom('personal_data_access').execute()).rejects.toThrow(/append-only/);
  });
});

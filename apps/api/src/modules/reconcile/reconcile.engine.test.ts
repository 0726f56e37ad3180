import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser, type CsvLine } from './reconcile.csv.ts';
import { reconcile, type ReconcileProgress, type ReconcileSummary } from './reconcile.engine.ts';
import { generatePair, type GeneratedPair } from './reconcile.generate.ts';
import { runReconcile } from './reconcile.cli.ts';
import { RECONCILE_STATUSES, type ReconcileStatus } from './reconcile.types.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reconcile-engine-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads an output CSV back: checks the BOM, returns header and rows. */
function readOut(file: string): { header: string[]; rows: string[][] } {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const p = new CsvParser();
  const out: CsvLine[] = [];
  p.push(text, out);
  p.end(out);
  return { header: out[0]!.fields, rows: out.slice(1).map((r) => r.fields) };
}

function tally(values: Iterable<ReconcileStatus>): Record<ReconcileStatus, number> {
  const t = Object.fromEntries(RECONCILE_STATUSES.map((s) => [s, 0])) as Record<ReconcileStatus, number>;
  for (const v of values) t[v]++;
  return t;
}

describe('a generated pair with known answers (issue 6 acceptance)', () => {
  let pair: GeneratedPair;
  let summary: ReconcileSummary;
  let out: string;
  const progress: ReconcileProgress[] = [];

  beforeAll(async () => {
    pair = generatePair({ people: 5000, seed: 42, dir: path.join(dir, 'gen') });
    out = path.join(dir, 'gen-out');
    summary = await reconcile({
      subscribersFile: pair.subscribersFile,
      registryFile: pair.registryFile,
      outDir: out,
      maxPerId: 3,
      deadline: '2026-12-31',
      provinceName: 'Tỉnh An Giang',
      onProgress: (p) => progress.push(p),
      progressEveryMs: 0,
    });
  });

  it('generates every status, deterministically by seed', () => {
    const counts = tally(pair.expected.values());
    for (const s of RECONCILE_STATUSES) expect(counts[s], s).toBeGreaterThan(0);
    const again = generatePair({ people: 5000, seed: 42, dir: path.join(dir, 'gen2') });
    expect(fs.readFileSync(again.subscribersFile)).toEqual(fs.readFileSync(pair.subscribersFile));
    expect(fs.readFileSync(again.registryFile)).toEqual(fs.readFileSync(pair.registryFile));
  });

  it('reconciles every msisdn to exactly its known answer', () => {
    const { header, rows } = readOut(path.join(out, 'results.csv'));
    expect(header).toEqual(['msisdn', 'carrier', 'status', 'detail', 'commune_code']);
    expect(rows.length).toBe(pair.expected.size);
    const got = new Map(rows.map((r) => [r[0]!, r[2] as ReconcileStatus]));
    const wrong = [...pair.expected].filter(([m, s]) => got.get(m) !== s).map(([m, s]) => `${m}: expected ${s}, got ${got.get(m)}`);
    expect(wrong).toEqual([]);
  });

  it('counts in summary.json equal the tallies of the known answers', () => {
    const expected = tally(pair.expected.values());
    expect(summary.byStatus).toEqual(expected);
    const onDisk = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as ReconcileSummary;
    expect(onDisk.byStatus).toEqual(expected);
    expect(summary.inputs).toEqual({
      registry: { file: 'registry.csv', rows: pair.registryRows, rejected: 0, loaded: pair.registryRows },
      subscribers: { file: 'subscribers.csv', rows: pair.subscriberRows, rejected: 0, classified: pair.subscriberRows },
    });
    const byCarrierTotal = Object.values(summary.byCarrier).reduce((a, c) => a + Object.values(c).reduce((x, y) => x + y, 0), 0);
    const byCommuneTotal = Object.values(summary.byCommune).reduce((a, c) => a + Object.values(c).reduce((x, y) => x + y, 0), 0);
    expect(byCarrierTotal).toBe(pair.subscriberRows);
    expect(byCommuneTotal).toBe(pair.subscriberRows);
    // Not found and invalid subscribers have no commune.
    expect(summary.byCommune['']!.id_not_found).toBe(expected.id_not_found);
    expect(summary.outreach).toBe(pair.subscriberRows - expected.match);
    expect(summary.memory.peakRssBytes).toBeGreaterThan(0);
  });

  it('writes outreach.csv for every subscriber not matching, with no full ID or registry name', () => {
    const { header, rows } = readOut(path.join(out, 'outreach.csv'));
    expect(header).toEqual(['msisdn', 'carrier', 'status', 'commune_code', 'sms_text']);
    const notMatch = [...pair.expected].filter(([, s]) => s !== 'match').map(([m]) => m).sort();
    expect(rows.map((r) => r[0]!).sort()).toEqual(notMatch);
    for (const r of rows) {
      expect(r[4]).toMatch(/31\/12\/2026/);
      expect(r[4]).not.toMatch(/\d{9}/);
    }
  });

  it('flags the IDs over the limit per carrier in over_limit.csv, IDs masked', () => {
    const { header, rows } = readOut(path.join(out, 'over_limit.csv'));
    expect(header).toEqual(['id_number_masked', 'id_type', 'carrier', 'count', 'limit']);
    const expected = pair.overLimit.map((o) => ['*'.repeat(9) + o.idNumber.slice(-3), 'cccd', o.carrier, String(o.count), '3'].join('|')).sort();
    expect(rows.map((r) => r.join('|')).sort()).toEqual(expected);
    expect(summary.overLimit).toEqual({ maxPerId: 3, pairs: pair.overLimit.length, subscribers: pair.overLimit.reduce((a, o) => a + o.count, 0) });
  });

  it('reports progress with rows, rate and an ETA that reaches 0', () => {
    expect(progress.length).toBeGreaterThan(1);
    const last = progress[progress.length - 1]!;
    expect(last).toMatchObject({ phase: 'subscribers', rows: pair.subscriberRows, etaSeconds: 0, bytesDone: last.bytesTotal });
  });
});

describe('unreadable rows, BOM and quoted fields', () => {
  it('sends unreadable rows to rejected.csv with their line and reason, and reads the rest', async () => {
    const d = path.join(dir, 'hand');
    fs.mkdirSync(d, { recursive: true });
    const reg = path.join(d, 'reg.csv');
    const sub = path.join(d, 'sub.csv');
    const nfd = 'Nguyễn Thị Hòa'.normalize('NFD');
    fs.writeFileSync(
      reg,
      '\uFEFFstatus,commune_code,sex,date_of_birth,full_name,old_id_number,id_number,note\r\n' +
        `alive,30001,female,1990-05-17,"Nguyễn Thị Hòa",351234567,089190123456,x\r\n` +
        `alive,30002,male,1980-01-01,Trần Văn An,,089190123456,duplicate\r\n` +
        `zombie,30002,male,1980-01-01,Trần Văn An,,089080123457,bad status\r\n` +
        `alive,30003,male,1980-01-01,Lê Văn Bình,,089080123458\r\n`,
    );
    fs.writeFileSync(
      sub,
      'msisdn,carrier,id_type,id_number,full_name,date_of_birth,registered_at\n' +
        `0912345678,VinaPhone,cccd,089190123456,"${nfd}",17/05/1990,2020-01-01\n` +
        `0912345679,VinaPhone,cmnd,351234567,"Nguyễn  Thị ""Hoà""",1990-05-17,2020-01-01\n` +
        `0912345680,VinaPhone,cccd,089190123456\n` +
        `,VinaPhone,cccd,089190123456,X,1990-05-17,2020-01-01\n` +
        `0912345681,,cccd,089080123457,"Trần Văn An",1980-01-01,"2020-01-01\nmultiline"\n` +
        `0912345682,VinaPhone,cccd,089190123456,"Nguyễn Thị Hòa, bà",1990-05-17,2020-01-01\n` +
        `0912345683,VinaPhone, CCCD ,089 190 123 456,NGUYỄN THỊ HOÀ,1990-05-17,2020-01-01\n`,
    );
    const s = await reconcile({ subscribersFile: sub, registryFile: reg, outDir: path.join(d, 'out'), deadline: '2026-12-31', maxPerId: 2 });
    expect(readOut(path.join(d, 'out', 'rejected.csv')).rows).toEqual([
      ['reg.csv', '3', 'Số định danh trùng với một dòng trước trong sổ dân cư; dòng này không được dùng'],
      ['reg.csv', '4', 'Trạng thái phải là alive hoặc deceased'],
      ['reg.csv', '5', 'Số cột 7, cần 8 như dòng tiêu đề'],
      ['sub.csv', '4', 'Số cột 4, cần 7 như dòng tiêu đề'],
      ['sub.csv', '5', 'Thiếu số thuê bao (msisdn)'],
    ]);
    const results = readOut(path.join(d, 'out', 'results.csv')).rows;
    expect(results.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['0912345678', 'VinaPhone', 'match', '30001'],
      ['0912345679', 'VinaPhone', 'old_id', '30001'],
      // carrier empty in the extract: taken from the number's prefix
      ['0912345681', 'VinaPhone', 'id_not_found', ''],
      ['0912345682', 'VinaPhone', 'name_mismatch', '30001'],
      // type in upper case with spaces, ID with spaces, name in upper case and old tone style
      ['0912345683', 'VinaPhone', 'match', '30001'],
    ]);
    // old_id detail names the current CCCD by its last 3 digits only
    expect(results[1]![3]).toBe('Đăng ký bằng CMND 9 số; CCCD tương ứng …456');
    expect(s.inputs).toEqual({
      registry: { file: 'reg.csv', rows: 4, rejected: 3, loaded: 1 },
      subscribers: { file: 'sub.csv', rows: 7, rejected: 2, classified: 5 },
    });
    // the CCCD three times at VinaPhone (however written) is over a limit of 2; the CMND is counted apart
    expect(readOut(path.join(d, 'out', 'over_limit.csv')).rows).toEqual([['*********456', 'cccd', 'VinaPhone', '3', '2']]);
  });
});

describe('motcua reconcile (command)', () => {
  const io = () => {
    const err: string[] = [];
    const out: string[] = [];
    return { err, out, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s), isTTY: false } } };
  };

  it('exits 0 when the run completed and prints the counts', async () => {
    const pair = generatePair({ people: 200, seed: 3, dir: path.join(dir, 'cli') });
    const t = io();
    const code = await runReconcile({ subscribers: pair.subscribersFile, registry: pair.registryFile, out: path.join(dir, 'cli-out'), deadline: '2026-12-31' }, t.io);
    expect(code).toBe(0);
    expect(t.out.join('')).toMatch(/^Đã đối soát \d+ thuê bao/);
    expect(fs.existsSync(path.join(dir, 'cli-out', 'summary.json'))).toBe(true);
  });

  it('exits 2 with a Vietnamese message on unreadable input, and writes nothing', async () => {
    const t = io();
    const bad = path.join(dir, 'nocols.csv');
    fs.writeFileSync(bad, 'msisdn\n0912345678\n');
    const reg = generatePair({ people: 5, seed: 1, dir: path.join(dir, 'cli2') }).registryFile;
    const code = await runReconcile({ subscribers: bad, registry: reg, out: path.join(dir, 'cli2-out') }, t.io);
    expect(code).toBe(2);
    expect(t.err.join('')).toBe(
      'Lỗi: Tệp nocols.csv thiếu cột bắt buộc: carrier, id_type, id_number, full_name, date_of_birth, registered_at. Dòng tiêu đề phải có các cột: msisdn, carrier, id_type, id_number, full_name, date_of_birth, registered_at.\n',
    );
    expect(fs.existsSync(path.join(dir, 'cli2-out'))).toBe(false);
    const t2 = io();
    expect(await runReconcile({ subscribers: path.join(dir, 'missing.csv'), registry: reg, out: path.join(dir, 'cli3-out') }, t2.io)).toBe(2);
    expect(t2.err.join('')).toMatch(/^Lỗi: Không đọc được tệp .*missing\.csv/);
  });

  it('needs the database for --campaign (the hand-off is tested in reconcile.handoff.test.ts)', async () => {
    const t = io();
    await expect(runReconcile({ subscribers: 'a', registry: 'b', out: 'c', campaign: '1' }, t.io)).rejects.toThrow('--campaign needs a database');
  });
});

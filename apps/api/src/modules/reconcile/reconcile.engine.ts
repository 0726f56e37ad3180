/**
 * The reconciliation batch job (issue 6, DESIGN §3.10): pass 1 loads the registry into a typed-array
 * index (reconcile.index.ts), pass 2 streams the subscribers, classifies each one (reconcile.rules.ts)
 * and writes the outputs. Memory is the index plus one read chunk plus the write buffers, whatever
 * the number of subscribers. See docs/reconcile.md "Engine".
 *
 * Outputs in outDir, CSV with a BOM for Excel:
 *   results.csv    msisdn, carrier, status, detail, commune_code (one row per readable subscriber)
 *   outreach.csv   msisdn, carrier, status, commune_code, sms_text (every subscriber not `match`)
 *   rejected.csv   file, line, reason (rows that cannot be read at all; nothing dropped silently)
 *   over_limit.csv id_number_masked, id_type, carrier, count, limit (IDs over --max-per-id at a carrier)
 *   summary.json   counts by status, carrier, commune; input/rejected rows; run time; peak RSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { maskIdNumber, parseMobile } from '@motcua/contracts';
import { openTable, type CsvTable } from './reconcile.csv.ts';
import { Float64IntMap, RegistryIndex, idKey12, idKey9 } from './reconcile.index.ts';
import { DEFAULT_MAX_PER_ID, classify, nameHashes, parseDob } from './reconcile.rules.ts';
import { outreachText } from './reconcile.outreach.ts';
import {
  RECONCILE_STATUSES,
  REGISTRY_COLUMNS,
  SUBSCRIBER_COLUMNS,
  type ReconcileStatus,
  type RegistryLookup,
  type SubscriberRow,
} from './reconcile.types.ts';

export interface ReconcileProgress {
  phase: 'registry' | 'subscribers';
  /** Rows done in this phase. */
  rows: number;
  /** Rows per second over the phase so far. */
  rowsPerSecond: number;
  /** Bytes read of both files together, and their total (the ETA is on bytes). */
  bytesDone: number;
  bytesTotal: number;
  etaSeconds: number | null;
  elapsedMs: number;
}

export interface ReconcileOptions {
  subscribersFile: string;
  registryFile: string;
  outDir: string;
  maxPerId?: number;
  /** YYYY-MM-DD, the date in the SMS ("trước …"). Default: 30 days after the run. */
  deadline?: string;
  provinceName?: string;
  onProgress?: (p: ReconcileProgress) => void;
  /** Minimum milliseconds between progress calls (default 1000). */
  progressEveryMs?: number;
}

export type StatusCounts = Record<ReconcileStatus, number>;

export interface ReconcileSummary {
  inputs: {
    registry: { file: string; rows: number; rejected: number; loaded: number };
    subscribers: { file: string; rows: number; rejected: number; classified: number };
  };
  byStatus: StatusCounts;
  byCarrier: Record<string, StatusCounts>;
  /** Keyed by the registry's commune code; '' for subscribers not found in the registry. */
  byCommune: Record<string, StatusCounts>;
  overLimit: { maxPerId: number; pairs: number; subscribers: number };
  outreach: number;
  deadline: string;
  timing: { registryMs: number; subscribersMs: number; totalMs: number };
  memory: { peakRssBytes: number; indexBytes: number };
  startedAt: string;
  finishedAt: string;
}

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Buffered CSV writer over a write stream, honouring backpressure (await drain() between batches). */
class CsvOut {
  private readonly stream: fs.WriteStream;
  private parts: string[] = [];
  private pending = 0;
  private blocked = false;
  rows = 0;

  constructor(file: string, header: readonly string[]) {
    this.stream = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    this.stream.write(BOM + header.join(',') + '\r\n');
  }

  row(fields: readonly string[]): void {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]!);
    line += '\r\n';
    this.parts.push(line);
    this.pending += line.length;
    this.rows++;
    if (this.pending >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    if (!this.stream.write(this.parts.join(''))) this.blocked = true;
    this.parts = [];
    this.pending = 0;
  }

  async drain(): Promise<void> {
    if (this.blocked) {
      this.blocked = false;
      await once(this.stream, 'drain');
    }
  }

  async close(): Promise<void> {
    this.flush();
    await this.drain();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(RECONCILE_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Digits of an ID as written, separators (spaces, dots, dashes) removed. */
function idDigits(s: string): string {
  return /^\d*$/.test(s) ? s : s.trim().replace(/[\s.-]/g, '');
}

function defaultDeadline(now: Date): string {
  return new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
}

/** Carrier names interned to a small integer for the (ID, carrier) counters; 63 distinct at most. */
const MAX_CARRIERS = 63;
const CCCD_OFFSET = 1e12;

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Rough number of data rows from the file size and the first batch (to pre-size the index). */
function estimateRows(records: number, bytesRead: number, totalBytes: number): number {
  if (records === 0 || bytesRead === 0) return 1024;
  return Math.ceil(((records * totalBytes) / bytesRead) * 1.05);
}

export async function reconcile(opts: ReconcileOptions): Promise<ReconcileSummary> {
  const started = new Date();
  const t0 = performance.now();
  const maxPerId = opts.maxPerId ?? DEFAULT_MAX_PER_ID;
  const deadline = opts.deadline ?? defaultDeadline(started);
  const provinceName = opts.provinceName ?? 'Tỉnh An Giang';
  const every = opts.progressEveryMs ?? 1000;

  // Both headers are checked before any output is written: a refused input leaves nothing behind.
  const registry = await openTable(opts.registryFile, REGISTRY_COLUMNS);
  const subscribers = await openTable(opts.subscribersFile, SUBSCRIBER_COLUMNS);
  fs.mkdirSync(opts.outDir, { recursive: true });
  const bytesTotal = registry.totalBytes + subscribers.totalBytes;

  const rejected = new CsvOut(path.join(opts.outDir, 'rejected.csv'), ['file', 'line', 'reason']);
  const regName = path.basename(opts.registryFile);
  const subName = path.basename(opts.subscribersFile);

  let lastReport = performance.now();
  const report = (phase: ReconcileProgress['phase'], rows: number, phaseStart: number, bytesDone: number, force = false) => {
    if (!opts.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < every) return;
    lastReport = now;
    const elapsedMs = now - t0;
    const phaseSec = (now - phaseStart) / 1000;
    const byteRate = bytesDone / (elapsedMs / 1000);
    opts.onProgress({
      phase,
      rows,
      rowsPerSecond: phaseSec > 0 ? Math.round(rows / phaseSec) : 0,
      bytesDone,
      bytesTotal,
      etaSeconds: byteRate > 0 ? Math.max(0, Math.round((bytesTotal - bytesDone) / byteRate)) : null,
      elapsedMs: Math.round(elapsedMs),
    });
  };

  // ---- Pass 1: the registry index ----
  const regStart = performance.now();
  const reg = await loadRegistry(registry, regName, rejected, (rows, bytes) => report('registry', rows, regStart, bytes));
  const registryMs = performance.now() - regStart;

  // ---- Pass 2: the subscribers ----
  const subStart = performance.now();
  const results = new CsvOut(path.join(opts.outDir, 'results.csv'), ['msisdn', 'carrier', 'status', 'detail', 'commune_code']);
  const outreach = new CsvOut(path.join(opts.outDir, 'outreach.csv'), [
    'msisdn',
    'carrier',
    'status',
    'commune_code',
    'sms_text',
  ]);
  const byStatus = zeroCounts();
  const byCarrier = new Map<string, StatusCounts>();
  const byCommune = new Map<string, StatusCounts>();
  const carriers: string[] = [];
  const carrierIndex = new Map<string, number>();
  let perId: Float64IntMap | null = null;
  let subRows = 0;
  let subRejected = 0;
  const [cMsisdn, cCarrier, cIdType, cIdNumber, cName, cDob, cRegistered] = subscribers.index as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const width = subscribers.header.length;
  const none: RegistryLookup = { found: 'none' };

  for await (const batch of subscribers.batches()) {
    perId ??= new Float64IntMap(estimateRows(batch.records.length, batch.bytesRead, batch.totalBytes));
    for (const rec of batch.records) {
      subRows++;
      const f = rec.fields;
      if (rec.line < 0) {
        rejected.row([subName, '', 'Dấu ngoặc kép không được đóng: phần cuối tệp không đọc được']);
        subRejected++;
        continue;
      }
      if (f.length !== width) {
        rejected.row([subName, String(rec.line), `Số cột ${f.length}, cần ${width} như dòng tiêu đề`]);
        subRejected++;
        continue;
      }
      const msisdn = f[cMsisdn]!.trim();
      if (msisdn === '') {
        rejected.row([subName, String(rec.line), 'Thiếu số thuê bao (msisdn)']);
        subRejected++;
        continue;
      }
      let carrier = f[cCarrier]!.trim();
      if (carrier === '') {
        const m = parseMobile(msisdn);
        carrier = m.ok ? m.carrier : '';
      }
      const sub: SubscriberRow = {
        msisdn,
        carrier,
        idType: f[cIdType]!,
        idNumber: f[cIdNumber]!,
        fullName: f[cName]!,
        dateOfBirth: f[cDob]!,
        registeredAt: f[cRegistered]!,
      };

      // Lookup: CCCD by the 12-digit ID, CMND by the registry's old_id_number. The shape alone picks
      // the table; classify() runs the full checkId and says invalid_id whatever the lookup found.
      const t = sub.idType;
      const type = t === 'cccd' || t === 'cmnd' ? t : t.trim().toLowerCase();
      let lookup: RegistryLookup = none;
      let countKey = -1;
      if (type === 'cccd' || type === 'cmnd') {
        const digits = idDigits(sub.idNumber);
        if (type === 'cccd') {
          const k = idKey12(digits);
          if (k >= 0) {
            countKey = k + CCCD_OFFSET;
            const row = reg.index.findById(digits);
            if (row >= 0) lookup = { found: 'by_id', person: reg.index.view(row) };
          }
        } else {
          countKey = idKey9(digits);
          const row = countKey >= 0 ? reg.index.findByOldId(digits) : -1;
          if (row >= 0) lookup = { found: 'by_old_id', person: reg.index.view(row), currentId: reg.index.maskedId(row) };
        }
      }
      const c = classify(sub, lookup);
      // Only well-formed IDs are counted for the limit (invalid_id ⇔ checkId refused the ID).
      if (c.status === 'invalid_id') countKey = -1;

      if (countKey >= 0) {
        let ci = carrierIndex.get(carrier);
        if (ci === undefined) {
          ci = Math.min(carriers.length, MAX_CARRIERS);
          if (carriers.length < MAX_CARRIERS) carriers.push(carrier);
          carrierIndex.set(carrier, ci);
        }
        perId.add(countKey * 64 + ci, 1);
      }

      byStatus[c.status]++;
      let bc = byCarrier.get(carrier);
      if (!bc) byCarrier.set(carrier, (bc = zeroCounts()));
      bc[c.status]++;
      let bm = byCommune.get(c.communeCode);
      if (!bm) byCommune.set(c.communeCode, (bm = zeroCounts()));
      bm[c.status]++;

      results.row([msisdn, carrier, c.status, c.detail, c.communeCode]);
      if (c.status !== 'match') {
        outreach.row([msisdn, carrier, c.status, c.communeCode, outreachText(sub, c, { deadline, provinceName })]);
      }
    }
    await Promise.all([results.drain(), outreach.drain(), rejected.drain()]);
    report('subscribers', subRows, subStart, registry.totalBytes + batch.bytesRead);
  }
  report('subscribers', subRows, subStart, bytesTotal, true);

  // ---- Over the limit, flagged separately ----
  const over = new CsvOut(path.join(opts.outDir, 'over_limit.csv'), ['id_number_masked', 'id_type', 'carrier', 'count', 'limit']);
  let overPairs = 0;
  let overSubs = 0;
  if (perId) {
    const rows: [string, string, string, number][] = [];
    for (const [key, count] of perId.entries()) {
      if (count <= maxPerId) continue;
      const ci = key % 64;
      const idNum = (key - ci) / 64;
      const cccd = idNum >= CCCD_OFFSET;
      const digits = cccd ? String(idNum - CCCD_OFFSET).padStart(12, '0') : String(idNum).padStart(9, '0');
      rows.push([maskIdNumber(digits), cccd ? 'cccd' : 'cmnd', ci < carriers.length ? carriers[ci]! : 'khác', count]);
    }
    rows.sort((a, b) => b[3] - a[3] || a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]));
    for (const [masked, type, carrier, count] of rows) {
      over.row([masked, type, carrier, String(count), String(maxPerId)]);
      overPairs++;
      overSubs += count;
    }
  }

  await Promise.all([results.close(), outreach.close(), rejected.close(), over.close()]);
  const subscribersMs = performance.now() - subStart;
  const finished = new Date();
  const summary: ReconcileSummary = {
    inputs: {
      registry: { file: regName, rows: reg.rows, rejected: reg.rejected, loaded: reg.index.size },
      subscribers: { file: subName, rows: subRows, rejected: subRejected, classified: subRows - subRejected },
    },
    byStatus,
    byCarrier: Object.fromEntries([...byCarrier].sort(([a], [b]) => a.localeCompare(b))),
    byCommune: Object.fromEntries([...byCommune].sort(([a], [b]) => a.localeCompare(b))),
    overLimit: { maxPerId, pairs: overPairs, subscribers: overSubs },
    outreach: outreach.rows,
    deadline,
    timing: {
      registryMs: Math.round(registryMs),
      subscribersMs: Math.round(subscribersMs),
      totalMs: Math.round(performance.now() - t0),
    },
    memory: { peakRssBytes: peakRss(), indexBytes: reg.index.bytes },
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
  };
  fs.writeFileSync(path.join(opts.outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

async function loadRegistry(
  table: CsvTable,
  fileName: string,
  rejected: CsvOut,
  progress: (rows: number, bytes: number) => void,
): Promise<{ index: RegistryIndex; rows: number; rejected: number }> {
  let index: RegistryIndex | null = null;
  let rows = 0;
  let bad = 0;
  const [cId, cOld, cName, cDob, , cCommune, cStatus] = table.index as [number, number, number, number, number, number, number];
  const width = table.header.length;
  const reject = (line: number, reason: string) => {
    rejected.row([fileName, line < 0 ? '' : String(line), reason]);
    bad++;
  };
  for await (const batch of table.batches()) {
    index ??= new RegistryIndex(estimateRows(batch.records.length, batch.bytesRead, batch.totalBytes));
    for (const rec of batch.records) {
      rows++;
      const f = rec.fields;
      if (rec.line < 0) {
        reject(-1, 'Dấu ngoặc kép không được đóng: phần cuối tệp không đọc được');
        continue;
      }
      if (f.length !== width) {
        reject(rec.line, `Số cột ${f.length}, cần ${width} như dòng tiêu đề`);
        continue;
      }
      const status = f[cStatus]!.trim().toLowerCase();
      if (status !== 'alive' && status !== 'deceased') {
        reject(rec.line, 'Trạng thái phải là alive hoặc deceased');
        continue;
      }
      const r = index.add({
        idNumber: idDigits(f[cId]!),
        oldIdNumber: idDigits(f[cOld]!),
        nameHashes: nameHashes(f[cName]!),
        dobDays: parseDob(f[cDob]!),
        deceased: status === 'deceased',
        communeCode: f[cCommune]!.trim(),
      });
      if (!r.ok) reject(rec.line, r.reason);
      else if (r.oldIdDuplicate) {
        // The person is loaded; only the CMND lookup keeps the first row that declared that number.
        rejected.row([
          fileName,
          String(rec.line),
          'Số CMND cũ trùng với một dòng trước; tra cứu theo CMND dùng dòng trước (dòng này vẫn được nạp theo số định danh)',
        ]);
      }
    }
    await rejected.drain();
    progress(rows, batch.bytesRead);
  }
  return { index: index ?? new RegistryIndex(16), rows, rejected: bad };
}

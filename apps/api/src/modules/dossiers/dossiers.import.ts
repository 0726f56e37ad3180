/**
 * `motcua import dossiers FILE`: history from a previous system (DESIGN §3.3), CSV or XLSX. All or
 * nothing, in one transaction, written in batches; idempotent by `code`: a row equal to what is
 * stored changes nothing, a changed row updates the dossier and its indicator facts.
 */
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../errors.ts';
import { vnDateOf } from '../../shared/dates.ts';
import type { ImportReport, RejectedRow } from '../../shared/import-report.ts';
import { readTabularFile, type TabularRow } from '../../shared/tabular.ts';
import { getProcedure } from '../catalog/catalog.service.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { SYSTEM } from './dossiers.core.ts';
import { syncFacts } from './dossiers.facts.ts';
import { headerProblem, parseImportRow, type ImportRecord } from './dossiers.import-rows.ts';
import { reserveReceiptCode } from './dossiers.receipt.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierPatch, DossierRow, NewDossier } from './dossiers.repo.ts';

/** Rows per INSERT and per lookup: far below PostgreSQL's 65,535 parameters, few round trips. */
const BATCH = 500;

export interface ImportItem extends ImportRecord {
  unitId: number;
  /** The stored dossier with this code, when re-importing. */
  existing?: DossierRow;
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The columns a row sets, as stored; equal to a stored row's columns when nothing changed. */
function columnsOf(r: ImportItem) {
  return {
    procedure_code: r.procedureCode,
    handling_unit_id: r.unitId,
    receiving_unit_id: r.unitId,
    channel: r.channel,
    status: r.status,
    received_at: r.receivedAt,
    due_at: r.dueAt,
    original_due_at: r.dueAt,
    finished_at: r.finishedAt,
    supplement_requests: r.supplementRequests,
    fee_vnd: r.feeVnd,
    paid: r.paid,
    digitized_dossier: r.digitizedDossier,
    digitized_result: r.digitizedResult,
    reused_data: r.reusedData,
    rating: r.rating,
    complaint: r.complaint,
  };
}

const comparable = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : v ?? null);

/** Names of the columns whose value differs from the stored row. */
function changedColumns(r: ImportItem, stored: DossierRow): string[] {
  return Object.entries(columnsOf(r))
    .filter(([k, v]) => comparable(v) !== comparable(k.endsWith('_id') || k === 'fee_vnd' ? Number(stored[k as keyof DossierRow]) : stored[k as keyof DossierRow]))
    .map(([k]) => k);
}

/**
 * Checks every row against the others and the database: procedure and unit (resolved at the date of
 * receipt, since codes were reused in 2025), duplicate codes, and codes already used by dossiers
 * handled live in this system.
 */
export async function validateDossierImport(db: Db, rows: TabularRow[]): Promise<{ items: ImportItem[]; rejected: RejectedRow[] }> {
  const header = headerProblem(rows);
  if (header) return { items: [], rejected: [{ line: 1, reason: header }] };
  const procedures = new Map<string, boolean>();
  const units = new Map<string, number | null>();
  const firstLine = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  const items: ImportItem[] = [];
  for (const row of rows) {
    const { value, problems } = parseImportRow(row);
    const code = (row.values.code ?? '').trim();
    const seen = firstLine.get(code);
    if (code && seen !== undefined) problems.push(`mã hồ sơ ${code} đã có ở dòng ${seen}`);
    else if (code) firstLine.set(code, row.line);
    let unitId: number | null = null;
    if (value) {
      if (!procedures.has(value.procedureCode)) procedures.set(value.procedureCode, await procedureExists(db, value.procedureCode));
      if (!procedures.get(value.procedureCode)) problems.push(`thủ tục ${value.procedureCode} không có trong danh mục`);
      const at = vnDateOf(value.receivedAt);
      const key = `${value.unitCode}@${at}`;
      if (!units.has(key)) units.set(key, (await findUnitByCode(db, value.unitCode, at))?.id ?? null);
      unitId = units.get(key) ?? null;
      if (unitId === null) problems.push(`không có đơn vị mã ${value.unitCode} vào ngày tiếp nhận ${at}`);
    }
    if (problems.length || !value || unitId === null) rejected.push({ line: row.line, reason: problems.join('; ') });
    else items.push({ ...value, unitId });
  }
  for (const batch of chunks(items, BATCH)) {
    const stored = new Map((await repo.findDossiersByCodes(db, batch.map((i) => i.code))).map((d) => [d.code, d]));
    const live = await repo.liveHandledIds(db, [...stored.values()].map((d) => d.id));
    for (const item of batch) {
      const existing = stored.get(item.code);
      if (!existing) continue;
      if (!existing.imported) {
        rejected.push({ line: item.line, reason: `mã hồ sơ ${item.code} đã dùng cho một hồ sơ tiếp nhận trên hệ thống này` });
      } else if (live.has(existing.id) && changedColumns(item, existing).length) {
        rejected.push({ line: item.line, reason: `hồ sơ ${item.code} đã được xử lý tiếp trên hệ thống này; không ghi đè bằng dữ liệu cũ` });
      } else {
        item.existing = existing;
      }
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return rejected.length ? { items: [], rejected } : { items, rejected: [] };
}

async function procedureExists(db: Db, code: string): Promise<boolean> {
  try {
    await getProcedure(db, code);
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return false;
    throw e;
  }
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

/** Writes validated items in batches; call inside the import's transaction. */
export async function applyDossierImport(db: Db, now: Date, items: ImportItem[], source: string): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: 0, updated: 0, unchanged: 0 };
  for (const batch of chunks(items, BATCH)) {
    const fresh = batch.filter((i) => !i.existing);
    const values: NewDossier[] = fresh.map((i) => ({
      ...columnsOf(i),
      code: i.code,
      applicant: null,
      form_data: '{}',
      submitted_at: i.receivedAt,
      imported: true,
    }));
    const inserted = await repo.insertDossiers(db, values);
    await repo.insertEvents(
      db,
      inserted.map((d) => ({
        dossier_id: d.id,
        at: now,
        actor_kind: SYSTEM.kind,
        actor_id: null,
        action: 'imported',
        from_status: null,
        to_status: d.status,
        reason: null,
        details: JSON.stringify({ source }),
      })),
    );
    for (const d of inserted) {
      await syncFacts(db, null, d);
      await reserveReceiptCode(db, d.code);
    }
    outcome.created += inserted.length;
    for (const item of batch.filter((i) => i.existing)) {
      const before = item.existing!;
      const changed = changedColumns(item, before);
      if (changed.length === 0) {
        outcome.unchanged++;
        continue;
      }
      const after = await repo.updateDossier(db, before.id, before.version, { ...(columnsOf(item) as DossierPatch), updated_at: now });
      // The rows are locked by nobody else during a CLI import; a miss means a concurrent writer.
      if (!after) throw new Error(`dossier ${before.code} changed during the import`);
      await repo.insertEvents(db, [
        {
          dossier_id: after.id,
          at: now,
          actor_kind: SYSTEM.kind,
          actor_id: null,
          action: 'import_updated',
          from_status: before.status,
          to_status: after.status,
          reason: null,
          details: JSON.stringify({ source, changed }),
        },
      ]);
      await syncFacts(db, before, after);
      outcome.updated++;
    }
  }
  return outcome;
}

/** The CLI entry: reads, validates and writes in one transaction; nothing is written when a row is bad. */
export async function importDossiersFile(db: Db, file: string, now = new Date()): Promise<ImportReport> {
  const rows = await readTabularFile(file);
  const source = path.basename(file);
  return db.transaction().execute(async (trx) => {
    const { items, rejected } = await validateDossierImport(trx, rows);
    if (rejected.length) return { accepted: 0, rejected };
    const outcome = await applyDossierImport(trx, now, items, source);
    await repo.recordSystemAudit(trx, 'dossier.import', `file:${source}`, { accepted: items.length, ...outcome });
    return { accepted: items.length, rejected: [] };
  });
}

/**
 * Catalogue rules: public search and lookup, export, and the all-or-nothing import shared by HTTP
 * and the CLI. Knows no HTTP; throws domain errors.
 */
import type { OnlineLevel, ProcedureExportFormat, ProcedureInput, ProcedureLevel } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { toCsv } from '../../shared/csv.ts';
import { vnToday } from '../../shared/dates.ts';
import type { ImportReport, RejectedRow } from '../../shared/import-report.ts';
import { authorize, type Actor } from '../../shared/policy.ts';
import { readTabularBuffer, toXlsx, type TabularRow } from '../../shared/tabular.ts';
import { getUnit, type UnitRowWithParent } from '../units/units.service.ts';
import { rowToInput } from './catalog.presenter.ts';
import * as repo from './catalog.repo.ts';
import { cellsToProcedure, PROCEDURE_COLUMNS, procedureToCells, REQUIRED_COLUMNS } from './catalog.tabular.ts';
import { checkProcedure } from './catalog.validate.ts';

export type { ProcedureRow } from './catalog.repo.ts';

export interface SearchQuery {
  q?: string;
  level?: ProcedureLevel;
  agency?: string;
  field?: string;
  online?: OnlineLevel;
  complete?: boolean;
  limit?: number;
  offset?: number;
}

export function searchProcedures(db: Db, q: SearchQuery) {
  return repo.searchProcedures(db, { ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
}

/** Inputs of the §4.2 indicator "procedures published with complete information", per level. */
export const publicationCounts = repo.publicationCounts;

/** The procedure with this code; throws NOT_FOUND. */
export async function getProcedure(db: Db, code: string): Promise<repo.ProcedureRow> {
  const row = await repo.findProcedure(db, code);
  if (!row) throw errors.notFound(`thủ tục có mã ${code}`, `Procedure ${code}`, { code });
  return row;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** The whole catalogue as CSV (with BOM, for Excel) or XLSX, in the layout the import reads. */
export async function exportCatalog(db: Db, format: ProcedureExportFormat): Promise<ExportFile> {
  const rows = (await repo.allProcedures(db)).map((r) => procedureToCells(rowToInput(r), r.complete));
  const header = [...PROCEDURE_COLUMNS];
  const base = `danh-muc-tthc-${vnToday()}`;
  if (format === 'xlsx') {
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx('Danh mục TTHC', header, rows),
    };
  }
  return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(header, rows) };
}

/** Only an admin of the whole province edits the catalogue; returns the province unit for the audit row. */
export async function authorizeCatalogEdit(db: Db, actor: Actor | null, provinceCode: string): Promise<UnitRowWithParent> {
  const province = await getUnit(db, provinceCode);
  authorize(actor, 'procedure.edit', { unitPath: province.path });
  return province;
}

/**
 * Reads an uploaded CSV or XLSX (a Buffer, or a string when sent as text/plain); a file that is
 * neither is a validation error, not a crash.
 */
export async function readImportBuffer(body: unknown): Promise<TabularRow[]> {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (!Buffer.isBuffer(buf) || buf.length === 0) throw errors.validation({ field: 'body' }, 'Chưa gửi tệp CSV hoặc XLSX.');
  try {
    return await readTabularBuffer(buf);
  } catch (e) {
    throw errors.validation({ reason: (e as Error).message }, 'Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX.');
  }
}

/**
 * Checks every row (and the rows against each other and the database) and reports all bad rows at
 * once, so the official fixes the file in one pass.
 */
export async function validateImport(db: Db, rows: TabularRow[]): Promise<{ items: ProcedureInput[]; rejected: RejectedRow[] }> {
  const present = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (rows.length === 0) return { items: [], rejected: [{ line: 1, reason: 'tệp không có dòng dữ liệu nào' }] };
  if (missing.length) return { items: [], rejected: [{ line: 1, reason: `thiếu cột: ${missing.join(', ')}` }] };

  const checked = rows.map(({ line, values }) => {
    const { entry, problems } = cellsToProcedure(values);
    const result = checkProcedure(entry);
    return { line, value: result.value, problems: [...problems, ...result.problems] };
  });
  const good = checked.flatMap((c) => (c.value ? [c.value] : []));
  const fileCodes = new Set(checked.map((c) => c.value?.code).filter((c): c is string => !!c));
  const [units, stored] = await Promise.all([
    repo.existingUnitCodes(db, [...new Set(good.map((p) => p.agencyCode).filter((c): c is string => !!c))]),
    repo.existingCodes(db, [...new Set(good.flatMap((p) => p.chainNext))]),
  ]);
  const firstLine = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  for (const c of checked) {
    const problems = [...c.problems];
    const p = c.value;
    if (p) {
      const seen = firstLine.get(p.code);
      if (seen !== undefined) problems.push(`mã ${p.code} đã có ở dòng ${seen}`);
      else firstLine.set(p.code, c.line);
      if (p.agencyCode && !units.has(p.agencyCode)) problems.push(`mã cơ quan ${p.agencyCode} không có trong danh mục đơn vị`);
      const unknown = p.chainNext.filter((x) => !fileCodes.has(x) && !stored.has(x));
      if (unknown.length) problems.push(`thủ tục liên thông chưa có trong danh mục: ${unknown.join(', ')}`);
    }
    if (problems.length) rejected.push({ line: c.line, reason: problems.join('; ') });
  }
  return rejected.length ? { items: [], rejected } : { items: good, rejected: [] };
}

export interface ImportContext {
  /** Unit the change is recorded against (the province). */
  unitId: number | null;
  requestId?: string;
  via: 'http' | 'cli';
}

/** Writes validated entries and the audit row; call inside a transaction. */
export async function applyImport(
  db: Db,
  actor: Actor | null,
  items: ProcedureInput[],
  ctx: ImportContext,
): Promise<ImportReport> {
  const before = await repo.existingCodes(
    db,
    items.map((p) => p.code),
  );
  const written = await repo.upsertProcedures(db, items);
  const created = written.filter((c) => !before.has(c));
  const updated = written.filter((c) => before.has(c));
  const details = { via: ctx.via, accepted: items.length, created, updated, unchanged: items.length - written.length };
  if (actor) {
    await recordAudit(db, {
      actor,
      action: 'procedure.import',
      target: 'procedures',
      unitId: ctx.unitId,
      requestId: ctx.requestId,
      details,
    });
  } else {
    await repo.recordSystemAudit(db, 'procedure.import', 'procedures', ctx.unitId, details);
  }
  return { accepted: items.length, rejected: [] };
}

/**
 * HTTP import: all rows good → written and reported; otherwise IMPORT_REJECTED with every bad row and
 * nothing written. Call inside a transaction, after authorizeCatalogEdit.
 */
export async function importProcedures(
  db: Db,
  actor: Actor,
  rows: TabularRow[],
  ctx: Omit<ImportContext, 'via'>,
): Promise<ImportReport> {
  const { items, rejected } = await validateImport(db, rows);
  if (rejected.length) throw errors.importRejected({ accepted: 0, rejected } satisfies ImportReport);
  return applyImport(db, actor, items, { ...ctx, via: 'http' });
}

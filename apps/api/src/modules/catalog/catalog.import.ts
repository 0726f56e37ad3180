/**
 * `motcua import procedures FILE`: adds or updates catalogue entries from CSV/XLSX in the export
 * layout (docs/catalog.md). Same validation as POST /api/v1/procedures/import; all-or-nothing.
 */
import type { Db } from '../../db/client.ts';
import type { ImportReport } from '../../shared/import-report.ts';
import { readTabularFile } from '../../shared/tabular.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { loadConfig } from '../../env.ts';
import { applyImport, validateImport } from './catalog.service.ts';

export async function importProceduresFile(db: Db, file: string): Promise<ImportReport> {
  const { items, rejected } = await validateImport(db, await readTabularFile(file));
  if (rejected.length) return { accepted: 0, rejected };
  const province = await findUnitByCode(db, loadConfig().provinceCode);
  return db.transaction().execute((trx) => applyImport(trx, null, items, { unitId: province?.id ?? null, via: 'cli' }));
}

/**
 * Loads the starter catalogue shipped in data/product/procedures (one JSON file per field, each an
 * array of ProcedureInput; format and sources in docs/catalog.md) when the catalogue is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureInput } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { PRODUCT_DATA_DIR } from '../../shared/paths.ts';
import { countProcedures, upsertProcedures } from './catalog.repo.ts';
import { checkProcedure } from './catalog.validate.ts';

export const STARTER_DIR = path.join(PRODUCT_DATA_DIR, 'procedures');

/**
 * Reads and checks every starter file. Shipped data that breaks a rule is a bug in this repository,
 * so it throws, naming the file and the entry, rather than loading a partial catalogue.
 */
export function readStarterCatalog(dir = STARTER_DIR): ProcedureInput[] {
  const out: ProcedureInput[] = [];
  const seen = new Map<string, string>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const entries: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!Array.isArray(entries)) throw new Error(`${file}: phải là một mảng thủ tục`);
    entries.forEach((e: unknown, i) => {
      const r = checkProcedure(e);
      if (!r.value) throw new Error(`${file} [${i}]: ${r.problems.join('; ')}`);
      const other = seen.get(r.value.code);
      if (other) throw new Error(`${file} [${i}]: mã ${r.value.code} đã có trong ${other}`);
      seen.set(r.value.code, file);
      out.push(r.value);
    });
  }
  const missing = out.flatMap((p) => p.chainNext.filter((c) => !seen.has(c)).map((c) => `${p.code}→${c}`));
  if (missing.length) throw new Error(`Liên thông tới thủ tục không có trong danh mục: ${missing.join(', ')}`);
  return out;
}

/** Loads the starter procedure catalogue when the catalogue is empty. Returns rows written. */
export async function loadStarterCatalog(db: Db): Promise<number> {
  if ((await countProcedures(db)) > 0) return 0;
  const items = readStarterCatalog();
  return (await db.transaction().execute((trx) => upsertProcedures(trx, items))).length;
}

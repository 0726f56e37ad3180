/**
 * Loads the real unit data shipped in data/reference (see its SOURCES.md) into the units table:
 * the 34 provinces and 3,321 communes valid from 1/7/2025; the pre-reform An Giang (89) and
 * Kiên Giang (91) with their districts and communes, valid until 1/7/2025 and mapped to their
 * successors; and the provincial agencies named in the seeds (data/product/agencies_91.csv).
 * Old and new units with the same code are distinct rows: codes were reused by the reform.
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { readCsvFile } from '../../shared/csv.ts';
import { PRODUCT_DATA_DIR, REFERENCE_DIR } from '../../shared/paths.ts';
import type { UnitKind } from '@motcua/contracts';

/** Day the two-level local government took effect (NQ 202/2025/QH15; NQ 1654/NQ-UBTVQH15). */
export const REFORM_DATE = '2025-07-01';

export interface UnitSeed {
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  subtype: string;
  /** Parent by code, resolved among units of the same era (old vs new). */
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCodes?: string[];
}

function era(validTo: string | null): 'old' | 'new' {
  return validTo && validTo <= REFORM_DATE ? 'old' : 'new';
}

/** Reads every reference file into seeds, parents before children. */
export function referenceUnitSeeds(refDir = REFERENCE_DIR, productDir = PRODUCT_DATA_DIR): UnitSeed[] {
  const seeds: UnitSeed[] = [];
  for (const p of readCsvFile(path.join(refDir, 'provinces_34_2025.csv'))) {
    seeds.push({ code: p.code!, name: p.name!, shortName: p.short_name || null, kind: 'province', subtype: p.type!, parentCode: null, validFrom: REFORM_DATE, validTo: null });
  }
  for (const c of readCsvFile(path.join(refDir, 'communes_2025_all.csv'))) {
    seeds.push({ code: c.code!, name: c.name!, kind: 'commune', subtype: c.type!, parentCode: c.province_code!, validFrom: REFORM_DATE, validTo: null });
  }
  const old = readCsvFile(path.join(refDir, 'an_giang_kien_giang_pre2025_units.csv'));
  const seen = new Set<string>();
  for (const r of old) {
    const prov = r.old_province_code!;
    if (!seen.has(`p${prov}`)) {
      seen.add(`p${prov}`);
      seeds.push({ code: prov, name: r.old_province_name!, shortName: r.old_province_name!.replace(/^Tỉnh /, ''), kind: 'province', subtype: 'Tỉnh', parentCode: null, validFrom: null, validTo: REFORM_DATE, successorCodes: ['91'] });
    }
    if (!seen.has(`d${r.district_code}`)) {
      seen.add(`d${r.district_code}`);
      seeds.push({ code: r.district_code!, name: r.district_name!, kind: 'district', subtype: r.district_type!, parentCode: prov, validFrom: null, validTo: REFORM_DATE, successorCodes: [] });
    }
  }
  for (const r of old) {
    seeds.push({
      code: r.commune_code!,
      name: r.commune_name!,
      kind: 'commune',
      subtype: r.commune_type!,
      parentCode: r.district_code!,
      validFrom: null,
      validTo: REFORM_DATE,
      successorCodes: (r.new_commune_codes ?? '').split(';').map((s) => s.trim()).filter(Boolean),
    });
  }
  // A district's successors are the new communes its communes went into.
  for (const d of seeds.filter((s) => s.kind === 'district')) {
    const succ = new Set(seeds.filter((s) => s.parentCode === d.code && s.kind === 'commune' && era(s.validTo) === 'old').flatMap((s) => s.successorCodes ?? []));
    d.successorCodes = [...succ].sort();
  }
  for (const a of readCsvFile(path.join(productDir, 'agencies_91.csv'))) {
    seeds.push({ code: a.code!, name: a.name!, shortName: a.short_name || null, kind: 'agency', subtype: a.subtype!, parentCode: a.parent_code || null, validFrom: REFORM_DATE, validTo: null });
  }
  return seeds;
}

/**
 * Inserts seeds in order, resolving parents by code within the same era. Returns how many rows were
 * written. Runs in the caller's transaction.
 */
export async function insertUnitSeeds(db: Db, seeds: UnitSeed[]): Promise<number> {
  const ids = new Map<string, number>();
  const existing = await db.selectFrom('units').select(['id', 'code', 'valid_to']).execute();
  for (const e of existing) ids.set(`${era(e.valid_to)}:${e.code}`, e.id);
  let written = 0;
  // Batches keep round-trips low (3,600 rows) while parents are always inserted before children.
  const pending = [...seeds];
  while (pending.length > 0) {
    const ready = pending.filter((s) => !s.parentCode || ids.has(`${era(s.validTo)}:${s.parentCode}`));
    if (ready.length === 0) {
      throw new Error(`Không tìm thấy đơn vị cấp trên: ${pending.slice(0, 5).map((s) => `${s.code}→${s.parentCode}`).join(', ')}`);
    }
    for (let i = 0; i < ready.length; i += 500) {
      const chunk = ready.slice(i, i + 500).filter((s) => !ids.has(`${era(s.validTo)}:${s.code}`));
      if (chunk.length === 0) continue;
      const rows = await db
        .insertInto('units')
        .values(
          chunk.map((s) => ({
            code: s.code,
            name: s.name.normalize('NFC'),
            short_name: s.shortName ?? null,
            kind: s.kind,
            subtype: s.subtype,
            parent_id: s.parentCode ? ids.get(`${era(s.validTo)}:${s.parentCode}`)! : null,
            path: '/',
            valid_from: s.validFrom,
            valid_to: s.validTo,
            successor_codes: s.successorCodes ?? [],
          })),
        )
        .returning(['id', 'code', 'valid_to'])
        .execute();
      for (const r of rows) ids.set(`${era(r.valid_to)}:${r.code}`, r.id);
      written += rows.length;
    }
    const readySet = new Set(ready);
    pending.splice(0, pending.length, ...pending.filter((s) => !readySet.has(s)));
  }
  // Materialised paths for the whole tree in one statement.
  await sql`
    WITH RECURSIVE t AS (
      SELECT id, '/' || id || '/' AS p FROM units WHERE parent_id IS NULL
      UNION ALL
      SELECT u.id, t.p || u.id || '/' FROM units u JOIN t ON u.parent_id = t.id
    )
    UPDATE units SET path = t.p FROM t WHERE units.id = t.id AND units.path <> t.p`.execute(db);
  return written;
}

/** Loads the reference units when the table is empty (first start). */
export async function loadReferenceUnits(db: Db): Promise<number> {
  const n = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n.n) > 0) return 0;
  return db.transaction().execute((trx) => insertUnitSeeds(trx, referenceUnitSeeds()));
}

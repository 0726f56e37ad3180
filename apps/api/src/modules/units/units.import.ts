/**
 * `motcua import units FILE`: adds or updates units (e.g. agencies, or a later reorganisation) from
 * CSV/XLSX with columns `code, name, kind, subtype, parent_code, valid_from, valid_to, short_name`.
 * All-or-nothing: one bad row and nothing is written.
 */
import { UNIT_KINDS, type UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { isIsoDate } from '../../shared/dates.ts';
import type { ImportReport, RejectedRow } from '../../shared/import-report.ts';
import { readTabularFile, type TabularRow } from '../../shared/tabular.ts';
import { insertUnitSeeds, type UnitSeed } from './units.loader.ts';

const CODE = /^[0-9A-Z][0-9A-Z.]*$/;

export function validateUnitRows(rows: TabularRow[]): { seeds: UnitSeed[]; rejected: RejectedRow[] } {
  const seeds: UnitSeed[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of rows) {
    const problems: string[] = [];
    const code = (v.code ?? '').toUpperCase();
    if (!CODE.test(code)) problems.push(`mã đơn vị "${v.code ?? ''}" không hợp lệ (chữ số, chữ in hoa, dấu chấm)`);
    if (!v.name) problems.push('thiếu tên đơn vị');
    if (!UNIT_KINDS.includes(v.kind as UnitKind)) problems.push(`loại "${v.kind ?? ''}" không hợp lệ (${UNIT_KINDS.join('|')})`);
    if (!v.subtype) problems.push('thiếu phân loại (subtype)');
    for (const f of ['valid_from', 'valid_to'] as const) {
      if (v[f] && !isIsoDate(v[f]!)) problems.push(`${f} "${v[f]}" không phải ngày YYYY-MM-DD`);
    }
    if (v.valid_from && v.valid_to && v.valid_from >= v.valid_to) problems.push('valid_from phải trước valid_to');
    const key = `${code}@${v.valid_from ?? ''}`;
    if (seen.has(key)) problems.push(`mã ${code} lặp lại trong tệp`);
    seen.add(key);
    if (problems.length) {
      rejected.push({ line, reason: problems.join('; ') });
      continue;
    }
    seeds.push({
      code,
      name: v.name!,
      shortName: v.short_name || null,
      kind: v.kind as UnitKind,
      subtype: v.subtype!,
      parentCode: v.parent_code ? v.parent_code.toUpperCase() : null,
      validFrom: v.valid_from || null,
      validTo: v.valid_to || null,
    });
  }
  return { seeds, rejected };
}

export async function importUnitsFile(db: Db, file: string): Promise<ImportReport> {
  const rows = await readTabularFile(file);
  const { seeds, rejected } = validateUnitRows(rows);
  const current = new Set((await db.selectFrom('units').select('code').where('valid_to', 'is', null).execute()).map((r) => r.code));
  // A parent must exist already or come in the same file.
  const inFile = new Set(seeds.map((s) => s.code));
  seeds.forEach((s, i) => {
    if (s.parentCode && !current.has(s.parentCode) && !inFile.has(s.parentCode)) {
      const line = rows.find((r) => (r.values.code ?? '').toUpperCase() === s.code)?.line ?? i + 2;
      rejected.push({ line, reason: `không có đơn vị cấp trên mã ${s.parentCode}` });
    }
  });
  if (rejected.length) return { accepted: 0, rejected: rejected.sort((a, b) => a.line - b.line) };
  await db.transaction().execute(async (trx) => {
    for (const s of seeds.filter((x) => current.has(x.code))) {
      await trx
        .updateTable('units')
        .set({ name: s.name, short_name: s.shortName ?? null, subtype: s.subtype, valid_to: s.validTo })
        .where('code', '=', s.code)
        .where('valid_to', 'is', null)
        .execute();
    }
    await insertUnitSeeds(trx, seeds.filter((x) => !current.has(x.code)));
  });
  return { accepted: seeds.length, rejected: [] };
}

/** Unit rules: resolving codes at a date (codes were reused in 2025), tree queries, contact edits. */
import type { UnitContactUpdate, UnitKind } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { vnToday } from '../../shared/dates.ts';
import { authorize, type Actor } from '../../shared/policy.ts';
import * as repo from './units.repo.ts';

export type { UnitRow, UnitRowWithParent } from './units.repo.ts';

export const ADMINISTRATIVE_KINDS: UnitKind[] = ['province', 'district', 'commune'];

export const unitNotFound = (code: string, at: string) =>
  errors.notFound(`đơn vị có mã ${code} vào ngày ${at}`, `Unit ${code} on ${at}`, { code, at });

/** The unit with this code valid on `at` (default: today in Việt Nam); throws NOT_FOUND. */
export async function getUnit(db: Db, code: string, at = vnToday()): Promise<repo.UnitRowWithParent> {
  const row = await repo.findUnitByCode(db, code, at);
  if (!row) throw unitNotFound(code, at);
  return row;
}

export const findUnitByCode = (db: Db, code: string, at = vnToday()) => repo.findUnitByCode(db, code, at);
export const findUnitById = repo.findUnitById;

export interface ListQuery {
  parent?: string;
  kind?: UnitKind | 'administrative' | 'all';
  at?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/**
 * Lists units. Without `kind`, administrative units only (province/district/commune): agencies hang
 * under the province too, and "the communes of 91" is the question people ask.
 */
export async function listUnits(db: Db, q: ListQuery) {
  const at = q.at ?? vnToday();
  let parentId: number | null | undefined;
  if (q.parent) parentId = (await getUnit(db, q.parent, at)).id;
  else if (!q.q) parentId = null;
  const kind = q.kind ?? 'administrative';
  const kinds = kind === 'all' ? undefined : kind === 'administrative' ? ADMINISTRATIVE_KINDS : [kind];
  return repo.listUnits(db, { at, parentId, kinds, q: q.q, limit: q.limit ?? 500, offset: q.offset ?? 0 });
}

export async function getUnitWithAncestors(db: Db, code: string, at = vnToday()) {
  const row = await getUnit(db, code, at);
  return { row, ancestors: await repo.ancestorsOf(db, row) };
}

export const ancestorsOf = repo.ancestorsOf;
export const subtreeOf = repo.subtreeOf;

/** Children valid on `at`. */
export async function childrenOf(db: Db, code: string, at = vnToday()) {
  return (await listUnits(db, { parent: code, at, kind: 'all', limit: 10_000 })).rows;
}

export async function updateUnitContact(db: Db, actor: Actor | null, code: string, patch: UnitContactUpdate) {
  const row = await getUnit(db, code);
  authorize(actor, 'unit.update', { unitPath: row.path });
  const contact: Record<string, string> = { ...(row.contact ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === '') delete contact[k];
    else contact[k] = v.trim();
  }
  await repo.updateContact(db, row.id, contact);
  return getUnit(db, code);
}

/**
 * Communes abolished by a reorganisation, by the new commune they went into: the units valid on `at`
 * (before the reform) whose successors include each code. An old commune split across several new
 * ones appears under each of them.
 */
export async function predecessorsOf(db: Db, newCodes: string[], at: string): Promise<Map<string, string[]>> {
  const rows = await repo.listWithSuccessors(db, at);
  const wanted = new Set(newCodes);
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (r.kind !== 'commune') continue;
    for (const s of r.successor_codes) {
      if (!wanted.has(s)) continue;
      out.set(s, [...(out.get(s) ?? []), r.code]);
    }
  }
  return out;
}

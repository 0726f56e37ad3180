/**
 * Who may see and act on a dossier. Acting is scoped by the handling unit (the unit that decides);
 * reading also by the receiving unit and the units that transferred the dossier away, so every desk
 * that touched it can follow it (and by the successors of a unit abolished in 2025). A dossier outside the reader's scope answers NOT_FOUND, so its
 * existence is not revealed; an action outside the scope answers FORBIDDEN (docs/dossiers.md).
 */
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { can, type Action, type Actor } from '../../shared/policy.ts';
import { findUnitByCode, findUnitById, type UnitRow } from '../units/units.service.ts';
import type { DossierRow } from './dossiers.repo.ts';

export async function unitOf(db: Db, id: number): Promise<UnitRow> {
  const u = await findUnitById(db, id);
  // The foreign key guarantees the row; a miss means a broken database, not a user error.
  if (!u) throw new Error(`unit ${id} missing`);
  return u;
}

/** Throws UNAUTHENTICATED without an actor, FORBIDDEN unless one of `actions` is allowed on `unitPath`. */
export function authorizeAny(actor: Actor | null | undefined, actions: readonly Action[], unitPath: string): asserts actor is Actor {
  if (!actor) throw errors.unauthenticated();
  if (!actions.some((a) => can(actor, a, { unitPath }))) throw errors.forbidden({ action: actions.join('|') });
}

/**
 * Whether the actor may read the dossier (see the file comment for the units that count). A unit
 * abolished by the 2025 reform is read through its successors, so today's staff see the history of
 * the communes merged into theirs.
 */
export async function canRead(db: Db, actor: Actor | null | undefined, row: DossierRow): Promise<boolean> {
  if (!actor) return false;
  const ids = [...new Set([row.handling_unit_id, row.receiving_unit_id, ...(row.past_unit_ids ?? [])].map(Number))];
  for (const id of ids) {
    const unit = await unitOf(db, id);
    if (can(actor, 'dossier.read', { unitPath: unit.path })) return true;
    if (!unit.valid_to) continue;
    for (const code of unit.successor_codes ?? []) {
      const successor = await findUnitByCode(db, code, unit.valid_to);
      if (successor && can(actor, 'dossier.read', { unitPath: successor.path })) return true;
    }
  }
  return false;
}

export function notFoundDossier(code: string) {
  return errors.notFound(`hồ sơ có mã ${code}`, `Dossier ${code}`, { code });
}

/** Reading: UNAUTHENTICATED without an actor, NOT_FOUND when out of scope (same answer as a wrong code). */
export async function authorizeRead(db: Db, actor: Actor | null | undefined, row: DossierRow): Promise<void> {
  if (!actor) throw errors.unauthenticated();
  if (!(await canRead(db, actor, row))) throw notFoundDossier(row.code);
}

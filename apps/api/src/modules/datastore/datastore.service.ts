/**
 * The personal-data access log (Nghị định 13/2023/NĐ-CP; DESIGN §4.3): every read of a person's
 * dossier or document, by an official or by the person, is recorded with who, their unit, what, why
 * and the request id, and the person can read their own log. Other modules call
 * `recordPersonalDataAccess` in the request that reads the data; this module reads no other table.
 */
import type { AccessAction, AccessLog, AccessTarget } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor, CitizenActor } from '../../shared/policy.ts';
import { findUnitById } from '../units/units.service.ts';
import { presentAccess } from './datastore.presenter.ts';
import * as repo from './datastore.repo.ts';

export interface PersonalDataAccess {
  /** The person the data is about. */
  citizenId: number;
  /** Who read it: an official, the person themself, or null for the system. */
  actor: Actor | CitizenActor | null;
  action: AccessAction;
  what: { kind: AccessTarget; ref: string };
  /** Why, in Vietnamese ("Giải quyết hồ sơ 30307-260302-0001"). */
  purpose: string;
  requestId?: string;
  /** Defaults to now. */
  at?: Date;
}

/** Appends one access to the person's log; call it in the request (or transaction) that reads the data. */
export async function recordPersonalDataAccess(db: Db, a: PersonalDataAccess): Promise<void> {
  const who = await actorColumns(db, a.actor);
  await repo.insertAccess(db, {
    citizen_id: a.citizenId,
    at: a.at ?? new Date(),
    ...who,
    action: a.action,
    what_kind: a.what.kind,
    what_ref: a.what.ref.slice(0, 100),
    purpose: a.purpose.normalize('NFC').slice(0, 300),
    request_id: a.requestId ?? null,
  });
}

/** Name and unit as they are now: the log keeps them even if the official moves or the unit is renamed. */
async function actorColumns(db: Db, actor: Actor | CitizenActor | null) {
  if (!actor) return { actor_kind: 'system' as const, actor_id: null, actor_name: 'Hệ thống', actor_unit_code: null, actor_unit_name: null };
  if (actor.kind === 'citizen') {
    return { actor_kind: 'citizen' as const, actor_id: String(actor.citizenId), actor_name: actor.fullName, actor_unit_code: null, actor_unit_name: null };
  }
  const unit = await findUnitById(db, actor.unitId);
  return {
    actor_kind: 'staff' as const,
    actor_id: String(actor.staffId),
    actor_name: actor.fullName,
    actor_unit_code: actor.unitCode,
    actor_unit_name: unit?.name ?? actor.unitCode,
  };
}

/** The citizen's own access log, newest first. There is no way to ask for anyone else's. */
export async function accessLogFor(db: Db, citizen: CitizenActor, page: { limit: number; offset: number }): Promise<AccessLog> {
  const { rows, total } = await repo.listAccess(db, citizen.citizenId, page);
  return { items: rows.map(presentAccess), total };
}

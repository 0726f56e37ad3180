/**
 * Whose desk figures an actor reads (docs/desk-support.md, "who sees what"):
 * - desk.read roles (coordinators, monitors, admins) read their unit's subtree; a coordinator of the
 *   unit that runs a subscriber-verification campaign also reads the campaign's whole area, as on the
 *   campaign itself (campaigns.access.ts): Sở KH&CN follows every commune although its own subtree
 *   holds none (seed 002 IV.1.a: "Giao Phòng Chuyển đổi số chủ trì, theo dõi, đôn đốc").
 * - a carrier's reporter reads the payout of its own carrier for the whole province: the carrier pays
 *   it (seed 000 V.2), and reads nothing else here.
 * - anyone else with desk.record reads only their own records.
 */
import type { MobileCarrier } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { inSubtree, PERMISSIONS, type Actor } from '../../shared/policy.ts';
import { visibleCampaigns } from '../campaigns/campaigns.access.ts';
import { findUnitByCode } from '../units/units.service.ts';

export const hasAction = (actor: Actor, action: keyof typeof PERMISSIONS) =>
  actor.roles.some((r) => (PERMISSIONS[action] as readonly string[]).includes(r));

/** Subtrees whose desk records and self-checks the actor reads; empty without desk.read. */
export async function readPaths(db: Db, actor: Actor): Promise<string[]> {
  if (!hasAction(actor, 'desk.read')) return [];
  const paths = [actor.unitPath];
  if (actor.roles.includes('campaign_coordinator')) {
    for (const c of await visibleCampaigns(db, actor)) {
      if (c.kind === 'subscriber_verification' && inSubtree(c.coordinator_path, actor.unitPath)) paths.push(c.scope_path);
    }
  }
  // Keep the widest: a path inside another adds nothing.
  return [...new Set(paths)].filter((p, _i, all) => !all.some((q) => q !== p && inSubtree(q, p)));
}

export interface ScopedUnit {
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * The unit a read is about: the one asked for if it lies in one of `paths` (403 otherwise; 404 when no
 * such unit), else the widest of `paths`.
 */
export async function unitInScope(db: Db, paths: string[], unitCode: string | undefined): Promise<ScopedUnit> {
  if (paths.length === 0) throw errors.forbidden({ action: 'desk.read' });
  if (unitCode) {
    const u = await findUnitByCode(db, unitCode);
    if (!u) throw errors.notFound(`đơn vị ${unitCode}`, `Unit ${unitCode}`);
    if (!paths.some((p) => inSubtree(p, u.path))) throw errors.forbidden({ action: 'desk.read', unit: unitCode });
    return { id: u.id, code: u.code, name: u.name, path: u.path };
  }
  const widest = [...paths].sort((a, b) => a.length - b.length)[0]!;
  return unitByPath(db, widest);
}

/** The unit at a materialised path: its id is the path's last segment. */
export async function unitByPath(db: Db, path: string): Promise<ScopedUnit> {
  const id = Number(path.split('/').filter(Boolean).pop());
  const u = await db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('id', '=', id).executeTakeFirst();
  if (!u || u.path !== path) throw errors.notFound(`đơn vị`, 'Unit');
  return { id: Number(u.id), code: u.code, name: u.name, path: u.path };
}

/** Carrier units of the province and the carrier (phone.ts name) each one is. */
const CARRIER_OF_UNIT_SUFFIX: Record<string, MobileCarrier> = { VIETTEL: 'Viettel', VNPT: 'VinaPhone', MOBIFONE: 'MobiFone' };

/** The carrier a partner reporter's unit is (91.VIETTEL → Viettel), or null for anyone else. */
export function carrierOfActor(actor: Actor): MobileCarrier | null {
  if (!actor.roles.includes('partner_reporter')) return null;
  const suffix = actor.unitCode.split('.').pop()?.toUpperCase() ?? '';
  return actor.unitCode.includes('.') ? (CARRIER_OF_UNIT_SUFFIX[suffix] ?? null) : null;
}

/** The province a unit belongs to: the first segment of its path. */
export const provincePathOf = (unitPath: string) => `/${unitPath.split('/').filter(Boolean)[0]}/`;

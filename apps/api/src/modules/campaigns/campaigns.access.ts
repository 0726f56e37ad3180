/**
 * Who sees and does what on a campaign (docs/campaigns.md, "who sees what"). Every campaign module
 * (partner reports, field work, desk records, progress) goes through `campaignAccess`.
 *
 * - The coordinating unit's staff act on the whole area of the campaign: Công an tỉnh runs the VNeID
 *   drive for every commune although the police unit's own subtree holds no commune.
 * - Anyone else with the role sees the part of the area inside their own subtree: a commune's
 *   coordinator sees and approves only its commune; the province's monitors see everything.
 * - A partner reporter (a carrier's or the post's staff) is tied to the partner unit it belongs to; it
 *   reports on every unit of the area but reads only its own partner's reports.
 */
import type { Role } from '@motcua/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { inSubtree, PERMISSIONS, type Action, type Actor } from '../../shared/policy.ts';
import type { CampaignsTable } from './campaigns.tables.ts';
import type { Selectable } from 'kysely';

export type CampaignRow = Selectable<CampaignsTable> & {
  scope_path: string;
  scope_code: string;
  coordinator_path: string;
  coordinator_code: string;
};

export interface CampaignAccess {
  campaign: CampaignRow;
  /** Units whose data the actor sees on this campaign: the subtree of this path. */
  scopePath: string;
  /** Staff of the coordinating unit: area-wide rights. */
  coordinator: boolean;
  /** Set when the actor reports for a partner of this campaign. */
  partnerId: number | null;
}

/** Campaign by numeric id or by code (CLI and URLs use either). */
export async function findCampaign(db: Db, ref: number | string): Promise<CampaignRow | undefined> {
  const byId = typeof ref === 'number' || /^\d+$/.test(ref);
  return db
    .selectFrom('campaigns as c')
    .innerJoin('units as s', 's.id', 'c.scope_unit_id')
    .innerJoin('units as k', 'k.id', 'c.coordinator_unit_id')
    .selectAll('c')
    .select(['s.path as scope_path', 's.code as scope_code', 'k.path as coordinator_path', 'k.code as coordinator_code'])
    .where(byId ? sql<boolean>`c.id = ${Number(ref)}` : sql<boolean>`c.code = ${String(ref)}`)
    .executeTakeFirst();
}

const hasRole = (actor: Actor, action: Action) => actor.roles.some((r: Role) => (PERMISSIONS[action] as readonly Role[]).includes(r));

/**
 * The actor's access to a campaign for an action, or an error: 404 when the campaign is not visible
 * to them at all (its existence is not disclosed), 403 when visible but the action is not theirs.
 */
export async function campaignAccess(db: Db, actor: Actor | null, ref: number | string, action: Action): Promise<CampaignAccess> {
  if (!actor) throw errors.unauthenticated();
  const campaign = await findCampaign(db, ref);
  if (!campaign) throw errors.notFound(`chiến dịch ${ref}`, `Campaign ${ref}`);
  const access = resolveAccess(actor, campaign, await partnerOf(db, campaign.id, actor.unitId));
  if (!access) throw errors.notFound(`chiến dịch ${ref}`, `Campaign ${ref}`);
  if (!mayDo(actor, access, action)) throw errors.forbidden({ action });
  return access;
}

async function partnerOf(db: Db, campaignId: number, unitId: number): Promise<number | null> {
  const p = await db.selectFrom('campaign_partners').select('id').where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirst();
  return p?.id ?? null;
}

/** Pure rule (unit-tested): null when the campaign is invisible to the actor. */
export function resolveAccess(actor: Actor, campaign: CampaignRow, partnerId: number | null): CampaignAccess | null {
  const base = { campaign, partnerId: null as number | null };
  if (partnerId !== null && actor.roles.includes('partner_reporter')) return { ...base, partnerId, scopePath: campaign.scope_path, coordinator: false };
  if (inSubtree(campaign.coordinator_path, actor.unitPath)) return { ...base, scopePath: campaign.scope_path, coordinator: true };
  if (inSubtree(actor.unitPath, campaign.scope_path)) return { ...base, scopePath: campaign.scope_path, coordinator: false };
  if (inSubtree(campaign.scope_path, actor.unitPath)) return { ...base, scopePath: actor.unitPath, coordinator: false };
  return null;
}

function mayDo(actor: Actor, access: CampaignAccess, action: Action): boolean {
  if (action === 'campaign.report') return access.partnerId !== null || (hasRole(actor, action) && actor.roles.includes('campaign_coordinator'));
  if (action === 'campaign.read' && access.partnerId !== null) return true;
  return hasRole(actor, action);
}

/** Campaigns visible to the actor, newest window first. */
export async function visibleCampaigns(db: Db, actor: Actor): Promise<CampaignRow[]> {
  const rows = await db
    .selectFrom('campaigns as c')
    .innerJoin('units as s', 's.id', 'c.scope_unit_id')
    .innerJoin('units as k', 'k.id', 'c.coordinator_unit_id')
    .selectAll('c')
    .select(['s.path as scope_path', 's.code as scope_code', 'k.path as coordinator_path', 'k.code as coordinator_code'])
    .orderBy('c.window_start', 'desc')
    .orderBy('c.id')
    .execute();
  const partnerOfCampaign = new Set(
    (await db.selectFrom('campaign_partners').select('campaign_id').where('unit_id', '=', actor.unitId).execute()).map((r) => r.campaign_id),
  );
  return rows.filter((c) => {
    const a = resolveAccess(actor, c, partnerOfCampaign.has(c.id) ? -1 : null);
    return a !== null && (a.partnerId !== null || hasRole(actor, 'campaign.read') || hasRole(actor, 'field.work') || hasRole(actor, 'desk.record'));
  });
}

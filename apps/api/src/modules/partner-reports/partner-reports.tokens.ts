/**
 * API tokens for a partner's own system (a carrier's reporting job): issued by the campaign's
 * coordinators, shown once, stored as a SHA-256 hash, scoped to one campaign and one partner,
 * revocable. `Authorization: Bearer pt_…` on /api/v1/partner/… resolves to that partner.
 */
import crypto from 'node:crypto';
import type { PartnerTokenIssued, PartnerTokenView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { Actor } from '../../shared/policy.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import { findCampaign, type CampaignAccess, type CampaignRow } from '../campaigns/campaigns.access.ts';
import * as repo from './partner-reports.repo.ts';

export const PARTNER_TOKEN_PREFIX = 'pt_';
const TOKEN_SHAPE = /^pt_[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function invalidToken() {
  return new AppError(
    'UNAUTHENTICATED',
    'Mã truy cập của đối tác không hợp lệ hoặc đã bị thu hồi. Liên hệ đơn vị điều phối chiến dịch để được cấp mã mới.',
    'The partner token is invalid or revoked.',
  );
}

/**
 * Token management is for the campaign's whole area (coordinating unit, or province staff with
 * campaign.manage): a commune's coordinator cannot hand out a province-wide carrier's key.
 */
function requireAreaWide(access: CampaignAccess): void {
  if (access.scopePath !== access.campaign.scope_path) throw errors.forbidden({ reason: 'area_wide_only' });
}

async function partnerOfCampaign(db: Db, campaignId: number, partnerId: number): Promise<repo.PartnerRow> {
  const p = (await repo.partnersOf(db, campaignId)).find((x) => x.id === partnerId);
  if (!p) throw errors.notFound(`đối tác ${partnerId} của chiến dịch`, `Partner ${partnerId}`);
  return p;
}

const present = (t: {
  id: number;
  partner_id: number;
  label: string;
  created_at: Date;
  created_by_name: string | null;
  revoked_at: Date | null;
}): PartnerTokenView => ({
  id: Number(t.id),
  partnerId: Number(t.partner_id),
  label: t.label,
  createdAt: formatVn(new Date(t.created_at)),
  createdBy: t.created_by_name,
  revokedAt: t.revoked_at ? formatVn(new Date(t.revoked_at)) : null,
});

function tokensQuery(db: Db) {
  return db
    .selectFrom('campaign_partner_tokens as t')
    .leftJoin('staff as s', 's.id', 't.created_by')
    .select(['t.id', 't.partner_id', 't.label', 't.created_at', 't.revoked_at', 's.full_name as created_by_name']);
}

export async function issueToken(
  db: Db,
  access: CampaignAccess,
  actor: Actor,
  partnerId: number,
  label: string,
  requestId?: string,
): Promise<PartnerTokenIssued> {
  requireAreaWide(access);
  const partner = await partnerOfCampaign(db, access.campaign.id, partnerId);
  const token = PARTNER_TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const { id } = await db
    .insertInto('campaign_partner_tokens')
    .values({
      partner_id: partner.id,
      token_hash: sha256(token),
      label: label.normalize('NFC').trim(),
      created_by: actor.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: 'partner_token.issue',
    target: `partner_token:${id}`,
    unitId: partner.unit_id,
    requestId,
    details: { campaign: access.campaign.code, partner: partner.unit_code },
  });
  const row = await tokensQuery(db).where('t.id', '=', id).executeTakeFirstOrThrow();
  return { ...present(row), token };
}

export async function listTokens(db: Db, access: CampaignAccess, partnerId: number): Promise<PartnerTokenView[]> {
  requireAreaWide(access);
  await partnerOfCampaign(db, access.campaign.id, partnerId);
  return (await tokensQuery(db).where('t.partner_id', '=', partnerId).orderBy('t.id').execute()).map(present);
}

export async function revokeToken(
  db: Db,
  access: CampaignAccess,
  actor: Actor,
  partnerId: number,
  tokenId: number,
  now: Date,
  requestId?: string,
): Promise<void> {
  requireAreaWide(access);
  await partnerOfCampaign(db, access.campaign.id, partnerId);
  const t = await db
    .selectFrom('campaign_partner_tokens')
    .select(['id', 'revoked_at'])
    .where('id', '=', tokenId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!t) throw errors.notFound(`mã truy cập ${tokenId}`, `Token ${tokenId}`);
  if (t.revoked_at) return; // revoking twice is harmless
  await db.updateTable('campaign_partner_tokens').set({ revoked_at: now }).where('id', '=', tokenId).execute();
  await recordAudit(db, {
    actor,
    action: 'partner_token.revoke',
    target: `partner_token:${tokenId}`,
    requestId,
    details: { campaign: access.campaign.code },
  });
}

export interface PartnerPrincipal {
  tokenId: number;
  campaign: CampaignRow;
  partner: repo.PartnerRow;
}

/** The partner behind `Authorization: Bearer pt_…`, or UNAUTHENTICATED (401). */
export async function partnerFromAuthorization(db: Db, header: string | undefined): Promise<PartnerPrincipal> {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!TOKEN_SHAPE.test(token)) throw invalidToken();
  const t = await db
    .selectFrom('campaign_partner_tokens as t')
    .innerJoin('campaign_partners as p', 'p.id', 't.partner_id')
    .select(['t.id', 't.partner_id', 'p.campaign_id'])
    .where('t.token_hash', '=', sha256(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!t) throw invalidToken();
  const campaign = await findCampaign(db, Number(t.campaign_id));
  const partner = (await repo.partnersOf(db, Number(t.campaign_id))).find((p) => p.id === Number(t.partner_id));
  if (!campaign || !partner) throw invalidToken();
  return { tokenId: Number(t.id), campaign, partner };
}

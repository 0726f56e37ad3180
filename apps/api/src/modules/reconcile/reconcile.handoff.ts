/**
 * Hand-off of a completed reconciliation to a subscriber-verification campaign (issue 6 §5,
 * docs/reconcile.md "API job and campaign hand-off"). Seed 002 asks each commune to reach the
 * subscribers whose data do not match the registry ("trùng khớp tuyệt đối … CC/CCCD; họ, chữ đệm và
 * tên; ngày, tháng, năm sinh"), so the baseline of the metric `to_verify` per commune is the count of
 * that commune's subscribers with any status other than `match`.
 *
 * Subscribers not found in the registry (invalid_id, including passports and other papers, and
 * id_not_found) have no commune: they cannot be given to a commune and are returned as `unassigned`
 * (the carriers handle them). Communes outside the campaign's area or unknown as units are returned
 * in `skipped`, never silently dropped.
 *
 * SMS: the notification outbox is tied to dossiers, so nothing is queued here; the outreach list is
 * the run's outreach.csv only (queuing through a campaign channel is not built).
 */
import { errors } from '../../errors.ts';
import type { Db } from '../../db/client.ts';
import { findCampaign } from '../campaigns/campaigns.access.ts';
import { setBaselines } from '../campaigns/campaigns.baselines.ts';
import { findUnitByCode } from '../units/units.repo.ts';
import { vnToday } from '../../shared/dates.ts';
import type { ReconcileSummary } from './reconcile.engine.ts';

export const HANDOFF_METRIC = 'to_verify';

export interface HandoffResult {
  campaignId: number;
  campaignCode: string;
  metric: string;
  communes: { code: string; value: number }[];
  unassigned: number;
  skipped: { code: string; value: number }[];
  smsQueued: false;
}

/** Checks the campaign can receive a hand-off; throws a clear error otherwise. Returns its row. */
export async function handoffTarget(db: Db, ref: number | string) {
  const campaign = await findCampaign(db, ref);
  if (!campaign) throw errors.notFound(`chiến dịch ${ref}`, `Campaign ${ref}`);
  if (campaign.kind !== 'subscriber_verification')
    throw errors.validation(
      [{ field: 'campaign', message: 'Chiến dịch không phải loại xác thực thuê bao' }],
      `Chiến dịch ${campaign.code} không phải chiến dịch xác thực thuê bao (subscriber_verification).`,
    );
  const metric = await db
    .selectFrom('campaign_metrics')
    .select('code')
    .where('campaign_id', '=', campaign.id)
    .where('code', '=', HANDOFF_METRIC)
    .executeTakeFirst();
  if (!metric)
    throw errors.validation(
      [{ field: 'campaign', message: `Chiến dịch thiếu chỉ tiêu ${HANDOFF_METRIC}` }],
      `Chiến dịch ${campaign.code} không có chỉ tiêu "${HANDOFF_METRIC}" (thuê bao phải xác thực).`,
    );
  return campaign;
}

/** Non-match count per commune code ('' = not found in the registry). */
export function toVerifyByCommune(summary: ReconcileSummary): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, counts] of Object.entries(summary.byCommune)) {
    let n = 0;
    for (const [status, v] of Object.entries(counts)) if (status !== 'match') n += v;
    out.set(code, n);
  }
  return out;
}

export async function handOff(db: Db, ref: number | string, summary: ReconcileSummary, source: string): Promise<HandoffResult> {
  const campaign = await handoffTarget(db, ref);
  const counts = toVerifyByCommune(summary);
  const codes = [...counts.keys()].filter((c) => c !== '');
  // Commune codes are re-used across the 2025 merger (data/reference/SOURCES.md): the unit is the one
  // valid on the day of the hand-off, the registry extract being current.
  const on = vnToday();
  const byCode = new Map<string, { id: number; path: string }>();
  for (const code of codes) {
    const u = await findUnitByCode(db, code, on);
    if (u) byCode.set(code, { id: Number(u.id), path: u.path });
  }
  const communes: HandoffResult['communes'] = [];
  const skipped: HandoffResult['skipped'] = [];
  const rows: { unitId: number; value: number }[] = [];
  for (const code of codes.sort()) {
    const value = counts.get(code)!;
    const u = byCode.get(code);
    if (!u || !u.path.startsWith(campaign.scope_path)) {
      skipped.push({ code, value });
      continue;
    }
    communes.push({ code, value });
    rows.push({ unitId: Number(u.id), value });
  }
  await setBaselines(db, campaign.id, HANDOFF_METRIC, rows, source);
  return {
    campaignId: campaign.id,
    campaignCode: campaign.code,
    metric: HANDOFF_METRIC,
    communes,
    unassigned: counts.get('') ?? 0,
    skipped,
    smsQueued: false,
  };
}

/**
 * Demo data: the carriers' first two weekly reports of the seed-002 campaign (AG-XTTB-2026), sent on
 * time through the partner API and approved, so the dashboard moves (issue 5 acceptance: "uploading
 * two weekly reports per carrier moves the dashboard"). Numbers are made up, deterministic, and
 * cumulative: week 2 is never below week 1.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { vnInstant } from '../calendar/calendar.dates.ts';
import { findCampaign } from '../campaigns/campaigns.access.ts';
import { periodsOf } from '../campaigns/campaigns.periods.ts';
import { communesOf } from './partner-reports.template.ts';
import * as repo from './partner-reports.repo.ts';
import { partnerContext, submitReport } from './partner-reports.service.ts';

/** Market shares used to split a commune's subscribers between the carriers (demo only). */
const SHARES = [0.5, 0.3, 0.2];

const hash = (s: string) => crypto.createHash('sha256').update(s).digest().readUInt32BE(0);

/** Posts and approves two weekly reports per partner; returns how many reports it added (0 when already there). */
export async function seedDemoPartnerReports(db: Db, campaignCode: string): Promise<number> {
  const campaign = await findCampaign(db, campaignCode);
  if (!campaign) return 0;
  const baselines = new Map(
    (
      await db
        .selectFrom('campaign_baselines')
        .select(['unit_id', 'value'])
        .where('campaign_id', '=', campaign.id)
        .where('metric_code', '=', 'to_verify')
        .execute()
    ).map((b) => [Number(b.unit_id), Number(b.value)]),
  );
  const communes = await communesOf(db, campaign.scope_path, campaign.window_start);
  let added = 0;
  const partners = await repo.partnersOf(db, campaign.id);
  for (const [i, partner] of partners.entries()) {
    if ((await repo.latestPerPeriod(db, partner.id)).length > 0) continue;
    const ctx = await partnerContext(db, campaign, partner);
    const share = SHARES[i] ?? 0.1;
    for (const [w, period] of periodsOf(ctx.rule).slice(0, 2).entries()) {
      const week = w + 1;
      const rows = communes.map((c) => {
        const base = baselines.get(Number(c.id)) ?? 800 + (hash(c.code) % 4000);
        const pace = 0.22 + (hash(`${c.code}|${partner.unit_code}`) % 100) / 1000; // 22–32 % of the subscribers a week
        const values: Record<string, unknown> = {};
        ctx.metrics.forEach((m, k) => (values[m.code] = Math.round(base * share * (k === 0 ? pace : 0.02 + k * 0.01) * week)));
        return { line: 0, unitCode: c.code, values };
      });
      rows.forEach((r, k) => (r.line = k + 1));
      const receivedAt = vnInstant(period.dueDate, `0${8 + i}:30`.slice(-5));
      await db.transaction().execute(async (trx) => {
        const r = await submitReport(trx, {
          ctx,
          periodEnd: period.periodEnd,
          revision: false,
          raw: { rows, problems: [], skippedLines: 0 },
          sender: { channel: 'api', staffId: null, tokenId: null, fileName: null, scopePath: campaign.scope_path, actor: null },
          now: receivedAt,
        });
        await repo.decide(trx, r.id, 'approved', null, vnInstant(period.dueDate, '15:00'), 'Dữ liệu mẫu (demo)');
      });
      added++;
    }
  }
  return added;
}

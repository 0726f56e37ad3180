/**
 * Reading reports: a partner (staff of the carrier, or its API token) sees only its own partner's
 * reports; coordinators and monitors see the reports that touch their scope, with values restricted
 * to the units inside it (campaigns.access.ts decides the scope).
 */
import type { PartnerPeriods, PartnerReportList, PartnerReportStatus, PartnerReportView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../shared/policy.ts';
import type { CampaignRow } from '../campaigns/campaigns.access.ts';
import { periodsOf } from '../campaigns/campaigns.periods.ts';
import { presentReport, presentSummary, rowsOf } from './partner-reports.presenter.ts';
import * as repo from './partner-reports.repo.ts';
import { mayApprove, notFound, partnerContext, resolvePartner } from './partner-reports.service.ts';

export interface Viewer {
  campaign: CampaignRow;
  scopePath: string;
  /** Set for a partner's staff or token: only that partner's reports. */
  partnerId: number | null;
  actor: Actor | null;
}

export interface ListQuery {
  status?: PartnerReportStatus;
  partner?: string;
  limit?: number;
  offset?: number;
}

export async function listReports(db: Db, v: Viewer, q: ListQuery): Promise<PartnerReportList> {
  let partnerId = v.partnerId ?? undefined;
  if (q.partner && partnerId === undefined) partnerId = (await resolvePartner(db, v.campaign.id, q.partner)).id;
  const { rows, total } = await repo.listReports(db, {
    campaignId: v.campaign.id,
    scopePath: v.scopePath,
    partnerId,
    status: q.status,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(presentSummary), total };
}

export async function getReport(db: Db, v: Viewer, id: number): Promise<PartnerReportView> {
  const r = await repo.findReport(db, v.campaign.id, id, v.scopePath);
  // Another partner's report, or one with nothing in the caller's scope, does not exist for them.
  if (!r || (v.partnerId !== null && Number(r.partner_id) !== v.partnerId) || Number(r.unit_count) === 0) throw notFound(id);
  const partner = (await repo.partnersOf(db, v.campaign.id)).find((p) => p.id === Number(r.partner_id))!;
  const ctx = await partnerContext(db, v.campaign, partner);
  const values = await repo.reportValues(db, r.id, v.scopePath);
  const history = await repo.revisionsOf(db, partner.id, r.period_end);
  const canDecide =
    r.status === 'pending' &&
    v.partnerId === null &&
    mayApprove(v.actor) &&
    (await repo.unitsOutside(db, r.id, v.scopePath)) === 0;
  return presentReport(r, {
    metrics: ctx.metrics,
    rows: rowsOf(values),
    history: history.map((h) => ({ ...h, id: Number(h.id) })),
    canDecide,
  });
}

/** Periods of each partner the viewer reports for (its own, or every partner for a coordinator). */
export async function partnerPeriods(db: Db, v: Viewer, partnerRef?: string): Promise<PartnerPeriods> {
  let partners = await repo.partnersOf(db, v.campaign.id);
  if (v.partnerId !== null) partners = partners.filter((p) => p.id === v.partnerId);
  else if (partnerRef) partners = [await resolvePartner(db, v.campaign.id, partnerRef)];
  const out: PartnerPeriods['partners'] = [];
  for (const p of partners) {
    const ctx = await partnerContext(db, v.campaign, p);
    const latest = new Map((await repo.latestPerPeriod(db, p.id)).map((r) => [r.period_end, r]));
    out.push({
      id: p.id,
      unitCode: p.unit_code,
      unitName: p.unit_name,
      cadence: p.cadence,
      metrics: ctx.metrics.map((m) => ({ code: m.code, nameVi: m.nameVi, nameEn: m.nameEn ?? m.code })),
      periods: periodsOf(ctx.rule).map((per) => {
        const l = latest.get(per.periodEnd);
        return { ...per, latest: l ? { id: Number(l.id), revision: l.revision, status: l.status } : null };
      }),
    });
  }
  return { partners: out };
}

/**
 * Figures of the desk module for other modules (the campaign progress views): counted here, so the
 * progress code never reads desk tables. Both functions answer "as of" a Việt Nam business date.
 */
import type { Db } from '../../db/client.ts';
import * as repo from './desk.repo.ts';
import { complianceOf } from './selfcheck.service.ts';

/** Per unit: successful and attempted standardisations linked to the campaign, recorded on or before asOf (VN date). */
export async function deskCounts(db: Db, campaignId: number, asOf: string): Promise<{ unitId: number; successes: number; attempts: number }[]> {
  return repo.countByUnitForCampaign(db, campaignId, asOf);
}

/** Per unit in the subtree of scopePath: active staff and those compliant on asOf. */
export async function selfCheckCounts(db: Db, scopePath: string, asOf: string): Promise<{ unitId: number; staff: number; checked: number }[]> {
  const rows = await complianceOf(db, scopePath, asOf);
  return rows.map((r) => ({ unitId: r.unitId, staff: r.staff, checked: r.checked }));
}

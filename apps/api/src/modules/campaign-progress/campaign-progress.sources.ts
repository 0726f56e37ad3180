/**
 * Where the progress engine's facts come from: the other campaign modules' facts functions (partner
 * reports, field work, desk records, self-checks) and the indicators engine. One interface, so the
 * engine is tested over in-memory facts and the service over the real database.
 */
import type { Db } from '../../db/client.ts';
import { deskCounts, selfCheckCounts } from '../desk/desk.facts.ts';
import { fieldCounts, fieldDoneByDay, pendingByTeam } from '../field/field.facts.ts';
import { figuresByUnit } from '../kpi/kpi.repo.ts';
import type { Figures } from '../kpi/kpi.points.ts';
import {
  approvedValues,
  receivedReports,
  type ReceivedReport,
  type ReportedValue,
} from '../partner-reports/partner-reports.facts.ts';
import type { FieldCount } from '../field/field.facts.ts';

export type { ReceivedReport, ReportedValue, FieldCount };

export interface ProgressSources {
  approvedValues(campaignId: number, asOf: string): Promise<ReportedValue[]>;
  receivedReports(campaignId: number): Promise<ReceivedReport[]>;
  fieldCounts(campaignId: number, asOf: string): Promise<FieldCount[]>;
  fieldDoneByDay(campaignId: number): Promise<{ unitId: number; day: string; done: number }[]>;
  pendingByTeam(
    campaignId: number,
  ): Promise<{ teamId: number; unitId: number; memberStaffIds: number[]; pendingPeople: number }[]>;
  deskCounts(campaignId: number, asOf: string): Promise<{ unitId: number; successes: number; attempts: number }[]>;
  selfCheckCounts(scopePath: string, asOf: string): Promise<{ unitId: number; staff: number; checked: number }[]>;
  /** Indicator figures per handling unit of a subtree over [from, to] (the `motcua kpi` counters). */
  kpiFigures(scopePath: string, from: string, to: string): Promise<{ unitId: number; figures: Figures }[]>;
}

export function dbSources(db: Db): ProgressSources {
  return {
    approvedValues: (c, asOf) => approvedValues(db, c, asOf),
    receivedReports: (c) => receivedReports(db, c),
    fieldCounts: (c, asOf) => fieldCounts(db, c, asOf),
    fieldDoneByDay: (c) => fieldDoneByDay(db, c),
    pendingByTeam: (c) => pendingByTeam(db, c),
    deskCounts: (c, asOf) => deskCounts(db, c, asOf),
    selfCheckCounts: (p, asOf) => selfCheckCounts(db, p, asOf),
    kpiFigures: async (p, from, to) => (await figuresByUnit(db, p, from, to)).map((u) => ({ unitId: u.unit_id, figures: u })),
  };
}

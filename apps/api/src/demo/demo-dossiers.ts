/**
 * Loads the demo's two years of dossiers for An Giang through the validated import path (the same
 * one a province switching systems uses), so the dashboards tell a story from the first start.
 */
import type { Db } from '../db/client.ts';
import { vnDateOf } from '../shared/dates.ts';
import { addDays, yearOf } from '../modules/calendar/calendar.dates.ts';
import { loadCalendar } from '../modules/calendar/calendar.service.ts';
import { searchProcedures } from '../modules/catalog/catalog.service.ts';
import { applyDossierImport, validateDossierImport } from '../modules/dossiers/dossiers.import.ts';
import { listUnits, predecessorsOf } from '../modules/units/units.service.ts';
import { REFORM_DATE } from '../modules/units/units.loader.ts';
import { generateHistory, type HistoryProcedure } from './dossier-history.ts';

export const DEMO_DOSSIERS_DEFAULT = 6000;

/** Relative yearly volume per procedure at a commune desk; unlisted procedures get 1. */
const VOLUME: Record<string, number> = {
  '2.000815': 14, // chứng thực bản sao
  '1.001193': 8, // khai sinh
  '2.000884': 5, // chứng thực chữ ký
  '1.004222': 5, // thường trú
  '1.004194': 4, // tạm trú
  '1.000894': 3, // kết hôn
  '1.004873': 3, // xác nhận tình trạng hôn nhân
  '1.000656': 2, // khai tử
  '1.001612': 2, // hộ kinh doanh
};

export interface DemoDossierOptions {
  seed: number;
  count: number;
  now: Date;
  provinceCode: string;
}

/** Creates the demo history once; returns how many dossiers were written (0 when some exist). */
export async function seedDemoDossiers(db: Db, opts: DemoDossierOptions): Promise<number> {
  if (opts.count <= 0) return 0;
  const existing = await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const to = addDays(vnDateOf(opts.now), -1);
  const from = addDays(to, -729);
  const calendar = await loadCalendar(db, yearOf(from), yearOf(to) + 1);
  const communes = await listUnits(db, { parent: opts.provinceCode, kind: 'commune', limit: 1000 });
  const { rows: procs } = await searchProcedures(db, { limit: 200 });
  const procedures: HistoryProcedure[] = procs
    .filter((p) => (p.level === 'commune' || (p.level === 'province' && p.agency_code)) && (p.processing_working_days !== null || p.processing_hours !== null))
    .map((p) => {
      const amounts = (p.fees as { amountVnd: number }[]).map((f) => f.amountVnd);
      return {
        code: p.code,
        agencyCode: p.level === 'commune' ? null : p.agency_code,
        // Hour-limited procedures finish within the day of receipt.
        workingDays: p.processing_working_days ?? 0,
        feeVnd: amounts.length ? Math.min(...amounts) : 0,
        weight: VOLUME[p.code] ?? (p.level === 'province' ? 0.6 : 1),
      };
    });
  const communeCodes = communes.rows.map((u) => u.code);
  const history = generateHistory({
    seed: opts.seed,
    count: opts.count,
    from,
    to,
    calendar,
    communeCodes,
    procedures,
    reformDate: REFORM_DATE,
    predecessors: await predecessorsOf(db, communeCodes, addDays(REFORM_DATE, -1)),
  });
  const tabular = history.map((values, i) => ({ line: i + 2, values: { ...values } }));
  const { items, rejected } = await validateDossierImport(db, tabular);
  if (rejected.length) {
    throw new Error(`demo history rejected by the import rules: ${rejected.slice(0, 3).map((r) => `${r.line}: ${r.reason}`).join('; ')}`);
  }
  const outcome = await db.transaction().execute((trx) => applyDossierImport(trx, opts.now, items, 'demo'));
  return outcome.created;
}

/**
 * The indicators the dashboard shows, their rates and targets (DESIGN §4.2, docs/indicators.md), and
 * the early warning: a unit below its target whose trend would not reach it by the next period.
 */
import type { KpiRateIndicator, KpiRow } from '@motcua/contracts';

/** Columns of the table, in the order of the brief: access, timeliness, digitisation, payment, satisfaction. */
export const SHOWN_INDICATORS = [
  'online_rate',
  'on_time_rate',
  'digitized_rate',
  'payment_online_rate',
  'satisfaction_rate',
] as const satisfies readonly KpiRateIndicator[];
export type ShownIndicator = (typeof SHOWN_INDICATORS)[number];

export const TOTAL = 'total';

export const rateOf = (row: KpiRow, i: KpiRateIndicator): number | null => row[i];
export const targetOf = (row: KpiRow, i: KpiRateIndicator): number | null => row.targets[i]?.target ?? null;

/** rate − previous rate, null when either is unknown. */
export function changeOf(row: KpiRow, previous: KpiRow | undefined, i: KpiRateIndicator): number | null {
  const now = rateOf(row, i);
  const before = previous ? rateOf(previous, i) : null;
  return now === null || before === null ? null : Math.round((now - before) * 10_000) / 10_000;
}

export interface Warning {
  unitCode: string;
  unitName: string;
  indicator: ShownIndicator;
  rate: number;
  target: number;
  /** Change since the previous period; null when that period had no figure. */
  change: number | null;
}

/**
 * Units below target whose rate, moved on by its latest change, would still miss it: falling or flat
 * units below target, and rising ones too slow to get there. Without a previous figure, the distance
 * to the target alone decides.
 */
export function earlyWarnings(rows: KpiRow[], previous: Map<string, KpiRow>): Warning[] {
  const out: Warning[] = [];
  for (const row of rows) {
    if (row.unit_code === TOTAL) continue;
    for (const indicator of SHOWN_INDICATORS) {
      const rate = rateOf(row, indicator);
      const target = targetOf(row, indicator);
      if (rate === null || target === null || rate >= target) continue;
      const change = changeOf(row, previous.get(row.unit_code), indicator);
      if (rate + (change ?? 0) < target)
        out.push({ unitCode: row.unit_code, unitName: row.unit_name, indicator, rate, target, change });
    }
  }
  return out;
}

/** Ranks by total points, highest first; equal points share a rank (1, 1, 3). */
export function ranksOf(rows: KpiRow[]): Map<string, number> {
  const units = rows.filter((r) => r.unit_code !== TOTAL).sort((a, b) => b.points.total - a.points.total);
  const ranks = new Map<string, number>();
  units.forEach((r, i) => {
    const prev = units[i - 1];
    ranks.set(r.unit_code, prev && prev.points.total === r.points.total ? ranks.get(prev.unit_code)! : i + 1);
  });
  return ranks;
}

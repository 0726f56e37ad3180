/**
 * Rules of the changes made to a campaign after creation (campaigns.setup.ts): the same checks as a
 * definition (campaigns.validate.ts runs on the campaign as it would be after the change, so a metric
 * added later obeys exactly the rules of one written at creation), plus what only a change can break:
 * rounds against the window, round numbers 1, 2, 3… Pure; the service checks units and stored data.
 */
import type { CampaignRoundsInput } from '@motcua/contracts';
import type { CampaignDefinition, MetricDefinition } from './campaigns.definition.ts';
import { checkDefinition, type Problem } from './campaigns.validate.ts';

export interface StoredMetric {
  code: string;
  name_vi: string;
  name_en: string;
  kind: MetricDefinition['kind'];
  source: MetricDefinition['source'];
  numerator_code: string | null;
  denominator_code: string | null;
  kpi_indicator: string | null;
}

export const metricDefinition = (m: StoredMetric): MetricDefinition => ({
  code: m.code,
  nameVi: m.name_vi,
  nameEn: m.name_en,
  kind: m.kind,
  source: m.source,
  ...(m.numerator_code ? { numeratorCode: m.numerator_code } : {}),
  ...(m.denominator_code ? { denominatorCode: m.denominator_code } : {}),
  ...(m.kpi_indicator ? { kpiIndicator: m.kpi_indicator } : {}),
});

export interface Window {
  windowStart: string;
  windowEnd: string;
}

/** The campaign as a definition with only the parts a check needs. */
function asDefinition(window: Window, metrics: MetricDefinition[], rest: Partial<CampaignDefinition>): CampaignDefinition {
  return {
    code: 'x',
    kind: 'subscriber_verification',
    name: 'x',
    scopeUnitCode: 'x',
    coordinatorUnitCode: 'x',
    ...window,
    metrics,
    ...rest,
  };
}

/** Problems of the definition's own checks on one part (fields "rounds[…]", "targets[…]"…). */
const problemsOf = (def: CampaignDefinition, part: string) => checkDefinition(def).filter((p) => p.field.startsWith(`${part}[`));

/**
 * A new list of reporting rounds: the definition's checks (seq unique, stats_to ≥ stats_from, due ≥
 * stats_to), each round's statistics overlapping the window (round 04 of seed 003 covers the whole
 * drive, "tổng hợp"; a round wholly outside the campaign counts nothing), numbers 1, 2, 3… in order.
 */
export function checkRounds(window: Window, rounds: CampaignRoundsInput['rounds']): Problem[] {
  const out = problemsOf(asDefinition(window, [], { rounds }), 'rounds');
  rounds.forEach((r, i) => {
    if (r.statsTo >= r.statsFrom && (r.statsTo < window.windowStart || r.statsFrom > window.windowEnd))
      out.push({
        field: `rounds[${i}]`,
        message: `đợt ${r.seq}: số liệu ${r.statsFrom} – ${r.statsTo} nằm ngoài thời gian chiến dịch ${window.windowStart} – ${window.windowEnd}`,
      });
  });
  const seqs = [...new Set(rounds.map((r) => r.seq))].sort((a, b) => a - b);
  if (seqs.some((s, i) => s !== i + 1))
    out.push({ field: 'rounds', message: `số thứ tự các đợt phải liên tiếp từ 1 (đang có: ${seqs.join(', ')})` });
  return out;
}

/** One new metric among the stored ones (numerator/denominator exist and count, kpi indicator valid). */
export function checkNewMetric(window: Window, stored: MetricDefinition[], metric: MetricDefinition): Problem[] {
  const field = `metrics[${stored.length}]`;
  return checkDefinition(asDefinition(window, [...stored, metric], {}))
    .filter((p) => p.field === field)
    .map((p) => ({ ...p, field: 'metric' }));
}

/** A partner as it would be after the change: report-sourced count metrics; rounds for a round cadence. */
export function checkPartner(
  window: Window,
  metrics: MetricDefinition[],
  roundCount: number,
  partner: NonNullable<CampaignDefinition['partners']>[number],
): Problem[] {
  const rounds = Array.from({ length: roundCount }, (_, i) => ({
    seq: i + 1,
    name: '',
    statsFrom: window.windowStart,
    statsTo: window.windowStart,
    dueDate: window.windowStart,
  }));
  return problemsOf(asDefinition(window, metrics, { rounds, partners: [partner] }), 'partners').map((p) => ({
    ...p,
    field: 'partner',
  }));
}

/** The per-level targets: metric exists and is not a baseline, a rate within 0–1, a count whole, no pair twice. */
export function checkLevelTargets(
  window: Window,
  metrics: MetricDefinition[],
  targets: NonNullable<CampaignDefinition['targets']>,
): Problem[] {
  return problemsOf(asDefinition(window, metrics, { targets }), 'targets');
}

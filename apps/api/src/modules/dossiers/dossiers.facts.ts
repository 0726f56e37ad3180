/**
 * What the indicators learn about a dossier (kpi/kpi.facts.ts), and the one place that hands every
 * change to the kpi module. Choices (docs/dossiers.md "Indicator facts"):
 * - a dossier not yet received (draft, submitted) or rejected at intake was never received: no facts;
 * - a withdrawn dossier keeps its receipt code and history but leaves the indicators: no facts;
 * - every other received dossier has facts, finished or not.
 */
import type { DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { applyDossierChange, type DossierFacts } from '../kpi/kpi.service.ts';
import type { DossierRow } from './dossiers.repo.ts';
import * as repo from './dossiers.repo.ts';

const WITHOUT_FACTS: ReadonlySet<DossierStatus> = new Set(['draft', 'submitted', 'rejected_at_intake', 'withdrawn']);

type FactsSource = Pick<
  DossierRow,
  | 'status'
  | 'handling_unit_id'
  | 'channel'
  | 'received_at'
  | 'due_at'
  | 'finished_at'
  | 'supplement_requests'
  | 'fee_vnd'
  | 'paid'
  | 'digitized_dossier'
  | 'digitized_result'
  | 'reused_data'
  | 'rating'
  | 'complaint'
>;

/** The indicator facts of a dossier, or null when it does not count (see the file comment). */
export function factsOf(row: FactsSource | null | undefined): DossierFacts | null {
  if (!row || WITHOUT_FACTS.has(row.status) || !row.received_at || !row.due_at) return null;
  return {
    unitId: Number(row.handling_unit_id),
    channel: row.channel,
    receivedAt: new Date(row.received_at),
    dueAt: new Date(row.due_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    supplementRequests: row.supplement_requests,
    feeVnd: Number(row.fee_vnd),
    paid: row.paid,
    digitizedDossier: row.digitized_dossier,
    digitizedResult: row.digitized_result,
    reusedData: row.reused_data,
    rating: row.rating,
    complaint: row.complaint,
  };
}

function sameFacts(a: DossierFacts | null, b: DossierFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.unitId === b.unitId &&
    a.channel === b.channel &&
    a.receivedAt.getTime() === b.receivedAt.getTime() &&
    a.dueAt.getTime() === b.dueAt.getTime() &&
    (a.finishedAt?.getTime() ?? null) === (b.finishedAt?.getTime() ?? null) &&
    a.supplementRequests === b.supplementRequests &&
    a.feeVnd === b.feeVnd &&
    a.paid === b.paid &&
    a.digitizedDossier === b.digitizedDossier &&
    a.digitizedResult === b.digitizedResult &&
    a.reusedData === b.reusedData &&
    a.rating === b.rating &&
    a.complaint === b.complaint
  );
}

/**
 * Tells the kpi module about a change, in the caller's transaction. Changes that leave the facts as
 * they were (an assignment, a note) are not passed on: the aggregates could not move.
 */
export async function syncFacts(db: Db, before: FactsSource | null, after: FactsSource | null): Promise<void> {
  const b = factsOf(before);
  const a = factsOf(after);
  if (sameFacts(b, a)) return;
  await applyDossierChange(db, b, a);
}

/**
 * Every counted dossier's facts, in batches of `batchSize`, in id order: what the kpi rebuild reads
 * instead of the dossier tables. Each batch is one keyset query, so memory stays bounded.
 */
export async function* allDossierFacts(db: Db, batchSize = 5000): AsyncGenerator<DossierFacts[]> {
  let after = 0;
  for (;;) {
    const rows = await repo.factRowsAfter(db, after, batchSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    const facts = rows.map(factsOf).filter((f): f is DossierFacts => f !== null);
    if (facts.length) yield facts;
    if (rows.length < batchSize) return;
  }
}

/**
 * What the indicators need to know about one dossier — the only thing the kpi module learns from the
 * dossiers module. Dossiers hand the facts before and after each change to `applyDossierChange` in the
 * same transaction; imports and the demo generator go through the same call, and the rebuild reads
 * every dossier's facts through the dossiers service.
 */
export type Channel = 'online' | 'counter' | 'post';
export type Paid = 'none' | 'online' | 'counter';
export type Rating = 'satisfied' | 'neutral' | 'unsatisfied' | null;

export interface DossierFacts {
  /** The handling unit (units.id). Indicators of a unit's subtree sum its units. */
  unitId: number;
  channel: Channel;
  receivedAt: Date;
  /** Final promised date after supplement pauses (an apology does not move it). */
  dueAt: Date;
  /** null while unfinished. "Finished" = a result was decided (approved/refused/result issued …). */
  finishedAt: Date | null;
  supplementRequests: number;
  feeVnd: number;
  paid: Paid;
  digitizedDossier: boolean;
  digitizedResult: boolean;
  reusedData: boolean;
  rating: Rating;
  complaint: boolean;
}

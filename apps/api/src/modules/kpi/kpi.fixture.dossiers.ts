/**
 * The dossiers of the hand-computed fixture (kpi.fixture.test.ts): 30 dossiers in two communes of
 * An Giang, its Sở Tư pháp and a ward of Hà Nội, each with a comment saying what it adds to March
 * 2026, plus the lifecycle steps that brought some of them to their final facts.
 */
import type { DossierFacts } from './kpi.facts.ts';

export interface FixtureUnits {
  /** 30307 Phường Long Xuyên */
  A: number;
  /** 30313 Xã Mỹ Hòa Hưng */
  B: number;
  /** 91.STP Sở Tư pháp */
  C: number;
  /** 00070 Phường Hoàn Kiếm, Hà Nội (outside the province) */
  X: number;
}

const t = (s: string) => new Date(`2026-${s.replace(' ', 'T')}:00+07:00`);
const base: Omit<DossierFacts, 'unitId' | 'receivedAt' | 'dueAt'> = {
  channel: 'counter',
  finishedAt: null,
  supplementRequests: 0,
  feeVnd: 0,
  paid: 'none',
  digitizedDossier: false,
  digitizedResult: false,
  reusedData: false,
  rating: null,
  complaint: false,
};
const d = (unitId: number, received: string, due: string, o: Partial<DossierFacts> = {}): DossierFacts => ({
  ...base,
  unitId,
  receivedAt: t(received),
  dueAt: t(due),
  ...o,
});

/** The final facts of every dossier, by name; `steps` replays how some of them got there. */
export function fixtureDossiers(ids: FixtureUnits): {
  final: Record<string, DossierFacts>;
  steps: [DossierFacts | null, DossierFacts | null][];
} {
  const { A, B, C, X } = ids;
  const final: Record<string, DossierFacts> = {
    // ── A = 30307 Phường Long Xuyên ──
    // A1: received 2/3 online, digitised, reused, 50,000 đ paid online; finished 9/3 before due 10/3,
    //     result digitised, satisfied → received, online, digitized, reused, fee_total, fee_online;
    //     finished, on time, result_digitized, satisfied.
    A1: d(A, '03-02 09:00', '03-10 17:00', {
      channel: 'online',
      finishedAt: t('03-09 10:00'),
      feeVnd: 50_000,
      paid: 'online',
      digitizedDossier: true,
      digitizedResult: true,
      reusedData: true,
      rating: 'satisfied',
    }),
    // A2: counter, digitised, fee paid at the counter; finished EXACTLY at due after 1 supplement,
    //     neutral → received, digitized, fee_total; finished, on time, satisfied.
    A2: d(A, '03-03 08:00', '03-12 17:00', {
      finishedAt: t('03-12 17:00'),
      supplementRequests: 1,
      feeVnd: 50_000,
      paid: 'counter',
      digitizedDossier: true,
      rating: 'neutral',
    }),
    // A3: online, finished early but after 2 supplement requests → late; satisfied rating does not
    //     count (late) → received, online; finished.
    A3: d(A, '03-04 08:00', '03-13 17:00', {
      channel: 'online',
      finishedAt: t('03-11 08:00'),
      supplementRequests: 2,
      rating: 'satisfied',
    }),
    // A4: fee 30,000 đ never paid (no fee counter), digitised; finished 18/3 after due 16/3 → late
    //     → received, digitized; finished, result_digitized.
    A4: d(A, '03-05 08:00', '03-16 17:00', {
      feeVnd: 30_000,
      digitizedDossier: true,
      digitizedResult: true,
      finishedAt: t('03-18 09:00'),
      rating: 'satisfied',
    }),
    // A5: online, due 27/3, still open on 31/3 → received, online; overdue unfinished.
    A5: d(A, '03-20 08:00', '03-27 17:00', { channel: 'online' }),
    // A6: open, due 3/4 (after the period) → received only.
    A6: d(A, '03-25 08:00', '04-03 17:00'),
    // A7: received 20/2 (before), due 27/2, still open → overdue unfinished only.
    A7: d(A, '02-20 08:00', '02-27 17:00'),
    // A8: received 10/2 (before), due 20/2, finished 5/3 (late), result digitised → finished,
    //     result_digitized; closed within the period so not overdue.
    A8: d(A, '02-10 08:00', '02-20 17:00', { finishedAt: t('03-05 10:00'), digitizedResult: true }),
    // A9: received and finished in February → nothing in March.
    A9: d(A, '02-01 08:00', '02-20 17:00', { finishedAt: t('02-15 10:00'), rating: 'satisfied' }),
    // A10: received 28/3, finished 2/4 (after the period), due 10/4 → received only.
    A10: d(A, '03-28 08:00', '04-10 17:00', { finishedAt: t('04-02 10:00') }),
    // A11: received 10/3, due 20/3, finished 5/4: open at the end of March and past due → received;
    //      overdue unfinished.
    A11: d(A, '03-10 08:00', '03-20 17:00', { finishedAt: t('04-05 10:00') }),
    // A12: received 2/4 (after the period) → nothing.
    A12: d(A, '04-02 08:00', '04-10 17:00'),
    // A13: online, 100,000 đ paid online, on time, rated unsatisfied (moved here from B, see steps)
    //      → received, online, fee_total, fee_online; finished, on time.
    A13: d(A, '03-15 08:00', '03-25 17:00', {
      channel: 'online',
      feeVnd: 100_000,
      paid: 'online',
      finishedAt: t('03-16 10:00'),
      rating: 'unsatisfied',
    }),
    // A14: fee 0 "paid online" (no fee counter); on time but complained about → received; finished,
    //      on time.
    A14: d(A, '03-15 09:00', '03-25 17:00', {
      feeVnd: 0,
      paid: 'online',
      finishedAt: t('03-20 10:00'),
      complaint: true,
      rating: 'satisfied',
    }),
    // A: received 10 (A1–A6, A10, A11, A13, A14), online 4 (A1 A3 A5 A13), digitized 3 (A1 A2 A4),
    //    reused 1, fee_total 3 (A1 A2 A13), fee_online 2; finished 7 (A1–A4, A8, A13, A14), on time 4
    //    (A1 A2 A13 A14), result_digitized 3 (A1 A4 A8), satisfied 2 (A1 A2); overdue 3 (A5 A7 A11).

    // ── B = 30313 Xã Mỹ Hòa Hưng ──
    // B1: received 00:30 on 1/3 (17:30 UTC on 28/2) → in March. Online, digitised, 20,000 đ paid
    //     online, on time, satisfied → received, online, digitized, fee_total, fee_online; finished,
    //     on time, satisfied.
    B1: d(B, '03-01 00:30', '03-06 17:00', {
      channel: 'online',
      digitizedDossier: true,
      feeVnd: 20_000,
      paid: 'online',
      finishedAt: t('03-06 16:00'),
      rating: 'satisfied',
    }),
    // B2: received 00:15 on 1/4 (still 31/3 in UTC) → April, nothing.
    B2: d(B, '04-01 00:15', '04-10 17:00'),
    // B3: received 23:30 on 31/3 → in March; due 9/4 → received only.
    B3: d(B, '03-31 23:30', '04-09 17:00'),
    // B4: 1 supplement, 15,000 đ at the counter, finished 15 hours after due → received, fee_total;
    //     finished (late).
    B4: d(B, '03-02 08:00', '03-09 17:00', {
      supplementRequests: 1,
      feeVnd: 15_000,
      paid: 'counter',
      finishedAt: t('03-10 08:00'),
    }),
    // B5: online, reused, 1 supplement, finished before due, result digitised, neutral (rated later,
    //     see steps) → received, online, reused; finished, on time, result_digitized, satisfied.
    B5: d(B, '03-03 08:00', '03-10 17:00', {
      channel: 'online',
      reusedData: true,
      supplementRequests: 1,
      finishedAt: t('03-10 09:00'),
      digitizedResult: true,
      rating: 'neutral',
    }),
    // B6: received 15/1, due 1/2, open → overdue unfinished.
    B6: d(B, '01-15 08:00', '02-01 17:00'),
    // B7: due 17:00 on the last day of the period, open → received; overdue unfinished.
    B7: d(B, '03-05 08:00', '03-31 17:00'),
    // B8: due 08:00 on 1/4, open → received only.
    B8: d(B, '03-05 09:00', '04-01 08:00'),
    // B: received 6 (B1 B3 B4 B5 B7 B8), online 2, digitized 1, reused 1, fee_total 2 (B1 B4),
    //    fee_online 1; finished 3 (B1 B4 B5), on time 2, result_digitized 1, satisfied 2;
    //    overdue 2 (B6 B7).

    // ── C = 91.STP Sở Tư pháp ──
    // C1: online, digitised, reused, 200,000 đ online, on time, result digitised, satisfied → all.
    C1: d(C, '03-02 08:00', '03-16 17:00', {
      channel: 'online',
      digitizedDossier: true,
      reusedData: true,
      feeVnd: 200_000,
      paid: 'online',
      finishedAt: t('03-13 10:00'),
      digitizedResult: true,
      rating: 'satisfied',
    }),
    // C2: online, 200,000 đ online, finished exactly at due but after 2 supplements → late.
    C2: d(C, '03-03 08:00', '03-17 17:00', {
      channel: 'online',
      feeVnd: 200_000,
      paid: 'online',
      finishedAt: t('03-17 17:00'),
      supplementRequests: 2,
      rating: 'satisfied',
    }),
    // C3: 200,000 đ at the counter, late, unsatisfied, complaint (added later, see steps).
    C3: d(C, '03-04 08:00', '03-18 17:00', {
      feeVnd: 200_000,
      paid: 'counter',
      finishedAt: t('03-20 10:00'),
      rating: 'unsatisfied',
      complaint: true,
    }),
    // C4: by post, open, due 19/3 → received; overdue unfinished.
    C4: d(C, '03-05 08:00', '03-19 17:00', { channel: 'post' }),
    // C5: online, reused, on time, never rated (not "unsatisfied") → satisfied.
    C5: d(C, '03-06 08:00', '03-20 17:00', { channel: 'online', reusedData: true, finishedAt: t('03-19 10:00') }),
    // C6: 1 supplement, on time, satisfied.
    C6: d(C, '03-09 08:00', '03-23 17:00', { supplementRequests: 1, finishedAt: t('03-23 10:00'), rating: 'satisfied' }),
    // C: received 6, online 3 (C1 C2 C5), digitized 1, reused 2 (C1 C5), fee_total 3 (C1 C2 C3),
    //    fee_online 2; finished 5 (C1 C2 C3 C5 C6), on time 3 (C1 C5 C6), result_digitized 1,
    //    satisfied 3 (C1 C5 C6); overdue 1 (C4).

    // ── X = 00070 Phường Hoàn Kiếm, Hà Nội: never in An Giang's figures ──
    X1: d(X, '03-02 08:00', '03-03 17:00', { channel: 'online', feeVnd: 10_000, paid: 'online' }),
    X2: d(X, '03-02 08:00', '03-12 17:00', { finishedAt: t('03-04 10:00') }),
  };
  const f = final;
  const steps: [DossierFacts | null, DossierFacts | null][] = [
    // A4 was created open and finished later.
    [null, { ...f.A4!, finishedAt: null, digitizedResult: false, rating: null }],
    [{ ...f.A4!, finishedAt: null, digitizedResult: false, rating: null }, f.A4!],
    // A13 was received in B and transferred to A before it finished.
    [null, { ...f.A13!, unitId: B, finishedAt: null, rating: null }],
    [
      { ...f.A13!, unitId: B, finishedAt: null, rating: null },
      { ...f.A13!, finishedAt: null, rating: null },
    ],
    [{ ...f.A13!, finishedAt: null, rating: null }, f.A13!],
    // B5 finished unrated, then rated.
    [null, { ...f.B5!, rating: null, finishedAt: null, digitizedResult: false }],
    [
      { ...f.B5!, rating: null, finishedAt: null, digitizedResult: false },
      { ...f.B5!, rating: null },
    ],
    [{ ...f.B5!, rating: null }, f.B5!],
    // C3: the complaint arrived after the rating.
    [null, { ...f.C3!, complaint: false }],
    [{ ...f.C3!, complaint: false }, f.C3!],
    // A dossier created by mistake and deleted leaves nothing.
    [null, d(A, '03-10 08:00', '03-11 17:00', { channel: 'online', finishedAt: t('03-10 09:00') })],
    [d(A, '03-10 08:00', '03-11 17:00', { channel: 'online', finishedAt: t('03-10 09:00') }), null],
  ];
  const replayed = new Set(['A4', 'A13', 'B5', 'C3']);
  for (const [name, facts] of Object.entries(final)) if (!replayed.has(name)) steps.push([null, facts]);
  return { final, steps };
}

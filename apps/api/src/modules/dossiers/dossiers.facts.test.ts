/** The facts mapping and the hand-off to the kpi module, with a tiny fake in place of the kpi service. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DOSSIER_STATUSES, type DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { DossierFacts } from '../kpi/kpi.facts.ts';
import { factsOf, syncFacts } from './dossiers.facts.ts';

const fake = vi.hoisted(() => ({ calls: [] as [DossierFacts | null, DossierFacts | null][] }));
vi.mock('../kpi/kpi.service.ts', () => ({
  applyDossierChange: async (_db: unknown, before: DossierFacts | null, after: DossierFacts | null) => void fake.calls.push([before, after]),
}));

const received = new Date('2026-02-13T03:00:00Z');
const due = new Date('2026-02-25T10:00:00Z');
const row = (status: DossierStatus, over: Partial<Parameters<typeof factsOf>[0] & object> = {}) => ({
  status,
  handling_unit_id: 42,
  channel: 'online' as const,
  received_at: received,
  due_at: due,
  finished_at: null,
  supplement_requests: 0,
  fee_vnd: 7000,
  paid: 'online' as const,
  digitized_dossier: true,
  digitized_result: false,
  reused_data: true,
  rating: null,
  complaint: false,
  ...over,
});
const db = {} as Db;

beforeEach(() => {
  fake.calls.length = 0;
});

describe('factsOf', () => {
  it('maps a received dossier column by column', () => {
    expect(factsOf(row('in_progress', { supplement_requests: 2 }))).toEqual({
      unitId: 42,
      channel: 'online',
      receivedAt: received,
      dueAt: due,
      finishedAt: null,
      supplementRequests: 2,
      feeVnd: 7000,
      paid: 'online',
      digitizedDossier: true,
      digitizedResult: false,
      reusedData: true,
      rating: null,
      complaint: false,
    });
  });

  it('gives facts to received dossiers only, withdrawn and rejected ones excluded', () => {
    const counted = DOSSIER_STATUSES.filter((s) => factsOf(row(s)) !== null);
    expect(counted).toEqual(['received', 'in_progress', 'supplement_requested', 'awaiting_payment', 'approved', 'refused', 'result_issued', 'returned']);
    expect(factsOf(row('submitted', { received_at: null, due_at: null }))).toBeNull();
    expect(factsOf(null)).toBeNull();
  });
});

describe('syncFacts', () => {
  it('hands over creation, change and removal', async () => {
    await syncFacts(db, null, row('received'));
    await syncFacts(db, row('in_progress'), row('approved', { finished_at: new Date('2026-02-24T08:00:00Z') }));
    await syncFacts(db, row('in_progress'), row('withdrawn'));
    expect(fake.calls).toHaveLength(3);
    const [created, decided, withdrawn] = fake.calls as [DossierFacts | null, DossierFacts | null][];
    expect(created![0]).toBeNull();
    expect(created![1]).toMatchObject({ unitId: 42, finishedAt: null });
    expect(decided![0]).toMatchObject({ finishedAt: null });
    expect(decided![1]).toMatchObject({ finishedAt: new Date('2026-02-24T08:00:00Z') });
    expect(withdrawn![0]).toMatchObject({ unitId: 42 });
    expect(withdrawn![1]).toBeNull();
  });

  it('stays silent when the facts did not move or never existed', async () => {
    await syncFacts(db, row('received'), row('in_progress'));
    await syncFacts(db, row('submitted', { received_at: null, due_at: null }), row('rejected_at_intake', { received_at: null, due_at: null }));
    await syncFacts(db, null, row('submitted', { received_at: null, due_at: null }));
    expect(fake.calls).toEqual([]);
  });
});

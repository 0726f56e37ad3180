/**
 * Property: whatever sequence of lifecycle actions officers take (valid or refused), the indicator
 * aggregates maintained with each change equal a rebuild from every dossier's facts. Seeded, so a
 * failure replays exactly; the seed is printed in the assertion message.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { Random } from '../../demo/random.ts';
import { rebuildAggregates } from '../kpi/kpi.service.ts';
import { allDossierFacts } from './dossiers.service.ts';
import { counterBody, dossierApi, LONG_XUYEN, MY_HOA_HUNG, onlineBody, type Headers } from './dossiers.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
const staff: Record<string, Record<'intake' | 'processor' | 'approver', Headers>> = {};

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  for (const unit of [LONG_XUYEN, MY_HOA_HUNG]) {
    staff[unit] = {
      intake: (await staffSession(sys, unit, ['intake_officer'])).headers,
      processor: (await staffSession(sys, unit, ['processor'])).headers,
      approver: (await staffSession(sys, unit, ['approver'])).headers,
    };
  }
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

type Who = 'intake' | 'processor' | 'approver';
const ACTIONS: { action: string; who: Who; body: (rng: Random) => object }[] = [
  { action: 'receive', who: 'intake', body: () => ({}) },
  { action: 'start', who: 'processor', body: () => ({}) },
  { action: 'request-supplement', who: 'processor', body: () => ({ reason: 'Thiếu bản sao giấy tờ tùy thân' }) },
  { action: 'provide-supplement', who: 'processor', body: () => ({}) },
  { action: 'request-payment', who: 'processor', body: () => ({}) },
  { action: 'payment', who: 'intake', body: (r) => ({ method: r.pick(['online', 'counter']) }) },
  { action: 'approve', who: 'approver', body: () => ({}) },
  { action: 'refuse', who: 'approver', body: () => ({ reason: 'Không đủ điều kiện theo quy định' }) },
  { action: 'issue-result', who: 'approver', body: (r) => ({ digitizedResult: r.chance(0.7) }) },
  { action: 'return-result', who: 'intake', body: () => ({}) },
  { action: 'withdraw', who: 'intake', body: () => ({ reason: 'Công dân xin rút hồ sơ' }) },
  { action: 'rating', who: 'intake', body: (r) => ({ rating: r.pick(['satisfied', 'neutral', 'unsatisfied']) }) },
  { action: 'complaint', who: 'intake', body: () => ({ reason: 'Phản ánh thái độ phục vụ' }) },
  { action: 'transfer', who: 'intake', body: () => ({ reason: 'Chuyển đúng thẩm quyền' }) },
];

describe('live indicator aggregates under random lifecycle actions', () => {
  it.each([11, 29])('agree with a rebuild from the dossiers (seed %i)', async (seed) => {
    const rng = new Random(seed);
    // Business time walks forward through March 2026 in steps of minutes to a day.
    let now = Date.parse('2026-03-02T08:00:00+07:00');
    const codes: { code: string; unit: string }[] = [];
    let accepted = 0;
    for (let i = 0; i < 120; i++) {
      now += rng.int(5, 24 * 60) * 60_000;
      vi.setSystemTime(new Date(now));
      if (codes.length < 4 || rng.chance(0.25)) {
        const unit = rng.pick([LONG_XUYEN, MY_HOA_HUNG]);
        const res = rng.chance(0.3)
          ? await api.online(onlineBody({ unitCode: unit }))
          : await api.counter(staff[unit]!.intake, counterBody({ unitCode: unit, digitizedDossier: rng.chance(0.8) }));
        expect(res.statusCode, res.body).toBe(201);
        codes.push({ code: res.json().code, unit });
        continue;
      }
      const d = rng.pick(codes);
      const a = rng.pick(ACTIONS);
      const current = await api.get(staff[d.unit]!.intake, d.code);
      expect(current.statusCode, current.body).toBe(200);
      const extra = a.action === 'transfer' ? { unitCode: d.unit === LONG_XUYEN ? MY_HOA_HUNG : LONG_XUYEN } : {};
      const res = await api.act(staff[d.unit]![a.who], d.code, a.action, { version: current.json().version, ...a.body(rng), ...extra });
      // Refusals (wrong status) are part of the property: they must change nothing.
      expect([200, 400, 409], `${a.action}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 200) {
        accepted++;
        if (a.action === 'transfer') d.unit = extra.unitCode!;
      }
    }
    vi.useRealTimers();
    const report = await rebuildAggregates(sys.database.db, (trx) => allDossierFacts(trx), { replace: false });
    expect(accepted, `seed ${seed}`).toBeGreaterThan(20);
    expect(report.differences, `seed ${seed}`).toEqual([]);
    expect(report.agreed).toBe(true);
    expect(report.dossiers).toBeGreaterThan(0);
  });
});

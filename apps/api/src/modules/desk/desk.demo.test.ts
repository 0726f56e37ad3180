/** The desk demo data: deterministic for a day, idempotent, and valid by the same rules as the form. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { seedDemoStaff } from '../staff/staff.demo.ts';
import { seedDemoDesk } from './desk.demo.ts';

let sys: TestSystem;
let dir: string;
const NOW = new Date('2026-11-20T12:00:00+07:00');

beforeAll(async () => {
  sys = await createTestSystem();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-desk-demo-'));
  await seedDemoStaff(sys.database.db, dir);
});
afterAll(async () => {
  await sys?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoDesk', () => {
  it('records two months of desk work for the three demo communes and self-checks for part of the staff, once', async () => {
    const first = await sys.database.db.transaction().execute((trx) => seedDemoDesk(trx, NOW));
    expect(first.records).toBeGreaterThan(100);
    expect(first.selfChecks).toBeGreaterThan(5);
    const again = await sys.database.db.transaction().execute((trx) => seedDemoDesk(trx, NOW));
    expect(again).toEqual({ records: 0, selfChecks: 0 });

    const span = await sys.database.db
      .selectFrom('desk_records')
      .select((eb) => [eb.fn.min('recorded_on').as('first'), eb.fn.max('recorded_on').as('last'), eb.fn.count('unit_id').distinct().as('units')])
      .executeTakeFirstOrThrow();
    expect(span).toEqual({ first: expect.stringMatching(/^2026-09-2\d$/), last: '2026-11-19', units: 3 });
    const staff = await sys.database.db.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const checked = await sys.database.db.selectFrom('selfchecks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(checked.n)).toBeLessThan(Number(staff.n));
  });
});

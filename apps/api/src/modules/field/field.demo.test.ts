/** The demo list and teams: valid rows for the three demo communes, one team each, imported once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { createStaff } from '../staff/staff.service.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC } from '../campaigns/campaigns.fixtures.ts';
import { demoHouseholdRows, seedDemoField } from './field.demo.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  await createStaff(sys.database.db, null, { username: 'tinhnguyen.longxuyen', fullName: 'Nguyễn Thị Hồng Nhung', unitCode: LONG_XUYEN, roles: ['field_volunteer'], password: 'mat-khau-demo-123' }, true);
});
afterAll(async () => sys?.close());

describe('seedDemoField', () => {
  it('is deterministic and covers the three demo communes with three hamlets each', () => {
    const rows = demoHouseholdRows('to_verify');
    expect(demoHouseholdRows('to_verify')).toEqual(rows);
    for (const code of [LONG_XUYEN, MY_HOA_HUNG, PHU_QUOC]) {
      expect(new Set(rows.filter((r) => r.commune_code === code).map((r) => r.hamlet)).size).toBe(3);
    }
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
    // Subscribers still on a 9-digit CMND (seed 002 II.1) are listed by it; the VNeID list is CCCD only.
    expect(rows.some((r) => /^[0-9]{9}$/.test(r.id_number!))).toBe(true);
    expect(demoHouseholdRows('approved_not_activated').every((r) => /^[0-9]{12}$/.test(r.id_number!) && r.msisdn === '')).toBe(true);
  });

  it('imports the list once and gives each commune’s hamlets to its volunteer’s team', async () => {
    const db = sys.database.db;
    const n = await seedDemoField(db, 'TEST-TTTB');
    expect(n).toBe(demoHouseholdRows('to_verify').length);
    expect(await seedDemoField(db, 'TEST-TTTB')).toBe(0);
    const teams = await db.selectFrom('field_teams as t').innerJoin('units as u', 'u.id', 't.unit_id').select(['t.id', 't.name', 'u.code']).orderBy('u.code').execute();
    expect(teams.map((t) => [t.code, t.name])).toEqual([
      [LONG_XUYEN, 'Tổ công nghệ số cộng đồng Phường Long Xuyên'],
      [MY_HOA_HUNG, 'Tổ công nghệ số cộng đồng Xã Mỹ Hòa Hưng'],
      [PHU_QUOC, 'Tổ công nghệ số cộng đồng Đặc khu Phú Quốc'],
    ]);
    const members = await db.selectFrom('field_team_members as m').innerJoin('staff as s', 's.id', 'm.staff_id').select(['m.team_id', 's.username']).execute();
    expect(members).toEqual([{ team_id: teams[0]!.id, username: 'tinhnguyen.longxuyen' }]);
    const hamlets = await db.selectFrom('field_hamlet_assignments').select('team_id').execute();
    expect(hamlets).toHaveLength(9);
    const kinds = await db.selectFrom('field_people').select('list_kind').distinct().execute();
    expect(kinds).toEqual([{ list_kind: 'to_verify' }]);
  });
});

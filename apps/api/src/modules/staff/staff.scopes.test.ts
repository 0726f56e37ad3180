/**
 * Who may do what, across units and roles: the policy answers by role and by unit subtree.
 * An officer of one commune must not edit another commune's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { can, PERMISSIONS, type Actor } from '../../shared/policy.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await createTestSystem();
});
afterAll(async () => sys?.close());

const patchUnit = (code: string, headers: Record<string, string> | undefined, phone = '0296 3852 000') =>
  sys.app.inject({ method: 'PATCH', url: `/api/v1/units/${code}`, headers, payload: { phone } });

describe('unit contact edits across communes', () => {
  it('lets a commune leader edit their own commune', async () => {
    const leader = await staffSession(sys, '30307', ['approver']);
    const res = await patchUnit('30307', leader.headers, '0296 3841 111');
    expect(res.statusCode).toBe(200);
    expect(res.json().contact).toEqual({ phone: '0296 3841 111' });
  });

  it('forbids a commune leader from editing another commune', async () => {
    const leader = await staffSession(sys, '30307', ['approver']);
    const res = await patchUnit('30313', leader.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const after = await sys.app.inject({ method: 'GET', url: '/api/v1/units/30313' });
    expect(after.json().contact).toEqual({});
  });

  it('lets the province administrator edit any commune of the province, not another province', async () => {
    const admin = await staffSession(sys, '91', ['admin']);
    expect((await patchUnit('30313', admin.headers)).statusCode).toBe(200);
    expect((await patchUnit('31078', admin.headers)).statusCode).toBe(200);
    const hanoiWard = (await sys.app.inject({ method: 'GET', url: '/api/v1/units?parent=01&limit=1' })).json().items[0].code;
    expect((await patchUnit(hanoiWard, admin.headers)).statusCode).toBe(403);
  });

  it('forbids roles without the permission even in their own commune', async () => {
    for (const role of ['intake_officer', 'processor', 'field_volunteer', 'monitor'] as Role[]) {
      const s = await staffSession(sys, '30307', [role]);
      const res = await patchUnit('30307', s.headers);
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('asks an anonymous caller to log in', async () => {
    const res = await patchUnit('30307', undefined);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('staff lists are scoped to the subtree', () => {
  it('shows a commune admin only their commune, and refuses another commune', async () => {
    const a = await staffSession(sys, '30313', ['admin']);
    const own = await sys.app.inject({ method: 'GET', url: '/api/v1/staff', headers: a.headers });
    expect(own.statusCode).toBe(200);
    expect(new Set(own.json().items.map((s: { unitCode: string }) => s.unitCode))).toEqual(new Set(['30313']));
    const other = await sys.app.inject({ method: 'GET', url: '/api/v1/staff?unit=30307', headers: a.headers });
    expect(other.statusCode).toBe(403);
  });

  it('lets a commune admin create staff in their commune only', async () => {
    const a = await staffSession(sys, '30313', ['admin']);
    const body = (unitCode: string, username: string) => ({ username, fullName: 'Lê Văn Bình', unitCode, roles: ['processor'], password: 'mat-khau-du-dai-1' });
    const ok = await sys.app.inject({ method: 'POST', url: '/api/v1/staff', headers: a.headers, payload: body('30313', 'binh.myhoahung') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().unitName).toBe('Xã Mỹ Hòa Hưng');
    const no = await sys.app.inject({ method: 'POST', url: '/api/v1/staff', headers: a.headers, payload: body('30307', 'binh.longxuyen') });
    expect(no.statusCode).toBe(403);
    const dup = await sys.app.inject({ method: 'POST', url: '/api/v1/staff', headers: a.headers, payload: body('30313', 'binh.myhoahung') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
  });
});

describe('policy helper, every action × role × scope', () => {
  const actor = (roles: Role[], unitPath: string): Actor => ({
    kind: 'staff', staffId: 1, username: 'x', fullName: 'x', unitId: 1, unitCode: 'x', unitPath, roles,
  });
  it('allows exactly the listed roles, and only inside the subtree', () => {
    for (const [action, allowed] of Object.entries(PERMISSIONS) as [keyof typeof PERMISSIONS, readonly Role[]][]) {
      for (const role of ROLES) {
        const inside = can(actor([role], '/1/5/'), action, { unitPath: '/1/5/77/' });
        const self = can(actor([role], '/1/5/'), action, { unitPath: '/1/5/' });
        const sibling = can(actor([role], '/1/5/'), action, { unitPath: '/1/6/' });
        const parent = can(actor([role], '/1/5/'), action, { unitPath: '/1/' });
        const expected = allowed.includes(role);
        expect([inside, self, sibling, parent], `${action} ${role}`).toEqual([expected, expected, false, false]);
      }
    }
    expect(can(null, 'unit.update', { unitPath: '/1/' })).toBe(false);
  });

  it('does not confuse a unit whose id is a prefix of another id', () => {
    expect(can(actor(['admin'], '/1/5/'), 'unit.update', { unitPath: '/1/55/' })).toBe(false);
  });
});

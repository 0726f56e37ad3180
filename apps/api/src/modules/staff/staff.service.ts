/** Staff accounts, password login (argon2id) and sessions. */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ROLES, type Role } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { authorize, type Actor, type StaffActor } from '../../shared/policy.ts';
import { getUnit } from '../units/units.service.ts';
import * as repo from './staff.repo.ts';

export type { StaffWithUnit } from './staff.repo.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'));
}

export function actorOf(s: repo.StaffWithUnit): StaffActor {
  return {
    kind: 'staff',
    staffId: s.id,
    username: s.username,
    fullName: s.full_name,
    unitId: s.unit_id,
    unitCode: s.unit_code,
    unitPath: s.unit_path,
    roles: s.roles,
  };
}

export interface NewStaff {
  username: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
  password: string;
}

/** Creates a staff account; `actor` null means a trusted caller (CLI, demo seed). */
export async function createStaff(db: Db, actor: Actor | null, n: NewStaff, trusted = false): Promise<repo.StaffWithUnit> {
  const unit = await getUnit(db, n.unitCode);
  if (!trusted) authorize(actor, 'staff.manage', { unitPath: unit.path });
  const bad = n.roles.filter((r) => !ROLES.includes(r));
  if (bad.length) throw errors.validation({ roles: bad }, `Vai trò không hợp lệ: ${bad.join(', ')}.`);
  if (n.password.length < 10) throw errors.validation({ field: 'password' }, 'Mật khẩu phải có ít nhất 10 ký tự.');
  if (await repo.findStaffByUsername(db, n.username)) {
    throw errors.conflict(`Tên đăng nhập ${n.username} đã tồn tại.`, `Username ${n.username} is taken.`, { username: n.username });
  }
  const id = await repo.insertStaff(db, {
    username: n.username,
    full_name: n.fullName.normalize('NFC'),
    unit_id: unit.id,
    roles: n.roles,
    password_hash: await hashPassword(n.password),
  });
  await recordAudit(db, { actor, action: 'staff.create', target: `staff:${id}`, unitId: unit.id, details: { roles: n.roles } });
  return (await repo.findStaffById(db, id))!;
}

export interface Session {
  token: string;
  expiresAt: Date;
  staff: repo.StaffWithUnit;
}

/**
 * Checks the password and opens a session. Unlike other services it manages its own transaction: a
 * failed attempt must be audited even though the request fails, so it cannot share the request's.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  opts: { ttlHours: number; userAgent?: string; requestId?: string },
): Promise<Session> {
  const s = await repo.findStaffByUsername(db, username.trim().toLowerCase());
  dummyHash ??= hash('motcua-timing-equaliser');
  const ok = s ? await verify(s.password_hash, password.normalize('NFC')) : (await verify(await dummyHash, password), false);
  if (!s || !ok || !s.active) {
    await recordAudit(db, { actor: null, action: 'auth.login_failed', target: `username:${username.slice(0, 64)}`, requestId: opts.requestId });
    throw errors.invalidCredentials();
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, { token_hash: sha256(token), staff_id: s.id, expires_at: expiresAt, user_agent: opts.userAgent?.slice(0, 300) ?? null });
    await recordAudit(trx, { actor: actorOf(s), action: 'auth.login', target: `staff:${s.id}`, unitId: s.unit_id, requestId: opts.requestId });
  });
  return { token, expiresAt, staff: s };
}

export async function logout(db: Db, token: string): Promise<void> {
  await repo.revokeSession(db, sha256(token));
}

/**
 * The actor behind a session token, or null when the token is unknown, expired or revoked, or the
 * account is disabled. One query: every staff request pays for it.
 */
export async function actorFromToken(db: Db, token: string): Promise<StaffActor | null> {
  const s = await repo.findActiveStaffBySession(db, sha256(token));
  return s ? actorOf(s) : null;
}

export async function listStaff(db: Db, actor: Actor | null, unitCode?: string) {
  if (!actor) throw errors.unauthenticated();
  const unit = unitCode ? await getUnit(db, unitCode) : { path: actor.unitPath };
  authorize(actor, 'staff.read', { unitPath: unit.path });
  return repo.listStaffInSubtree(db, unit.path);
}

export const findStaffById = repo.findStaffById;
export const listActiveWithRoles = repo.listActiveWithRoles;
export const countStaff = repo.countStaff;

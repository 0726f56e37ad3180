/**
 * Citizens and their sessions. A session starts only from an identity that the VNeID login has
 * already verified (signature, audience, nonce: see the vneid relying party); this module trusts its
 * caller for that and keeps citizen sessions apart from staff sessions (own table, own cookie,
 * own token prefix) so a citizen token can never act as an official.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { CitizenActor } from '../../shared/policy.ts';
import * as repo from './citizens.repo.ts';
import type { IdentityLevel } from './citizens.tables.ts';

export type { CitizenRow } from './citizens.repo.ts';
export type { IdentityLevel } from './citizens.tables.ts';

/** Citizen tokens carry this prefix, so the auth hook knows which table to look in. */
export const CITIZEN_TOKEN_PREFIX = 'cz_';

/** What the national e-ID vouches for. */
export interface VerifiedIdentity {
  /** CCCD, 12 digits: the ID token's subject. */
  idNumber: string;
  fullName: string;
  /** 'YYYY-MM-DD' when the token carries it. */
  birthDate: string | null;
  level: IdentityLevel;
}

export interface CitizenSession {
  token: string;
  expiresAt: Date;
  citizen: CitizenActor;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function actorOf(r: { id: number; id_number: string; full_name: string; birth_date: string | null }, level: IdentityLevel): CitizenActor {
  return { kind: 'citizen', citizenId: r.id, idNumber: r.id_number, fullName: r.full_name, birthDate: r.birth_date, level };
}

/** Opens a session for a verified identity (creating the citizen on first login) and audits it. */
export async function startSession(
  db: Db,
  identity: VerifiedIdentity,
  opts: { ttlHours: number; userAgent?: string; requestId?: string },
): Promise<CitizenSession> {
  if (!/^[0-9]{12}$/.test(identity.idNumber)) throw errors.validation([{ field: 'sub', message: 'không phải số CCCD 12 chữ số' }]);
  const token = CITIZEN_TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const { row, expiresAt } = await db.transaction().execute(async (trx) => {
    const c = await repo.upsertCitizen(trx, {
      id_number: identity.idNumber,
      full_name: identity.fullName.normalize('NFC').trim(),
      birth_date: identity.birthDate,
      identity_level: identity.level,
    });
    const expires = await repo.insertSession(trx, {
      token_hash: sha256(token),
      citizen_id: c.id,
      identity_level: identity.level,
      ttlHours: opts.ttlHours,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, {
      actor: actorOf(c, identity.level),
      action: 'auth.citizen_login',
      target: `citizen:${c.id}`,
      requestId: opts.requestId,
      details: { level: identity.level },
    });
    return { row: c, expiresAt: expires };
  });
  return { token, expiresAt, citizen: actorOf(row, identity.level) };
}

/** The citizen behind a token, or null when unknown, expired or revoked. */
export async function citizenFromToken(db: Db, token: string): Promise<CitizenActor | null> {
  if (!token.startsWith(CITIZEN_TOKEN_PREFIX)) return null;
  const s = await repo.findLiveSession(db, sha256(token));
  return s ? actorOf(s, s.identity_level) : null;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await repo.revokeSession(db, sha256(token));
}

export const findCitizenById = repo.findCitizenById;
export const findCitizenByIdNumber = repo.findCitizenByIdNumber;

/**
 * Resolves the actor of each request from the session cookie (browsers) or a bearer token (API
 * clients). Routes then call `authorize(req.actor, action, target)`; nothing here decides access.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { errors } from '../errors.ts';
import type { Actor, CitizenActor } from '../shared/policy.ts';
import { actorFromToken } from '../modules/staff/staff.service.ts';
import { CITIZEN_TOKEN_PREFIX, citizenFromToken } from '../modules/citizens/citizens.service.ts';
import { PARTNER_TOKEN_PREFIX } from '../modules/partner-reports/partner-reports.tokens.ts';

export const SESSION_COOKIE = 'motcua_session';
/** Citizen sessions have their own cookie: one browser can hold an official's and a citizen's login. */
export const CITIZEN_COOKIE = 'motcua_citizen';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    citizen: CitizenActor | null;
    sessionToken: string | null;
    citizenToken: string | null;
  }
}

function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

/**
 * The staff token: a bearer token without the citizen (`cz_`) or partner (`pt_`) prefix, else the
 * staff cookie. A partner token is resolved by the partner API itself (partnerFromAuthorization);
 * looking it up as a staff session would cost a query per partner request and cache a null actor.
 */
export function tokenOf(req: FastifyRequest): string | null {
  const b = bearerOf(req);
  if (b && !b.startsWith(CITIZEN_TOKEN_PREFIX) && !b.startsWith(PARTNER_TOKEN_PREFIX)) return b;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** The citizen token: a bearer token with the citizen prefix, else the citizen cookie. */
export function citizenTokenOf(req: FastifyRequest): string | null {
  const b = bearerOf(req);
  if (b?.startsWith(CITIZEN_TOKEN_PREFIX)) return b;
  return req.cookies?.[CITIZEN_COOKIE] ?? null;
}

const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('citizen', null);
  app.decorateRequest('citizenToken', null);
  // Staff sessions resolved in the last few seconds, so a burst of requests (an officer's page, a
  // counter at peak) costs one look-up, not one per request. A logout through this server drops
  // the entry at once; a revocation elsewhere (another instance, a disabled account) takes effect
  // within SESSION_CACHE_MS.
  const sessions = new Map<string, { actor: Actor | null; until: number }>();
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenOf(req);
    if (token) {
      req.sessionToken = token;
      const now = performance.now();
      const hit = sessions.get(token);
      if (hit && hit.until > now) {
        req.actor = hit.actor;
      } else {
        req.actor = await actorFromToken(db, token);
        if (sessions.size >= SESSION_CACHE_MAX) sessions.clear();
        sessions.set(token, { actor: req.actor, until: now + SESSION_CACHE_MS });
      }
    }
    const citizenToken = citizenTokenOf(req);
    if (citizenToken) {
      req.citizenToken = citizenToken;
      req.citizen = await citizenFromToken(db, citizenToken);
    }
  });
  app.addHook('onResponse', async (req) => {
    if (req.sessionToken && req.method === 'POST' && req.url.startsWith('/api/v1/auth/logout')) sessions.delete(req.sessionToken);
  });
}

/** The logged-in citizen, or UNAUTHENTICATED (log in with VNeID). */
export function requireCitizen(req: FastifyRequest): CitizenActor {
  if (!req.citizen) throw errors.citizenUnauthenticated();
  return req.citizen;
}

/** The actor, or UNAUTHENTICATED. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw errors.unauthenticated();
  return req.actor;
}

/**
 * The population-registry simulator: the HTTP JSON service of registry.protocol.ts under
 * /sim/registry/v1, over the synthetic population. Every request needs the API key
 * (MOTCUA_REGISTRY_API_KEY). It is not part of motcua's API, so it is left out of the OpenAPI
 * document (`hide`); docs/registry.md describes it.
 */
import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { AppError, errors } from '../../errors.ts';
import {
  REGISTRY_API_KEY_HEADER,
  RegistryCmndAnswer,
  RegistryHousehold,
  RegistryPerson,
  RegistryVerifyRequest,
  RegistryVerifyResponse,
} from '../../modules/registry/registry.protocol.ts';
import { householdRecord, personRecord, verifyAgainst } from './registry.records.ts';
import * as repo from './registry.repo.ts';

export const REGISTRY_SIM_PREFIX = '/sim/registry';

const CccdParams = Type.Object({ idNumber: Type.String({ pattern: '^[0-9]{12}$' }) });

const sha = (s: string) => crypto.createHash('sha256').update(s).digest();

export function registrySimulatorRoutes(app: App): void {
  const { db, config } = app.deps;
  const expectedKey = sha(config.registryApiKey);

  // Constant-time comparison of hashes, so the key's length and prefix leak nothing.
  const requireKey = async (req: FastifyRequest) => {
    const sent = req.headers[REGISTRY_API_KEY_HEADER];
    if (typeof sent !== 'string' || !crypto.timingSafeEqual(sha(sent), expectedKey)) {
      throw new AppError('UNAUTHENTICATED', 'Khóa truy cập (x-api-key) không hợp lệ.', 'Invalid API key (x-api-key).');
    }
  };
  const notFound = () => errors.notFound('công dân có số định danh này trong Cơ sở dữ liệu quốc gia về dân cư', 'Citizen');

  async function load(idNumber: string) {
    const person = await repo.findPersonByCccd(db, idNumber);
    if (!person) throw notFound();
    const hh = await repo.householdWithMembers(db, person.household_id);
    if (!hh) throw notFound();
    return { person, ...hh };
  }

  const common = { hide: true, tags: ['simulators'] };

  app.get(
    `${REGISTRY_SIM_PREFIX}/v1/people/:idNumber`,
    { onRequest: requireKey, schema: { ...common, params: CccdParams, response: { 200: RegistryPerson } } },
    async (req) => {
      const { person, household, members } = await load(req.params.idNumber);
      return personRecord(person, household, members);
    },
  );

  app.get(
    `${REGISTRY_SIM_PREFIX}/v1/people/:idNumber/household`,
    { onRequest: requireKey, schema: { ...common, params: CccdParams, response: { 200: RegistryHousehold } } },
    async (req) => {
      const { household, members } = await load(req.params.idNumber);
      return householdRecord(household, members);
    },
  );

  app.post(
    `${REGISTRY_SIM_PREFIX}/v1/verify`,
    { onRequest: requireKey, schema: { ...common, body: RegistryVerifyRequest, response: { 200: RegistryVerifyResponse } } },
    async (req) => {
      const id = req.body.idNumber.replace(/[\s.-]/g, '');
      const person = /^[0-9]{12}$/.test(id) ? await repo.findPersonByCccd(db, id) : undefined;
      return verifyAgainst(req.body, person);
    },
  );

  app.get(
    `${REGISTRY_SIM_PREFIX}/v1/cmnd/:cmnd`,
    {
      onRequest: requireKey,
      schema: { ...common, params: Type.Object({ cmnd: Type.String({ pattern: '^[0-9]{9}$' }) }), response: { 200: RegistryCmndAnswer } },
    },
    async (req) => {
      const r = await repo.findPersonByCmnd(db, req.params.cmnd);
      if (!r?.cmnd) throw errors.notFound('số CMND này trong Cơ sở dữ liệu quốc gia về dân cư', 'CMND number');
      return { oldIdNumber: r.cmnd, idNumber: r.cccd };
    },
  );
}

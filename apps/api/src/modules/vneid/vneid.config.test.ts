/** Configuration of the external systems: simulator defaults in development, nothing implicit in production. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../env.ts';

const PROD_ENV = {
  NODE_ENV: 'production',
  MOTCUA_PUBLIC_URL: 'https://dichvucong.angiang.example',
  MOTCUA_REGISTRY_URL: 'https://lgsp.angiang.example/dancu',
  MOTCUA_REGISTRY_API_KEY: 'khoa-that-0123456789',
  MOTCUA_VNEID_ISSUER: 'https://vneid.example/oidc',
  MOTCUA_VNEID_CLIENT_ID: 'angiang-dvc',
  MOTCUA_VNEID_CLIENT_SECRET: 'bi-mat-that-0123456789',
};

describe('external-system configuration', () => {
  it('points at the simulators of this server by default outside production', () => {
    const c = loadConfig({ port: 8080 }, { NODE_ENV: 'development' });
    expect(c).toMatchObject({
      simulators: true,
      registryUrl: 'http://localhost:8080/sim/registry',
      vneidIssuer: 'http://localhost:8080/sim/vneid',
      vneidClientId: 'motcua-dev',
    });
    expect(c.registryApiKey.length).toBeGreaterThanOrEqual(8);
  });

  it('follows MOTCUA_PUBLIC_URL and explicit URLs', () => {
    const c = loadConfig({}, { NODE_ENV: 'development', MOTCUA_PUBLIC_URL: 'http://192.168.1.5:8080/', MOTCUA_VNEID_ISSUER: 'https://vneid.example/oidc/' });
    expect(c.registryUrl).toBe('http://192.168.1.5:8080/sim/registry');
    expect(c.vneidIssuer).toBe('https://vneid.example/oidc');
  });

  // Other subsystems have production requirements of their own; only this one's are checked here.
  const ownProblems = (env: Record<string, string>) => {
    try {
      loadConfig({}, env);
      return [];
    } catch (e) {
      return (e as Error).message.split('\n').filter((l) => /MOTCUA_(REGISTRY|VNEID|SIMULATORS)/.test(l));
    }
  };

  it('takes everything from the environment in production, simulators off', () => {
    expect(ownProblems(PROD_ENV)).toEqual([]);
  });

  it('refuses production without the secrets, with simulators, or with a plain-http issuer', () => {
    const { MOTCUA_VNEID_CLIENT_SECRET: _s, MOTCUA_REGISTRY_API_KEY: _k, ...missing } = PROD_ENV;
    expect(ownProblems(missing)).toEqual([
      '  MOTCUA_REGISTRY_API_KEY: bắt buộc khi NODE_ENV=production / required in production',
      '  MOTCUA_VNEID_CLIENT_SECRET: bắt buộc khi NODE_ENV=production / required in production',
    ]);
    expect(ownProblems({ ...PROD_ENV, MOTCUA_SIMULATORS: 'true' })).toEqual([
      '  MOTCUA_SIMULATORS: không chạy hệ thống giả lập khi NODE_ENV=production / simulators are refused in production',
    ]);
    expect(ownProblems({ ...PROD_ENV, MOTCUA_VNEID_ISSUER: 'http://vneid.example/oidc' })).toEqual(['  MOTCUA_VNEID_ISSUER: phải dùng https / must be https']);
  });
});

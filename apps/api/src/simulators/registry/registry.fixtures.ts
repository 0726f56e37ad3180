/**
 * Test helpers (imported by *.test.ts only): a system that really listens on a loopback port, with
 * every external-system URL pointing at the simulators it serves, and a small synthetic population.
 */
import net from 'node:net';
import type { Config } from '../../env.ts';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { seedPopulation } from '../population/population.service.ts';

/** A free loopback port (asked from the OS, then released for the server to take). */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface ListeningSystem extends TestSystem {
  baseUrl: string;
}

/**
 * A fresh system listening on 127.0.0.1 whose public URL is that address, so the VNeID issuer and
 * the registry URL (both derived from it) reach the simulators over real HTTP.
 */
export async function listeningSystem(overrides: Partial<Config> = {}): Promise<ListeningSystem> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sys = await createTestSystem({
    publicUrl: baseUrl,
    registryUrl: `${baseUrl}/sim/registry`,
    vneidIssuer: `${baseUrl}/sim/vneid`,
    ...overrides,
  });
  await sys.app.listen({ port, host: '127.0.0.1' });
  return { ...sys, baseUrl };
}

/** Seed 1, `people` residents: the beginning of the demo population, same people every run. */
export async function seedSimPopulation(sys: TestSystem, people = 400): Promise<void> {
  await seedPopulation(sys.database.db, { seed: 1, people });
}

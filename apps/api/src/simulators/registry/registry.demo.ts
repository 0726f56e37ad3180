/**
 * Demo mode: the registry and VNeID simulators need residents, so `serve --demo` seeds a small
 * synthetic population when none is stored (seed 1; a larger one comes from `motcua seed --demo
 * --people N`). A stored population, whatever its size, is left alone.
 */
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../shared/logger.ts';
import { seedPopulation } from '../population/population.service.ts';
import { hasPopulation } from './registry.repo.ts';

/** About 0.3 s to generate and store on either database. */
export const DEMO_PEOPLE = 3000;

export async function ensureDemoPopulation(db: Db, log?: Logger): Promise<void> {
  if (await hasPopulation(db)) return;
  const r = await seedPopulation(db, { seed: 1, people: DEMO_PEOPLE });
  log?.info({ people: r.people, households: r.households, ms: r.generateMs + r.storeMs }, 'demo population for the VNeID and registry simulators');
}

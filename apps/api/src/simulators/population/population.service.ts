/**
 * Seeding the simulators' population (`motcua seed --demo --people N --seed S`). Seeding again with
 * the same seed, size and generator changes nothing; anything else is refused unless `replace` is
 * set, because the registry and VNeID simulators (and whatever a tester noted down from them) would
 * silently see different people.
 */
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { listUnits } from '../../modules/units/units.service.ts';
import { GENERATOR_VERSION, POPULATION_AS_OF, generatePopulation } from './population.generate.ts';
import { loadCommuneOrigins, type PopulationCommune } from './population.reference.ts';
import * as repo from './population.repo.ts';

export interface SeedPopulationOptions {
  seed: number;
  people: number;
  /** Replace a stored population made with other parameters instead of refusing. */
  replace?: boolean;
  /** Default '91', the new An Giang. */
  provinceCode?: string;
}

export interface SeedPopulationResult {
  outcome: 'created' | 'replaced' | 'unchanged';
  seed: number;
  people: number;
  households: number;
  /** Time spent generating and storing, in milliseconds (0 when unchanged). */
  generateMs: number;
  storeMs: number;
}

/** The communes of the province valid today, with the pre-2025 province each came from. */
export async function populationCommunes(db: Db, provinceCode = '91'): Promise<PopulationCommune[]> {
  const { rows } = await listUnits(db, { parent: provinceCode, kind: 'commune', limit: 10_000 });
  const origins = loadCommuneOrigins();
  return rows.map((u) => ({ code: u.code, name: u.name, subtype: u.subtype, oldProvinceCode: origins.get(u.code) ?? '91' }));
}

/** Generates and stores N residents, or confirms that the same population is already stored. */
export async function seedPopulation(db: Db, opts: SeedPopulationOptions): Promise<SeedPopulationResult> {
  if (!Number.isInteger(opts.people) || opts.people < 1) {
    throw errors.validation({ people: opts.people }, 'Số cư dân giả lập phải là số nguyên dương.');
  }
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findPopulationRun(trx);
    if (existing && existing.seed === opts.seed && existing.people === opts.people && existing.generator_version === GENERATOR_VERSION && existing.as_of === POPULATION_AS_OF) {
      return { outcome: 'unchanged', seed: opts.seed, people: existing.people, households: existing.households, generateMs: 0, storeMs: 0 };
    }
    if (existing && !opts.replace) {
      throw errors.conflict(
        `Đã có dân cư giả lập (hạt giống ${existing.seed}, ${existing.people} người). Chạy lại với --replace để thay thế.`,
        `A synthetic population exists (seed ${existing.seed}, ${existing.people} people); use --replace to replace it.`,
        { seed: existing.seed, people: existing.people, generatorVersion: existing.generator_version },
      );
    }
    const communes = await populationCommunes(trx, opts.provinceCode);
    const t0 = performance.now();
    const population = generatePopulation({ seed: opts.seed, people: opts.people, communes });
    const t1 = performance.now();
    if (existing) await repo.deletePopulation(trx);
    await repo.insertPopulation(trx, population, { seed: opts.seed, generatorVersion: GENERATOR_VERSION });
    const t2 = performance.now();
    return {
      outcome: existing ? 'replaced' : 'created',
      seed: opts.seed,
      people: population.people.length,
      households: population.households.length,
      generateMs: Math.round(t1 - t0),
      storeMs: Math.round(t2 - t1),
    };
  });
}

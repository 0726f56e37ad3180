/** SQL of the simulators' population store; every function takes the db or a transaction first. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Population } from './population.generate.ts';
import type { SimHouseholdsTable, SimPeopleTable, SimPopulationTable } from './population.tables.ts';

export type PopulationRunRow = Selectable<SimPopulationTable>;

// Rows per INSERT: 1,000 people × 18 columns stays well under PostgreSQL's 65,535 parameters, and
// larger statements were not faster on either database.
const BATCH = 1000;

/** The generated population's parameters, if one is stored. */
export async function findPopulationRun(db: Db): Promise<PopulationRunRow | undefined> {
  return db.selectFrom('sim_population').selectAll().executeTakeFirst();
}

/** Removes the stored population (people go with their households). */
export async function deletePopulation(db: Db): Promise<void> {
  await db.deleteFrom('sim_people').execute();
  await db.deleteFrom('sim_households').execute();
  await db.deleteFrom('sim_population').execute();
}

export interface PopulationRunInsert {
  seed: number;
  generatorVersion: number;
}

/** Writes a generated population and its parameters, in batches. */
export async function insertPopulation(db: Db, population: Population, run: PopulationRunInsert): Promise<void> {
  await db
    .insertInto('sim_population')
    .values({
      id: 1,
      seed: run.seed,
      people: population.people.length,
      households: population.households.length,
      generator_version: run.generatorVersion,
      as_of: population.asOf,
    })
    .execute();
  for (let i = 0; i < population.households.length; i += BATCH) {
    const rows: Insertable<SimHouseholdsTable>[] = population.households.slice(i, i + BATCH).map((h) => ({
      id: h.id,
      code: h.code,
      commune_code: h.communeCode,
      house_number: h.houseNumber,
      street: h.street,
      hamlet: h.hamlet,
      address: h.address,
      member_count: h.memberCount,
    }));
    await db.insertInto('sim_households').values(rows).execute();
  }
  for (let i = 0; i < population.people.length; i += BATCH) {
    const rows: Insertable<SimPeopleTable>[] = population.people.slice(i, i + BATCH).map((p) => ({
      id: p.id,
      household_id: p.householdId,
      household_role: p.householdRole,
      full_name: p.fullName,
      surname: p.surname,
      middle_name: p.middleName,
      given_name: p.givenName,
      sex: p.sex,
      date_of_birth: p.dateOfBirth,
      birth_province_code: p.birthProvinceCode,
      cccd: p.cccd,
      cmnd: p.cmnd,
      mobile: p.mobile,
      mobile_2: p.mobile2,
      commune_code: p.communeCode,
      identity_level: p.identityLevel,
      status: p.status,
      date_of_death: p.dateOfDeath,
    }));
    await db.insertInto('sim_people').values(rows).execute();
  }
}

/** Numbers of stored people and households. */
export async function countPopulation(db: Db): Promise<{ people: number; households: number }> {
  const people = await db.selectFrom('sim_people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const households = await db.selectFrom('sim_households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { people: Number(people.n), households: Number(households.n) };
}

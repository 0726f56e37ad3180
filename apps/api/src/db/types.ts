/**
 * The database as Kysely sees it. Each module owns and declares its tables in `<module>.tables.ts`;
 * this file only composes them.
 */
import type { UnitsTables } from '../modules/units/units.tables.ts';
import type { StaffTables } from '../modules/staff/staff.tables.ts';
import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { CalendarTables } from '../modules/calendar/calendar.tables.ts';
import type { DossiersTables } from '../modules/dossiers/dossiers.tables.ts';
import type { KpiTables } from '../modules/kpi/kpi.tables.ts';
import type { PopulationTables } from '../simulators/population/population.tables.ts';
import type { CitizensTables } from '../modules/citizens/citizens.tables.ts';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Date;
}

export interface DB extends UnitsTables, StaffTables, CatalogTables, CalendarTables, DossiersTables, KpiTables, PopulationTables, CitizensTables {
  schema_migrations: SchemaMigrationsTable;
}

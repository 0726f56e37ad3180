import type { Db } from '../../db/client.ts';
import type { ImportReport } from '../../shared/import-report.ts';

export async function importHolidaysFile(db: Db, file: string): Promise<ImportReport> {
  void db;
  void file;
  throw new Error('not implemented yet');
}

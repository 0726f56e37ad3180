/**
 * Reference data that every intake reads and almost nothing writes: procedures, units by code and the
 * working calendar. Reading them costs a database round trip each, and round trips, not the
 * statements, were the measured cost of an intake (docs/performance.md §4.1), so one app instance
 * keeps them in memory:
 * - per app instance (never module-global), so two systems in one process never share entries;
 * - dropped entirely after any successful write through this app's API to procedures, units or the
 *   calendar (see `registerReferenceInvalidation`);
 * - and kept at most `ttlMs`, which bounds how stale an entry can be after a write this instance did
 *   not see (another server instance, or a CLI import against the same PostgreSQL).
 * Failed look-ups are not cached. Callers must treat the values as read-only. A miss reads through
 * the `db` the caller passes (usually its transaction): on the embedded database a transaction holds
 * the only connection, so a read through another handle would wait for it forever.
 */
import type { Db } from './db/client.ts';
import { loadCalendar } from './modules/calendar/calendar.service.ts';
import type { LoadedCalendar } from './modules/calendar/calendar.rules.ts';
import { getProcedure, type ProcedureRow } from './modules/catalog/catalog.service.ts';
import { findUnitByCode, findUnitById, type UnitRow, type UnitRowWithParent } from './modules/units/units.service.ts';

export interface ReferenceReader {
  /** The procedure, or NOT_FOUND. */
  procedure(db: Db, code: string): Promise<ProcedureRow>;
  /** The unit with this code valid on `at` ('YYYY-MM-DD'), or undefined. */
  unitByCode(db: Db, code: string, at: string): Promise<UnitRowWithParent | undefined>;
  unitById(db: Db, id: number): Promise<UnitRow | undefined>;
  /** The working calendar of whole years `fromYear`..`toYear`. */
  calendar(db: Db, fromYear: number, toYear: number): Promise<LoadedCalendar>;
}

/** Straight to the database: the CLI, imports and anything running without an app. */
export const directReader: ReferenceReader = {
  procedure: getProcedure,
  unitByCode: findUnitByCode,
  unitById: findUnitById,
  calendar: loadCalendar,
};

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

export class ReferenceCache implements ReferenceReader {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = () => performance.now(),
    /** Bounds memory: units × days and calendar spans are the only open-ended keys. */
    private readonly maxEntries = 5_000,
  ) {}

  procedure(db: Db, code: string) {
    return this.get(`p:${code}`, () => getProcedure(db, code));
  }

  unitByCode(db: Db, code: string, at: string) {
    return this.get(`u:${code}:${at}`, () => findUnitByCode(db, code, at));
  }

  unitById(db: Db, id: number) {
    return this.get(`i:${id}`, () => findUnitById(db, id));
  }

  calendar(db: Db, fromYear: number, toYear: number) {
    return this.get(`c:${fromYear}:${toYear}`, () => loadCalendar(db, fromYear, toYear));
  }

  /** Forgets everything: the next read of each key goes to the database. */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    const entry = { value, expires: now + this.ttlMs };
    this.entries.set(key, entry);
    // A failure is not remembered (and an invalidation while loading must not be undone by it).
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

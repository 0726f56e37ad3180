/** Access-log rows → API JSON: who (name and unit at the time), what, when, why; no staff ids. */
import type { AccessLogEntry } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { AccessRow } from './datastore.repo.ts';

export function presentAccess(r: AccessRow): AccessLogEntry {
  return {
    at: formatVn(new Date(r.at)),
    actor: { kind: r.actor_kind, name: r.actor_name, unitCode: r.actor_unit_code, unitName: r.actor_unit_name },
    action: r.action,
    what: { kind: r.what_kind, ref: r.what_ref },
    purpose: r.purpose,
  };
}

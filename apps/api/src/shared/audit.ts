import type { Db } from '../db/client.ts';
import type { Actor, CitizenActor } from './policy.ts';

export interface AuditEntry {
  actor: Actor | CitizenActor | null;
  action: string;
  target?: string;
  unitId?: number | null;
  requestId?: string;
  details?: Record<string, unknown>;
}

/** Appends an audit row; call it inside the transaction of the change it records. */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: e.actor ? e.actor.kind : 'anonymous',
      actor_id: e.actor ? String(e.actor.kind === 'staff' ? e.actor.staffId : e.actor.citizenId) : null,
      action: e.action,
      target: e.target ?? null,
      unit_id: e.unitId ?? null,
      request_id: e.requestId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

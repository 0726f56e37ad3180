/**
 * Dossiers (DESIGN §3.3): what other modules and the routes call. Reads live here; the changes live
 * in dossiers.intake.ts and dossiers.lifecycle.ts and are re-exported, so callers import one module.
 * Knows no HTTP; throws domain errors.
 */
import type { AssigneeList, DossierList, DossierStatus, DossierTracking, DossierView, DueFilter } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { authorize, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { getProcedure } from '../catalog/catalog.service.ts';
import { getUnit } from '../units/units.service.ts';
import { listActiveWithRoles } from '../staff/staff.service.ts';
import { ASSIGNABLE_ROLES } from './dossiers.lifecycle.ts';
import { recordPersonalDataAccess } from '../datastore/datastore.service.ts';
import { dueSoonHorizon } from './dossiers.due.ts';
import { subjectCitizenId } from './dossiers.documents.ts';
import { authorizeRead, notFoundDossier, unitOf } from './dossiers.policy.ts';
import { presentDossier, presentSummary, presentTracking } from './dossiers.presenter.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierRow } from './dossiers.repo.ts';

export { allDossierFacts, factsOf } from './dossiers.facts.ts';
export type { ActionContext, Created } from './dossiers.core.ts';
import { refsOf, type ActionContext, type Created } from './dossiers.core.ts';
export { intakeAtCounter, receive, rejectAtIntake, submitOnline } from './dossiers.intake.ts';
export {
  approve,
  assign,
  complain,
  issueResult,
  provideSupplement,
  rate,
  recordPayment,
  refuse,
  registerApology,
  requestPayment,
  requestSupplement,
  returnResult,
  start,
  transfer,
  withdraw,
} from './dossiers.lifecycle.ts';
export type { DossierRow } from './dossiers.repo.ts';
export {
  checkComponent,
  DOCUMENT_READABLE_STATUSES,
  dossierCodesByIds,
  dossierForResult,
  lockForDigitizing,
  openForDocuments,
  prepareReuse,
  recordComponentDocument,
  subjectCitizenId,
  type DossierForDocuments,
  type Reuse,
} from './dossiers.documents.ts';
export { lockPayableDossier, PAYABLE_STATUSES, recordOnlinePayment, type OnlinePayment, type OnlinePaymentResult } from './dossiers.payment.ts';
export { complainAsCitizen, rateAsCitizen, RATABLE_STATUSES } from './dossiers.citizen.ts';

/** Statuses whose deadline clock is running (a paused dossier is neither "due soon" nor overdue). */
const RUNNING: readonly DossierStatus[] = ['received', 'in_progress', 'awaiting_payment'];

/** The full view of a dossier: names, chain links and the whole history. */
export async function dossierView(db: Db, row: DossierRow, now: Date): Promise<DossierView> {
  // Sequential on purpose: it may run on a transaction's single connection.
  const procedure = await getProcedure(db, row.procedure_code);
  const handling = await unitOf(db, row.handling_unit_id);
  const receiving = await unitOf(db, row.receiving_unit_id);
  const parent = row.parent_dossier_id ? await repo.findDossierById(db, row.parent_dossier_id) : undefined;
  const chainedCodes = await repo.childCodes(db, row.id);
  const events = await repo.listEvents(db, row.id);
  return presentDossier(
    row,
    {
      procedureName: procedure.name,
      handlingUnit: { code: handling.code, name: handling.name },
      receivingUnit: { code: receiving.code, name: receiving.name },
      parentCode: parent?.code ?? null,
      chainedCodes,
      events,
    },
    now,
  );
}

/**
 * The view of a dossier just created, from what the transaction wrote: a new dossier has no chain
 * links yet and one event. Saves the five reads of `dossierView` on the busiest endpoint.
 */
export async function createdView(db: Db, ctx: ActionContext, { row, event }: Created): Promise<DossierView> {
  const refs = refsOf(ctx);
  const procedure = await refs.procedure(db, row.procedure_code);
  const handling = await refs.unitById(db, row.handling_unit_id);
  const receiving = await refs.unitById(db, row.receiving_unit_id);
  if (!handling || !receiving) throw new Error(`unit of dossier ${row.code} vanished`);
  return presentDossier(
    row,
    {
      procedureName: procedure.name,
      handlingUnit: { code: handling.code, name: handling.name },
      receivingUnit: { code: receiving.code, name: receiving.name },
      parentCode: null,
      chainedCodes: [],
      events: [event],
    },
    ctx.now,
  );
}

/**
 * One dossier for staff in scope; out of scope or unknown answers the same NOT_FOUND. Every read of
 * the applicant's data is audited (Decree 13/2023: a citizen may ask who saw their data).
 */
export async function getDossier(db: Db, actor: Actor | null, code: string, opts: { now: Date; requestId?: string }): Promise<DossierView> {
  if (!actor) throw errors.unauthenticated();
  const row = await repo.findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  await authorizeRead(db, actor, row);
  await recordAudit(db, { actor, action: 'dossier.read', target: `dossier:${row.code}`, unitId: row.handling_unit_id, requestId: opts.requestId });
  // The applicant may read who opened their dossier (GET /api/v1/me/access-log).
  const subject = await subjectCitizenId(db, row);
  if (subject !== null) {
    await recordPersonalDataAccess(db, {
      citizenId: subject,
      actor,
      action: 'read',
      what: { kind: 'dossier', ref: row.code },
      purpose: `Xem hồ sơ ${row.code}`,
      requestId: opts.requestId,
      at: opts.now,
    });
  }
  return dossierView(db, row, opts.now);
}

/**
 * Who the dossier can be assigned to (processors and approvers of the handling unit's subtree), for
 * those who may assign it: unknown or unreadable → NOT_FOUND, readable but not assignable → FORBIDDEN.
 */
export async function listAssignees(db: Db, actor: Actor | null, code: string): Promise<AssigneeList> {
  if (!actor) throw errors.unauthenticated();
  const row = await repo.findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  await authorizeRead(db, actor, row);
  const unit = await unitOf(db, row.handling_unit_id);
  authorize(actor, 'dossier.assign', { unitPath: unit.path });
  const staff = await listActiveWithRoles(db, unit.path, ASSIGNABLE_ROLES);
  return {
    items: staff.map((s) => ({ id: s.id, fullName: s.full_name, unitCode: s.unit_code, unitName: s.unit_name, roles: s.roles })),
  };
}

export interface ListQuery {
  unit?: string;
  status?: DossierStatus;
  due?: DueFilter;
  limit?: number;
  offset?: number;
}

/** The work queue of a unit's subtree (the actor's own unit by default), nearest deadline first. */
export async function listDossiers(db: Db, actor: Actor | null, q: ListQuery, now: Date): Promise<DossierList> {
  if (!actor) throw errors.unauthenticated();
  const unitPath = q.unit ? (await getUnit(db, q.unit)).path : actor.unitPath;
  authorize(actor, 'dossier.read', { unitPath });
  let statuses: DossierStatus[] | undefined = q.status ? [q.status] : undefined;
  let dueFrom: Date | undefined;
  let dueBefore: Date | undefined;
  if (q.due) {
    statuses = (statuses ?? [...RUNNING]).filter((s) => RUNNING.includes(s));
    if (q.due === 'soon') {
      dueFrom = now;
      dueBefore = await dueSoonHorizon(db, now);
    } else {
      dueBefore = now;
    }
  }
  if (statuses && statuses.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repo.listDossiers(db, { unitPath, statuses, dueFrom, dueBefore, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  const items = rows.map((r) =>
    presentSummary(r, { procedureName: r.procedure_name, handlingUnit: { code: r.unit_code, name: r.unit_name } }, now),
  );
  return { items, total };
}

/** Public tracking by receipt code: status and dates only. */
export async function trackDossier(db: Db, code: string): Promise<DossierTracking> {
  const row = await repo.findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  return presentTracking(row, (await getProcedure(db, row.procedure_code)).name);
}

/** The dossiers a citizen submitted online, newest first. */
export async function listCitizenDossiers(db: Db, citizen: CitizenActor, now: Date, page: { limit: number; offset: number }): Promise<DossierList> {
  const { rows, total } = await repo.listCitizenDossiers(db, citizen.citizenId, page);
  const items = rows.map((r) =>
    presentSummary(r, { procedureName: r.procedure_name, handlingUnit: { code: r.unit_code, name: r.unit_name } }, now),
  );
  return { items, total };
}

/** One of the citizen's own dossiers; someone else's answers NOT_FOUND, exactly like an unknown code. */
export async function getCitizenDossier(db: Db, citizen: CitizenActor, code: string, now: Date): Promise<DossierView> {
  const row = await repo.findDossierByCode(db, code);
  if (!row || row.citizen_id !== citizen.citizenId) throw notFoundDossier(code);
  return dossierView(db, row, now);
}

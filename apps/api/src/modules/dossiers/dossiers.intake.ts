/**
 * How a dossier enters: online submission (waits for the desk), counter or post intake (received at
 * once, due date computed), and the desk's answer to an online dossier: receive or reject.
 */
import type { CounterIntake, DossierChannel, OnlineSubmission, VersionOnly, WithReason } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { authorize } from '../../shared/policy.ts';
import { getProcedure, type ProcedureRow } from '../catalog/catalog.service.ts';
import { getUnit, unitNotFound, type UnitRow } from '../units/units.service.ts';
import { commit, create, createWithEvent, loadForAction, reasonOf, refsOf, type ActionContext, type Created } from './dossiers.core.ts';
import { directReader, type ReferenceReader } from '../../reference-cache.ts';
import { prepareReuse } from './dossiers.documents.ts';
import { recordSubmission as recordPrefill } from '../prefill/prefill.service.ts';
import { dueDateFor } from './dossiers.due.ts';
import { checkFormData, feeFor, normaliseApplicant, throwIfProblems, unitProblem } from './dossiers.form.ts';
import { nextReceiptCode } from './dossiers.receipt.ts';
import type { DossierRow } from './dossiers.repo.ts';

/** Checks that `unit` handles `procedure`; throws VALIDATION_FAILED naming the right agency otherwise. */
export async function checkHandlingUnit(db: Db, procedure: ProcedureRow, unit: UnitRow, at: string, refs = directReader): Promise<void> {
  const agency = procedure.agency_code ? await refs.unitByCode(db, procedure.agency_code, at) : undefined;
  const problem = unitProblem(procedure, unit, agency?.path ?? null);
  if (problem) throw errors.validation([{ field: 'unitCode', message: problem }], problem);
}

/** The unit with this code on `at`, or NOT_FOUND (as units.getUnit, through the reference cache). */
async function unitOrNotFound(db: Db, refs: ReferenceReader, code: string, at: string) {
  const unit = await refs.unitByCode(db, code, at);
  if (!unit) throw unitNotFound(code, at);
  return unit;
}

interface Submission {
  procedure: ProcedureRow;
  unit: UnitRow;
  channel: DossierChannel;
  body: OnlineSubmission | CounterIntake;
}

/** Validates what the applicant sends and returns the values a new dossier shares, whatever its channel. */
async function prepare(db: Db, ctx: ActionContext, s: Submission) {
  await checkHandlingUnit(db, s.procedure, s.unit, vnDateOf(ctx.now), refsOf(ctx));
  const applicant = normaliseApplicant(s.body.applicant);
  const form = checkFormData(s.procedure.form, s.body.formData);
  throwIfProblems([...applicant.problems, ...form.problems]);
  return {
    code: await nextReceiptCode(db, s.unit.code, ctx.now),
    procedure_code: s.procedure.code,
    handling_unit_id: s.unit.id,
    channel: s.channel,
    applicant: JSON.stringify(applicant.value),
    form_data: JSON.stringify(form.value),
    submitted_at: ctx.now,
    fee_vnd: feeFor(s.procedure, s.channel, s.body.feeVnd),
    reused_data: s.body.reusedData ?? false,
  };
}

/**
 * Online submission by a citizen logged in with VNeID: status submitted, no due date until the desk
 * receives it. An online dossier is electronic, hence digitised.
 */
export async function submitOnline(db: Db, ctx: ActionContext, body: OnlineSubmission): Promise<DossierRow> {
  if (!ctx.citizen) throw errors.citizenUnauthenticated();
  const procedure = await getProcedure(db, body.procedureCode);
  if (procedure.online_level === 'none') {
    throw errors.validation(
      [{ field: 'procedureCode', message: 'không có dịch vụ công trực tuyến' }],
      `Thủ tục ${procedure.code} chưa nhận hồ sơ trực tuyến; vui lòng nộp tại Bộ phận Một cửa.`,
    );
  }
  // Mức định danh VNeID the catalogue requires (docs/vneid.md), from this session's ID token.
  if (ctx.citizen.level < procedure.identity_level) throw errors.identityLevelTooLow(procedure.identity_level);
  const unit = await getUnit(db, body.unitCode, vnDateOf(ctx.now));
  const values = await prepare(db, ctx, { procedure, unit, channel: 'online', body });
  // Documents picked from the citizen's store (docs/documents.md): a reused one marks the dossier reused.
  const reuse = body.documents?.length ? await prepareReuse(db, ctx.citizen, procedure, body.documents) : null;
  const row = await create(
    db,
    ctx,
    {
      ...values,
      reused_data: values.reused_data || (reuse?.anyReused ?? false),
      receiving_unit_id: unit.id,
      status: 'submitted',
      digitized_dossier: true,
      citizen_id: ctx.citizen.citizenId,
    },
    { action: 'submitted', details: { channel: 'online', ...(reuse ? { documents: reuse.details } : {}) } },
  );
  if (reuse) await reuse.attach(db, row.id, ctx.now);
  // Declared and confirmed-prefilled fields, counted in the same transaction (docs/prefill.md).
  await recordPrefill(db, {
    citizenId: ctx.citizen.citizenId,
    procedure,
    unitId: unit.id,
    day: vnDateOf(ctx.now),
    applicant: body.applicant,
    formData: body.formData,
    prefilledFields: body.prefilledFields,
  });
  return row;
}

/** Counter or post intake by an intake officer of the handling unit: received now, due date computed. */
export async function intakeAtCounter(db: Db, ctx: ActionContext, body: CounterIntake): Promise<Created> {
  if (!ctx.actor) throw errors.unauthenticated();
  const refs = refsOf(ctx);
  const unit = await unitOrNotFound(db, refs, body.unitCode, vnDateOf(ctx.now));
  authorize(ctx.actor, 'dossier.intake', { unitPath: unit.path });
  const procedure = await refs.procedure(db, body.procedureCode);
  const values = await prepare(db, ctx, { procedure, unit, channel: body.channel, body });
  const due = await dueDateFor(db, procedure, ctx.now, ctx.officeHoursEnd, refs.calendar.bind(refs));
  return createWithEvent(
    db,
    ctx,
    {
      ...values,
      // The desk that took it: the officer's own unit (the handling unit or one above it).
      receiving_unit_id: ctx.actor.unitId,
      status: 'received',
      received_at: ctx.now,
      due_at: due,
      original_due_at: due,
      digitized_dossier: body.digitizedDossier,
    },
    { action: 'received', details: { channel: body.channel, dueAt: formatVn(due) } },
  );
}

/** The desk accepts an online dossier: the clock starts now. */
export async function receive(db: Db, ctx: ActionContext, code: string, body: VersionOnly): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, { code, version: body.version, actions: ['dossier.intake'], from: ['submitted'], what: 'tiếp nhận' });
  const refs = refsOf(ctx);
  const due = await dueDateFor(db, await refs.procedure(db, row.procedure_code), ctx.now, ctx.officeHoursEnd, refs.calendar.bind(refs));
  return commit(db, ctx, row, {
    action: 'received',
    to: 'received',
    patch: { received_at: ctx.now, due_at: due, original_due_at: due },
    details: { dueAt: formatVn(due) },
  });
}

/** The desk turns an online dossier away; it was never received, so it never counts in the indicators. */
export async function rejectAtIntake(db: Db, ctx: ActionContext, code: string, body: WithReason): Promise<DossierRow> {
  const { row } = await loadForAction(db, ctx, {
    code,
    version: body.version,
    actions: ['dossier.intake'],
    from: ['submitted'],
    what: 'từ chối tiếp nhận',
  });
  return commit(db, ctx, row, { action: 'rejected', to: 'rejected_at_intake', reason: reasonOf(body.reason) });
}

/**
 * Chained procedures (liên thông, DESIGN §3.2–3.3; seed 001: "Đăng ký khai sinh - đăng ký thường trú -
 * cấp thẻ BHYT cho trẻ dưới 6 tuổi"). When an approved dossier's result is issued, each procedure in
 * its `chainNext` gets a dossier of its own, received at once, in the same transaction.
 */
import type { Db } from '../../db/client.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import { getProcedure, type ProcedureRow } from '../catalog/catalog.service.ts';
import { getUnit } from '../units/units.service.ts';
import { appendEvent, create, SYSTEM, type ActionContext } from './dossiers.core.ts';
import { dueDateFor } from './dossiers.due.ts';
import { feeFor } from './dossiers.form.ts';
import { unitOf } from './dossiers.policy.ts';
import { nextReceiptCode } from './dossiers.receipt.ts';
import type { DossierRow } from './dossiers.repo.ts';

/**
 * Which `results:<key>.<fact>` prefills (PREFILL_KEYS) the result of a procedure provides, and the
 * form field of that procedure each fact is read from. Only what the catalogue's chains need.
 */
const RESULT_FACTS: Record<string, { key: string; facts: Record<string, string> }> = {
  '1.001193': {
    key: 'birthRegistration',
    facts: { childFullName: 'childFullName', childDateOfBirth: 'childDateOfBirth', childGender: 'childGender' },
  },
};

/** Registry facts the applicant already gave, by prefill key. */
const APPLICANT_FACTS: Record<string, 'fullName' | 'idNumber'> = { 'registry:fullName': 'fullName', 'registry:idNumber': 'idNumber' };

/**
 * The next dossier's form: a reference to the result it comes from, plus every field the next form
 * declares as prefillable from that result or from the applicant. The rest is completed by the
 * next unit with the applicant.
 */
export function chainedFormData(parent: DossierRow, parentProcedure: ProcedureRow, next: ProcedureRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    chainedFrom: {
      dossierCode: parent.code,
      procedureCode: parentProcedure.code,
      procedureName: parentProcedure.name,
      resultType: parentProcedure.result_type,
      decidedAt: parent.finished_at ? formatVn(parent.finished_at) : null,
    },
  };
  const result = RESULT_FACTS[parentProcedure.code];
  for (const field of next.form) {
    if (!field.prefill) continue;
    const fromApplicant = APPLICANT_FACTS[field.prefill];
    if (fromApplicant && parent.applicant) {
      out[field.name] = parent.applicant[fromApplicant];
      continue;
    }
    const m = /^results:([A-Za-z]+)\.([A-Za-z]+)$/.exec(field.prefill);
    const source = m && result && m[1] === result.key ? result.facts[m[2]!] : undefined;
    const value = source ? parent.form_data[source] : undefined;
    if (value !== undefined && value !== null && value !== '') out[field.name] = value;
  }
  return out;
}

/**
 * Opens the next dossiers of an approved, result-issued dossier: in the agency the catalogue names,
 * else in the same unit; same applicant and channel; received now with its own due date.
 */
export async function openChainedDossiers(db: Db, ctx: ActionContext, parent: DossierRow): Promise<DossierRow[]> {
  const procedure = await getProcedure(db, parent.procedure_code);
  const opened: DossierRow[] = [];
  if (procedure.chain_next.length && !parent.applicant) {
    // History imported without the applicant: there is no one to open the next dossier for.
    await appendEvent(db, ctx, parent.id, { action: 'chain_skipped', to: parent.status, by: SYSTEM, details: { reason: 'no_applicant' } }, parent.status);
    return opened;
  }
  for (const nextCode of procedure.chain_next) {
    const next = await getProcedure(db, nextCode);
    const unit = next.agency_code ? await getUnit(db, next.agency_code, vnDateOf(ctx.now)) : await unitOf(db, parent.handling_unit_id);
    const due = await dueDateFor(db, next, ctx.now, ctx.officeHoursEnd);
    const child = await create(
      db,
      ctx,
      {
        code: await nextReceiptCode(db, unit.code, ctx.now),
        procedure_code: next.code,
        handling_unit_id: unit.id,
        receiving_unit_id: parent.handling_unit_id,
        channel: parent.channel,
        status: 'received',
        applicant: JSON.stringify(parent.applicant),
        form_data: JSON.stringify(chainedFormData(parent, procedure, next)),
        submitted_at: ctx.now,
        received_at: ctx.now,
        due_at: due,
        original_due_at: due,
        fee_vnd: feeFor(next, parent.channel, undefined),
        // Passed electronically from the previous result: nothing is typed or scanned again.
        digitized_dossier: true,
        reused_data: true,
        parent_dossier_id: parent.id,
      },
      { action: 'chain_opened', by: SYSTEM, details: { parentCode: parent.code, parentProcedureCode: procedure.code, dueAt: formatVn(due) } },
    );
    await appendEvent(
      db,
      ctx,
      parent.id,
      { action: 'chain_next_opened', to: parent.status, by: SYSTEM, details: { childCode: child.code, procedureCode: next.code } },
      parent.status,
    );
    opened.push(child);
  }
  return opened;
}

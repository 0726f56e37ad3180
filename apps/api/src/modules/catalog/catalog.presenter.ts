import type { ProcedureInput, ProcedureSummary, ProcedureView } from '@motcua/contracts';
import type { ProcedureRow } from './catalog.repo.ts';

/**
 * The stored entry in the shape it was written. jsonb reorders object keys, so each object is rebuilt
 * field by field: the same entry always exports to the same text.
 */
export function rowToInput(r: ProcedureRow): ProcedureInput {
  return {
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level,
    agencyName: r.agency_name,
    agencyCode: r.agency_code,
    processing: { workingDays: r.processing_working_days, hours: r.processing_hours, text: r.processing_text },
    feeStatus: r.fee_status,
    fees: r.fees.map((f) => ({ label: f.label, amountVnd: f.amountVnd })),
    feeNote: r.fee_note,
    onlineLevel: r.online_level,
    // 1 is the default and is left out, so an entry written without the field exports as it was.
    ...(r.identity_level === 2 ? { identityLevel: 2 as const } : {}),
    components: r.components.map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      required: c.required,
      ...(c.note !== undefined ? { note: c.note } : {}),
    })),
    form: r.form.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.options !== undefined ? { options: f.options } : {}),
      ...(f.prefill !== undefined ? { prefill: f.prefill } : {}),
    })),
    resultType: r.result_type,
    chainNext: r.chain_next ?? [],
    legalBasis: r.legal_basis ?? [],
    source: r.source,
    confidence: r.confidence,
  };
}

export function presentProcedureSummary(r: ProcedureRow): ProcedureSummary {
  return {
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level,
    agencyName: r.agency_name,
    processing: { workingDays: r.processing_working_days, hours: r.processing_hours, text: r.processing_text },
    onlineLevel: r.online_level,
    identityLevel: r.identity_level === 2 ? 2 : 1,
    feeFromVnd: r.fee_status === 'charged' && r.fees.length ? Math.min(...r.fees.map((f) => f.amountVnd)) : null,
    feeStatus: r.fee_status,
    complete: r.complete,
  };
}

export function presentProcedure(r: ProcedureRow): ProcedureView {
  const input = rowToInput(r);
  return {
    ...presentProcedureSummary(r),
    agencyCode: input.agencyCode,
    fees: input.fees,
    feeNote: input.feeNote,
    components: input.components,
    form: input.form,
    prefillableFields: input.form.filter((f) => f.prefill !== undefined).length,
    resultType: input.resultType,
    chainNext: input.chainNext,
    legalBasis: input.legalBasis,
    source: input.source,
    confidence: input.confidence,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

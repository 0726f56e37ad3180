/** Rows → API JSON. The summary masks the applicant; the tracking view carries no personal data at all. */
import { DOSSIER_STATUS_LABELS, type DossierEventView, type DossierSummary, type DossierTracking, type DossierView } from '@motcua/contracts';
import { maskValue } from '../../shared/mask.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { DossierEventRow, DossierRow } from './dossiers.repo.ts';

const at = (d: Date | null) => (d ? formatVn(new Date(d)) : null);

interface Names {
  procedureName: string;
  handlingUnit: { code: string; name: string };
}

/** Late = decided after the promised date, or undecided and past it (an apology does not change this). */
export function isLate(row: Pick<DossierRow, 'due_at' | 'finished_at' | 'status'>, now: Date): boolean {
  if (!row.due_at || row.status === 'withdrawn' || row.status === 'rejected_at_intake') return false;
  const due = new Date(row.due_at).getTime();
  // A paused clock cannot run late; the pause moves the date when it ends.
  if (row.status === 'supplement_requested') return false;
  return (row.finished_at ? new Date(row.finished_at).getTime() : now.getTime()) > due;
}

export function presentSummary(row: DossierRow, names: Names, now: Date): DossierSummary {
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: names.procedureName,
    status: row.status,
    channel: row.channel,
    handlingUnit: names.handlingUnit,
    applicantName: row.applicant ? maskValue(row.applicant.fullName) : null,
    submittedAt: formatVn(new Date(row.submitted_at)),
    receivedAt: at(row.received_at),
    dueAt: at(row.due_at),
    finishedAt: at(row.finished_at),
    apologyDueAt: at(row.apology_due_at),
    late: isLate(row, now),
    assignedStaffId: row.assigned_staff_id === null ? null : Number(row.assigned_staff_id),
    version: row.version,
  };
}

export function presentEvent(e: Omit<DossierEventRow, 'id'>): DossierEventView {
  return {
    at: formatVn(new Date(e.at)),
    actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name },
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    reason: e.reason,
    details: e.details ?? {},
  };
}

export interface ViewExtras extends Names {
  receivingUnit: { code: string; name: string };
  parentCode: string | null;
  chainedCodes: string[];
  events: Omit<DossierEventRow, 'id'>[];
}

export function presentDossier(row: DossierRow, x: ViewExtras, now: Date): DossierView {
  return {
    ...presentSummary(row, x, now),
    receivingUnit: x.receivingUnit,
    applicant: row.applicant,
    formData: row.form_data ?? {},
    originalDueAt: at(row.original_due_at),
    supplementRequests: row.supplement_requests,
    pausedSince: at(row.paused_since),
    feeVnd: Number(row.fee_vnd),
    paid: row.paid,
    digitizedDossier: row.digitized_dossier,
    digitizedResult: row.digitized_result,
    reusedData: row.reused_data,
    rating: row.rating,
    complaint: row.complaint,
    parentCode: x.parentCode,
    chainedCodes: x.chainedCodes,
    imported: row.imported,
    events: x.events.map(presentEvent),
  };
}

/** What anyone holding the receipt code may see: status and dates, nothing about the person. */
export function presentTracking(row: DossierRow, procedureName: string): DossierTracking {
  return {
    code: row.code,
    status: row.status,
    statusLabel: DOSSIER_STATUS_LABELS[row.status].vi,
    procedureCode: row.procedure_code,
    procedureName,
    receivedAt: at(row.received_at),
    dueAt: at(row.due_at),
    finishedAt: at(row.finished_at),
  };
}

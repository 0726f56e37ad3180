/** Result rows → API JSON. The public shapes carry no ID number and only a masked applicant name. */
import { maskPersonName, type ResultFileVerification, type ResultVerification, type ResultView } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { ResultRow } from './results.repo.ts';

export function presentVerification(r: ResultRow): ResultVerification {
  return {
    status: r.status,
    id: r.id,
    number: r.number,
    title: r.title,
    issuedAt: formatVn(r.issued_at),
    unitName: r.unit_name,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: r.applicant_name ? maskPersonName(r.applicant_name) : null,
    documentSha256: r.sha256,
    signature: r.signature_format,
    ...(r.status === 'revoked' && r.revoked_at ? { revokedAt: formatVn(r.revoked_at), reason: r.revoke_reason ?? '' } : {}),
  };
}

export type FileChecks = ResultFileVerification['checks'];

export function presentFileVerification(v: {
  status: ResultFileVerification['status'];
  reason?: string;
  checks: FileChecks;
  uploadedSha256: string;
  row?: ResultRow;
}): ResultFileVerification {
  return {
    status: v.status,
    ...(v.reason ? { reason: v.reason } : {}),
    checks: v.checks,
    uploadedSha256: v.uploadedSha256,
    ...(v.row ? { document: presentVerification(v.row) } : {}),
  };
}

export function presentResult(r: ResultRow, publicUrl: string): ResultView {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    issuedAt: formatVn(r.issued_at),
    dossierCode: r.dossier_code,
    unitName: r.unit_name,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    documentSha256: r.sha256,
    sizeBytes: r.size_bytes,
    signature: r.signature_format,
    certificateSerial: r.certificate_serial,
    verifyUrl: `${publicUrl}/verify/${r.id}`,
    pdfUrl: `/api/v1/results/${r.id}/pdf`,
    revokedAt: r.revoked_at ? formatVn(r.revoked_at) : null,
    revokeReason: r.revoke_reason,
  };
}

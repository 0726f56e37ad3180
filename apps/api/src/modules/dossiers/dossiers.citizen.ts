/**
 * What a citizen does on their own dossier from the portal (DESIGN §3.7): rate it once it is decided,
 * and complain about it (a phản ánh, kiến nghị linked to it, sent through the feedback module).
 */
import type { CitizenRatingAction, DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { commit, loadForCitizen, OPEN_STATUSES, type ActionContext } from './dossiers.core.ts';
import { notFoundDossier } from './dossiers.policy.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierRow } from './dossiers.repo.ts';

/**
 * A dossier can be rated once a decision was taken (DESIGN §3.3: approved or refused, then result
 * issued and returned); the same statuses as the rating the desk records for the applicant.
 */
export const RATABLE_STATUSES: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];

/** Statuses a complaint may be about: any dossier that reached the desk, decided or not. */
export const COMPLAINABLE_STATUSES: readonly DossierStatus[] = ['submitted', ...OPEN_STATUSES, ...RATABLE_STATUSES, 'rejected_at_intake', 'withdrawn'];

/**
 * The citizen's satisfaction rating of their own decided dossier (satisfied, neutral, unsatisfied).
 * One rating per dossier: a second one is refused rather than silently replacing the first, since
 * the indicators count it. "Unsatisfied" needs a reason, which the unit reads in the history.
 */
export async function rateAsCitizen(db: Db, ctx: ActionContext, code: string, body: CitizenRatingAction): Promise<DossierRow> {
  const row = await loadForCitizen(db, ctx, { code, version: body.version, from: RATABLE_STATUSES, what: 'đánh giá' });
  if (row.rating !== null) {
    throw errors.conflict('Hồ sơ này đã được đánh giá.', 'This dossier is already rated.', { reason: 'already_rated', code: row.code, rating: row.rating });
  }
  const reason = (body.reason ?? '').normalize('NFC').trim();
  if (body.rating === 'unsatisfied' && !reason) {
    throw errors.validation([{ field: 'reason', message: 'bắt buộc khi không hài lòng' }], 'Vui lòng cho biết lý do không hài lòng.');
  }
  return commit(db, ctx, row, { action: 'rated', patch: { rating: body.rating }, reason: reason || null, details: { rating: body.rating, by: 'citizen' } });
}

export interface ComplaintRef {
  /** phan_anh or kien_nghi: what the citizen filed. */
  kind: string;
}

/**
 * Marks the citizen's own dossier as complained about (the satisfaction indicator counts it) when a
 * phản ánh, kiến nghị about it arrives. No version: the citizen writes about the dossier, not about
 * a version of it; the row lock orders it with any staff action. Someone else's dossier: NOT_FOUND.
 */
export async function complainAsCitizen(db: Db, ctx: ActionContext, code: string, ref: ComplaintRef): Promise<DossierRow> {
  if (!ctx.citizen) throw errors.citizenUnauthenticated();
  const row = await repo.findDossierByCode(db, code, { forUpdate: true });
  if (!row || row.citizen_id !== ctx.citizen.citizenId) throw notFoundDossier(code);
  const current = await loadForCitizen(db, ctx, { code, version: row.version, from: COMPLAINABLE_STATUSES, what: 'gửi phản ánh, kiến nghị về' });
  return commit(db, ctx, current, { action: 'complaint', patch: { complaint: true }, details: { kind: ref.kind, by: 'citizen' } });
}

/** Feedback rows → API JSON: the citizen's view, and the staff view (sender masked in lists). */
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, type FeedbackStaffView, type FeedbackView } from '@motcua/contracts';
import { maskValue } from '../../shared/mask.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { FeedbackListRow } from './feedback.repo.ts';

/** Late: answered after the due date, or still unanswered and past it. */
export function isLate(r: Pick<FeedbackListRow, 'due_at' | 'answered_at'>, now: Date): boolean {
  const due = new Date(r.due_at).getTime();
  return (r.answered_at ? new Date(r.answered_at).getTime() : now.getTime()) > due;
}

export function presentFeedback(r: FeedbackListRow, now: Date): FeedbackView {
  return {
    id: Number(r.id),
    kind: r.kind,
    kindLabel: FEEDBACK_KIND_LABELS[r.kind],
    status: r.status,
    statusLabel: FEEDBACK_STATUS_LABELS[r.status],
    dossierCode: r.dossier_code,
    unit: { code: r.unit_code, name: r.unit_name },
    content: r.content,
    receivedAt: formatVn(new Date(r.received_at)),
    dueAt: formatVn(new Date(r.due_at)),
    answeredAt: r.answered_at ? formatVn(new Date(r.answered_at)) : null,
    answer: r.answer,
    late: isLate(r, now),
  };
}

export function presentForStaff(r: FeedbackListRow, now: Date, opts: { maskName: boolean }): FeedbackStaffView {
  return {
    ...presentFeedback(r, now),
    citizenName: opts.maskName ? maskValue(r.citizen_name) : r.citizen_name,
    answeredBy: r.answered_by !== null && r.answered_by_name !== null ? { id: Number(r.answered_by), name: r.answered_by_name } : null,
  };
}

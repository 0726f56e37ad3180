/**
 * The actions of the dossier lifecycle as the API defines them (dossiers.routes.ts and
 * dossiers.lifecycle.ts): who may act, from which statuses, and what the small form asks. The page
 * offers only what would pass; the API checks again and answers 403/409 if the picture changed.
 */
import type { DossierStatus, DossierView, Role } from '@motcua/contracts';

export type ActionField = 'reason' | 'note' | 'digitizedResult' | 'method' | 'newDueAt' | 'rating' | 'unitCode' | 'staffId';

export const ACTION_KEYS = [
  'receive',
  'reject',
  'start',
  'requestSupplement',
  'provideSupplement',
  'requestPayment',
  'payment',
  'approve',
  'refuse',
  'issueResult',
  'returnResult',
  'apology',
  'transfer',
  'assign',
  'withdraw',
  'rating',
  'complaint',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

export interface DossierAction {
  key: ActionKey;
  /** The last segment of POST /api/v1/dossiers/:code/<path>. */
  path: string;
  roles: readonly Role[];
  from: readonly DossierStatus[];
  fields: readonly ActionField[];
  /** The step that moves the dossier forward: a plain button, shown first. */
  primary?: boolean;
  /** Ends the dossier's path (refusal, rejection, withdrawal): shown as a warning button. */
  warning?: boolean;
  /** Further conditions on the dossier (fee to pay, lateness, …). */
  when?: (d: DossierView, now: Date) => boolean;
}

const OPEN: readonly DossierStatus[] = ['received', 'in_progress', 'supplement_requested', 'awaiting_payment'];
const DECIDED: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];
const feeDue = (d: DossierView) => d.feeVnd > 0 && d.paid === 'none';
const pastDue = (d: DossierView, now: Date) => d.dueAt !== null && Date.parse(d.dueAt) < now.getTime();

export const DOSSIER_ACTIONS: readonly DossierAction[] = [
  { key: 'receive', path: 'receive', roles: ['intake_officer'], from: ['submitted'], fields: [], primary: true },
  { key: 'start', path: 'start', roles: ['processor'], from: ['received'], fields: [], primary: true },
  {
    key: 'provideSupplement',
    path: 'provide-supplement',
    roles: ['intake_officer', 'processor'],
    from: ['supplement_requested'],
    fields: ['note'],
    primary: true,
  },
  { key: 'approve', path: 'approve', roles: ['approver'], from: ['in_progress'], fields: [], primary: true },
  {
    key: 'issueResult',
    path: 'issue-result',
    roles: ['approver'],
    from: ['approved', 'refused'],
    fields: ['digitizedResult'],
    primary: true,
  },
  { key: 'returnResult', path: 'return-result', roles: ['intake_officer'], from: ['result_issued'], fields: [], primary: true },
  {
    key: 'requestSupplement',
    path: 'request-supplement',
    roles: ['processor', 'intake_officer'],
    from: ['in_progress'],
    fields: ['reason'],
  },
  { key: 'requestPayment', path: 'request-payment', roles: ['processor'], from: ['in_progress'], fields: [], when: feeDue },
  {
    key: 'payment',
    path: 'payment',
    roles: ['intake_officer'],
    from: ['submitted', ...OPEN, 'approved', 'result_issued'],
    fields: ['method'],
    when: feeDue,
  },
  { key: 'apology', path: 'apology', roles: ['approver'], from: OPEN, fields: ['newDueAt', 'reason'], when: pastDue },
  { key: 'transfer', path: 'transfer', roles: ['intake_officer', 'approver'], from: OPEN, fields: ['unitCode', 'reason'] },
  { key: 'assign', path: 'assign', roles: ['intake_officer', 'approver'], from: OPEN, fields: ['staffId'] },
  { key: 'rating', path: 'rating', roles: ['intake_officer'], from: DECIDED, fields: ['rating'], when: (d) => d.rating === null },
  {
    key: 'complaint',
    path: 'complaint',
    roles: ['intake_officer'],
    from: [...OPEN, ...DECIDED],
    fields: ['reason'],
    when: (d) => !d.complaint,
  },
  { key: 'reject', path: 'reject', roles: ['intake_officer'], from: ['submitted'], fields: ['reason'], warning: true },
  {
    key: 'refuse',
    path: 'refuse',
    roles: ['approver'],
    from: ['in_progress', 'supplement_requested', 'awaiting_payment'],
    fields: ['reason'],
    warning: true,
  },
  {
    key: 'withdraw',
    path: 'withdraw',
    roles: ['intake_officer'],
    from: ['submitted', ...OPEN],
    fields: ['reason'],
    warning: true,
  },
];

/** The actions `roles` may take on `d` now, primary ones first. */
export function availableActions(d: DossierView, roles: readonly Role[], now = new Date()): DossierAction[] {
  return DOSSIER_ACTIONS.filter(
    (a) => a.roles.some((r) => roles.includes(r)) && a.from.includes(d.status) && (a.when?.(d, now) ?? true),
  );
}

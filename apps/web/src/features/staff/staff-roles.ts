/**
 * Which staff pages a role opens. A copy of the API's PERMISSIONS (apps/api/src/shared/policy.ts) for
 * the few actions the web app shows: importing it would pull server code into the bundle. The API
 * still decides; these only keep links and buttons to what would be allowed.
 */
import type { Role, StaffView } from '@motcua/contracts';
import type { MessageKey } from '../../i18n/messages.ts';

export const DOSSIER_READ: readonly Role[] = ['intake_officer', 'processor', 'approver', 'monitor', 'admin'];
export const DOSSIER_INTAKE: readonly Role[] = ['intake_officer'];
export const KPI_READ: readonly Role[] = ['monitor', 'approver', 'admin'];

/** Whether the staff member holds one of `roles`. */
export function hasAnyRole(staff: Pick<StaffView, 'roles'>, roles: readonly Role[]): boolean {
  return staff.roles.some((r) => roles.includes(r));
}

export interface StaffPage {
  to: string;
  /** Short label in the main navigation. */
  nav: MessageKey;
  title: MessageKey;
  body: MessageKey;
  roles: readonly Role[];
}

/** The staff pages, each offered to the roles that can use it (the API checks again). */
export const STAFF_PAGES: readonly StaffPage[] = [
  { to: '/can-bo/ho-so', nav: 'nav.queue', title: 'staff.link.queue', body: 'staff.link.queueBody', roles: DOSSIER_READ },
  {
    to: '/can-bo/tiep-nhan',
    nav: 'nav.intake',
    title: 'staff.link.intake',
    body: 'staff.link.intakeBody',
    roles: DOSSIER_INTAKE,
  },
  { to: '/chi-so', nav: 'nav.kpi', title: 'staff.link.kpi', body: 'staff.link.kpiBody', roles: KPI_READ },
];

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
/** Who sees campaigns (campaign.read, plus partners and volunteers on the campaigns they work on). */
export const CAMPAIGN_READ: readonly Role[] = ['campaign_coordinator', 'monitor', 'approver', 'admin', 'partner_reporter', 'field_volunteer'];
export const DESK_RECORD: readonly Role[] = ['intake_officer'];
export const DESK_READ: readonly Role[] = ['campaign_coordinator', 'monitor', 'admin'];
/** Every staff member: the self-check of seed 002 is asked of all officials. */
export const ANY_STAFF: readonly Role[] = [
  'admin',
  'intake_officer',
  'processor',
  'approver',
  'monitor',
  'campaign_coordinator',
  'field_volunteer',
  'partner_reporter',
];

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
  { to: '/can-bo/chien-dich', nav: 'nav.campaigns', title: 'staff.link.campaigns', body: 'staff.link.campaignsBody', roles: CAMPAIGN_READ },
  // The volunteers' phone page (works offline): field_volunteer only (field.work).
  { to: '/tinh-nguyen', nav: 'nav.field', title: 'staff.link.field', body: 'staff.link.fieldBody', roles: ['field_volunteer'] },
  { to: '/can-bo/ho-tro-tttb', nav: 'nav.desk', title: 'staff.link.desk', body: 'staff.link.deskBody', roles: ANY_STAFF },
];

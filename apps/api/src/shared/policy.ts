/**
 * "May this actor do this on something that belongs to that unit?" Two questions, both must hold:
 * the actor has a role allowed for the action, and the target unit lies in the actor's unit subtree
 * (DESIGN §2: "what they see and may do is scoped to their unit's subtree").
 */
import type { Role } from '@motcua/contracts';
import { errors } from '../errors.ts';

export interface StaffActor {
  kind: 'staff';
  staffId: number;
  username: string;
  fullName: string;
  unitId: number;
  unitCode: string;
  unitPath: string;
  roles: Role[];
}
export type Actor = StaffActor;

/**
 * A citizen logged in through VNeID. Not an `Actor`: citizens hold no role and no unit scope; what
 * they may touch is decided by ownership (their own dossiers, documents, payments), never by `can`.
 */
export interface CitizenActor {
  kind: 'citizen';
  citizenId: number;
  /** CCCD: personal data, never logged unmasked. */
  idNumber: string;
  fullName: string;
  birthDate: string | null;
  /** VNeID identity level of this session. */
  level: 1 | 2;
}

/** Actions and the roles that may perform them. Later modules add their actions here. */
export const PERMISSIONS = {
  'unit.update': ['admin', 'approver'],
  'calendar.edit': ['admin'],
  'procedure.edit': ['admin'],
  'staff.read': ['admin', 'monitor'],
  'staff.manage': ['admin'],
  // Dossiers (DESIGN §3.3): the one-stop desk receives and returns, processors work, leaders decide.
  'dossier.read': ['intake_officer', 'processor', 'approver', 'monitor', 'admin'],
  'dossier.intake': ['intake_officer'],
  'dossier.process': ['processor'],
  'dossier.assign': ['intake_officer', 'approver'],
  'dossier.decide': ['approver'],
  'dossier.import': ['admin'],
  // Messages to the applicant (DESIGN §3.7): the officials who handle the dossier write; monitors and
  // admins may read (dossier.read) but do not speak for the unit.
  'dossier.message': ['intake_officer', 'processor', 'approver'],
  // Electronic results (DESIGN §3.5): the leader who may sign may also withdraw a signed result.
  'result.revoke': ['approver'],
  // Documents (DESIGN §3.5): the desk and processors digitise paper components; only the officials who
  // handle a dossier open the applicant's papers (not monitors or admins: docs/documents.md).
  'document.digitize': ['intake_officer', 'processor'],
  'document.read': ['intake_officer', 'processor', 'approver'],
  // Complaints and recommendations (phản ánh, kiến nghị; DESIGN §3.7): the desk and the unit's leaders answer.
  'feedback.read': ['intake_officer', 'approver'],
  'feedback.answer': ['intake_officer', 'approver'],
  // Indicators (DESIGN §3.8).
  'kpi.read': ['monitor', 'approver', 'admin'],
  'kpi.publish': ['monitor'],
  'target.edit': ['admin', 'monitor'],
  // Campaigns of Đề án 06 (DESIGN §3.9, docs/campaigns.md). Scope on a campaign is decided by
  // campaigns.access.ts: the coordinating unit's coordinators act on the whole area.
  'campaign.read': ['campaign_coordinator', 'monitor', 'approver', 'admin'],
  'campaign.manage': ['campaign_coordinator', 'admin'],
  'campaign.approve': ['campaign_coordinator'],
  'campaign.report': ['partner_reporter', 'campaign_coordinator'],
  // Field work: coordinators import household lists and assign teams; volunteers record outcomes.
  'field.manage': ['campaign_coordinator'],
  'field.work': ['field_volunteer'],
  // Desk support records (seed 000): the one-stop desk standardises subscriber information.
  'desk.record': ['intake_officer'],
  'desk.read': ['campaign_coordinator', 'monitor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof PERMISSIONS;

export interface ScopedTarget {
  /** Materialised path of the unit the target belongs to ("/1/52/"). */
  unitPath: string;
}

export function inSubtree(actorUnitPath: string, targetUnitPath: string): boolean {
  return targetUnitPath.startsWith(actorUnitPath);
}

export function can(actor: Actor | null | undefined, action: Action, target: ScopedTarget): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[action];
  if (!actor.roles.some((r) => allowed.includes(r))) return false;
  return inSubtree(actor.unitPath, target.unitPath);
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when `can` says no. */
export function authorize(actor: Actor | null | undefined, action: Action, target: ScopedTarget): asserts actor is Actor {
  if (!actor) throw errors.unauthenticated();
  if (!can(actor, action, target)) throw errors.forbidden({ action });
}

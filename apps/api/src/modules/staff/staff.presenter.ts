import type { StaffView } from '@motcua/contracts';
import type { StaffWithUnit } from './staff.repo.ts';

export function presentStaff(s: StaffWithUnit): StaffView {
  return { id: s.id, username: s.username, fullName: s.full_name, unitCode: s.unit_code, unitName: s.unit_name, roles: s.roles, active: s.active };
}

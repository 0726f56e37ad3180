import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** Staff roles of DESIGN §2 (citizens are not staff and log in through VNeID). */
export const ROLES = [
  'admin',
  'intake_officer',
  'processor',
  'approver',
  'monitor',
  'campaign_coordinator',
  'field_volunteer',
  'partner_reporter',
] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = StringEnum(ROLES);

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  intake_officer: { vi: 'Công chức Bộ phận Một cửa', en: 'Intake officer' },
  processor: { vi: 'Chuyên viên xử lý', en: 'Processor' },
  approver: { vi: 'Lãnh đạo phê duyệt', en: 'Approver' },
  monitor: { vi: 'Theo dõi, giám sát', en: 'Monitor / leader' },
  campaign_coordinator: { vi: 'Điều phối chiến dịch', en: 'Campaign coordinator' },
  field_volunteer: { vi: 'Tổ công nghệ số cộng đồng', en: 'Field volunteer' },
  partner_reporter: { vi: 'Đối tác báo cáo', en: 'Partner reporter' },
};

export const StaffView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  roles: Type.Array(RoleSchema),
  active: Type.Boolean(),
});
export type StaffView = Static<typeof StaffView>;

export const LoginRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginRequest = Static<typeof LoginRequest>;

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'Bearer token for API clients; browsers also get an httpOnly cookie.' }),
  expiresAt: Type.String({ format: 'date-time' }),
  staff: StaffView,
});
export type LoginResponse = Static<typeof LoginResponse>;

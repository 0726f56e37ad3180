/**
 * Demo accounts: an administrator for the province and one officer of each role for the provincial
 * departments and three communes. Passwords are random per installation, kept in
 * <data-dir>/demo-credentials.json (mode 600) and printed at each start. Outside demo mode nothing
 * here runs, so no default credentials exist.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { createStaff } from './staff.service.ts';
import * as repo from './staff.repo.ts';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  unitCode: string;
  roles: Role[];
}

const PROVINCIAL: Omit<DemoAccount, 'password'>[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống tỉnh', unitCode: '91', roles: ['admin'] },
  { username: 'tiepnhan.tinh', fullName: 'Nguyễn Thị Mỹ Hạnh', unitCode: '91.TTPVHCC', roles: ['intake_officer'] },
  { username: 'chuyenvien.stp', fullName: 'Trần Văn Phước', unitCode: '91.STP', roles: ['processor'] },
  { username: 'lanhdao.stp', fullName: 'Lê Hoàng Minh', unitCode: '91.STP', roles: ['approver'] },
  // The province's monitors (Văn phòng UBND tỉnh, Sở KH&CN) watch every unit, so they belong to the
  // province unit itself: scope is the subtree of the staff member's unit.
  { username: 'giamsat.vp', fullName: 'Phạm Ngọc Thảo', unitCode: '91', roles: ['monitor'] },
  { username: 'giamsat.skhcn', fullName: 'Huỳnh Quốc Bảo', unitCode: '91', roles: ['monitor', 'campaign_coordinator'] },
  { username: 'dieuphoi.ca', fullName: 'Võ Thanh Tùng', unitCode: '91.CA', roles: ['campaign_coordinator'] },
  { username: 'baocao.viettel', fullName: 'Đặng Thị Kim Loan', unitCode: '91.VIETTEL', roles: ['partner_reporter'] },
  { username: 'baocao.vnpt', fullName: 'Bùi Minh Khoa', unitCode: '91.VNPT', roles: ['partner_reporter'] },
  { username: 'baocao.mobifone', fullName: 'Ngô Thị Bích Tuyền', unitCode: '91.MOBIFONE', roles: ['partner_reporter'] },
];

/** Three communes of the new An Giang: a ward, a rural commune and a special zone. */
export const DEMO_COMMUNES = [
  { code: '30307', slug: 'longxuyen' },
  { code: '30313', slug: 'myhoahung' },
  { code: '31078', slug: 'phuquoc' },
];

const COMMUNE_ROLES: { role: Role; prefix: string }[] = [
  { role: 'admin', prefix: 'quantri' },
  { role: 'intake_officer', prefix: 'tiepnhan' },
  { role: 'processor', prefix: 'chuyenvien' },
  { role: 'approver', prefix: 'lanhdao' },
  { role: 'monitor', prefix: 'giamsat' },
  { role: 'campaign_coordinator', prefix: 'dieuphoi' },
  { role: 'field_volunteer', prefix: 'tinhnguyen' },
];

// Fictional people for the demo accounts (common surnames of the south-west, men three words, women four).
const DEMO_NAMES = [
  'Nguyễn Văn Hùng', 'Trần Thị Ngọc Hân', 'Lê Minh Tâm', 'Huỳnh Thị Thu Trang', 'Phạm Quốc Việt', 'Võ Thị Kim Ngân', 'Đặng Văn Lợi',
  'Nguyễn Thị Bích Vân', 'Trần Hoàng Nam', 'Lê Thị Mỹ Duyên', 'Dương Văn Thành', 'Phan Thị Ngọc Ánh', 'Bùi Thanh Phong', 'Lý Thị Thanh Thảo',
  'Ngô Văn Dũng', 'Huỳnh Thị Cẩm Tú', 'Trương Minh Khang', 'Nguyễn Thị Hồng Nhung', 'Tô Văn Hiếu', 'Châu Thị Kim Yến', 'Đỗ Thành Công',
];

export function demoAccountPlan(): Omit<DemoAccount, 'password'>[] {
  const plan = [...PROVINCIAL];
  let i = 0;
  for (const c of DEMO_COMMUNES) {
    for (const r of COMMUNE_ROLES) {
      plan.push({ username: `${r.prefix}.${c.slug}`, fullName: DEMO_NAMES[i++ % DEMO_NAMES.length]!, unitCode: c.code, roles: [r.role] });
    }
  }
  return plan;
}

const newPassword = () => crypto.randomBytes(9).toString('base64url');

/** Creates missing demo accounts; returns every demo account with its password. */
export async function seedDemoStaff(db: Db, dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, 'demo-credentials.json');
  const known: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const out: DemoAccount[] = [];
  for (const a of demoAccountPlan()) {
    const exists = await repo.findStaffByUsername(db, a.username);
    if (exists && known[a.username]) {
      out.push({ ...a, password: known[a.username]! });
      continue;
    }
    if (exists) continue; // created by another installation sharing the database; password unknown here
    const password = newPassword();
    await createStaff(db, null, { ...a, password }, true);
    known[a.username] = password;
    out.push({ ...a, password });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(known, null, 2), { mode: 0o600 });
  return out;
}

/**
 * Demo data for the desk pages: standardisations by the demo communes' intake officers over the last
 * two months, and self-checks for most (not all) demo officials. Deterministic for a given day: the
 * same dates, numbers and results each run; idempotent (records by idempotency key, self-checks only
 * for staff who have none), so a restart adds only the days since the last one.
 */
import crypto from 'node:crypto';
import { MOBILE_PREFIXES, ROLES, type DeskPlaceKind, type SelfCheckResult } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { vnInstant, addDays, isWeekend } from '../calendar/calendar.dates.ts';
import { vnToday } from '../../shared/dates.ts';
import { DEMO_COMMUNES } from '../staff/staff.demo.ts';
import { actorOf, listActiveWithRoles } from '../staff/staff.service.ts';
import { findUnitByCode } from '../units/units.service.ts';
import { recordStandardisation } from './desk.service.ts';
import * as selfRepo from './selfcheck.repo.ts';
import { OFFICIAL_ROLES } from './selfcheck.service.ts';

const DAYS_BACK = 61;
const FAILURE_REASONS = [
  'Ảnh chân dung không khớp dữ liệu dân cư',
  'Người dân không mang theo thẻ căn cước',
  'Số thuê bao đứng tên người khác, chủ thuê bao không có mặt',
  'Hệ thống nhà mạng gián đoạn',
];
// The three carriers of the province weigh most; prefixes of each from the prefix table.
const PREFIXES = MOBILE_PREFIXES.filter((p) => p.prefix.length === 3 && !p.prefix.startsWith('01') && ['Viettel', 'VinaPhone', 'MobiFone'].includes(p.carrier));
const PLACES: DeskPlaceKind[] = ['one_stop_desk', 'one_stop_desk', 'one_stop_desk', 'carrier_point', 'cultural_house', 'commune_police'];

/** A deterministic number in [0, n) from a text (no Math.random: the demo is the same every run). */
function pick(n: number, ...parts: (string | number)[]): number {
  return crypto.createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) % n;
}

/** A well-formed CCCD of someone born in An Giang or Kiên Giang (codes 089, 091) between 1950 and 2007. */
function demoCccd(seed: string): string {
  const year = 1950 + pick(58, seed, 'y');
  const province = pick(2, seed, 'p') ? '089' : '091';
  const centuryGender = (year >= 2000 ? 2 : 0) + pick(2, seed, 'g');
  return `${province}${centuryGender}${String(year % 100).padStart(2, '0')}${String(pick(1_000_000, seed, 'n')).padStart(6, '0')}`;
}

export async function seedDemoDesk(db: Db, now: Date = new Date()): Promise<{ records: number; selfChecks: number }> {
  const today = vnToday(now);
  let records = 0;
  let selfChecks = 0;
  for (const commune of DEMO_COMMUNES) {
    const unit = await findUnitByCode(db, commune.code, today);
    if (!unit) continue;
    const staff = await listActiveWithRoles(db, unit.path, ROLES);
    const officers = staff.filter((s) => s.unit_id === unit.id && s.roles.includes('intake_officer'));
    for (const officer of officers) {
      const actor = actorOf(officer);
      for (let back = DAYS_BACK; back >= 1; back--) {
        const day = addDays(today, -back);
        if (isWeekend(day)) continue;
        const count = pick(5, commune.slug, day);
        for (let i = 0; i < count; i++) {
          const seed = `${officer.username}|${day}|${i}`;
          const prefix = PREFIXES[pick(PREFIXES.length, seed, 'carrier')]!;
          const failed = pick(100, seed, 'result') < 15;
          // Office hours, 7:30 to 16:30, in Việt Nam.
          const minute = 7 * 60 + 30 + pick(9 * 60, seed, 'time');
          const at = vnInstant(day, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
          const { created } = await recordStandardisation(
            db,
            { actor, now: at },
            {
              phone: `${prefix.prefix}${String(pick(10_000_000, seed, 'phone')).padStart(7, '0')}`,
              carrier: prefix.carrier as 'Viettel' | 'VinaPhone' | 'MobiFone',
              // Seed 002 II.1: those still on a 9-digit CMND are the first to help.
              idNumber: pick(5, seed, 'cmnd') === 0 ? `35${String(pick(10_000_000, seed, 'id')).padStart(7, '0')}` : demoCccd(seed),
              placeKind: PLACES[pick(PLACES.length, seed, 'place')]!,
              result: failed ? 'failed' : 'success',
              failureReason: failed ? FAILURE_REASONS[pick(FAILURE_REASONS.length, seed, 'why')] : undefined,
              idempotencyKey: `demo-${seed}`.slice(0, 100),
            },
          );
          if (created) records++;
        }
      }
    }
    selfChecks += await seedSelfChecks(db, staff.filter((s) => s.unit_id === unit.id), today);
  }
  return { records, selfChecks };
}

/** Self-checks for about three officials in four; the rest have not done theirs yet. */
async function seedSelfChecks(db: Db, staff: Awaited<ReturnType<typeof listActiveWithRoles>>, today: string): Promise<number> {
  let n = 0;
  for (const s of staff) {
    if (!s.roles.some((r) => OFFICIAL_ROLES.includes(r))) continue;
    if ((await selfRepo.listForStaff(db, s.id, 1)).length > 0) continue;
    const k = pick(8, s.username, 'selfcheck');
    if (k < 2) continue;
    const result: SelfCheckResult = k === 2 ? 'mismatched_pending' : k === 3 ? 'mismatched_fixed' : 'matched';
    await selfRepo.insertSelfCheck(db, { staff_id: s.id, checked_on: addDays(today, -1 - pick(30, s.username, 'day')), result, carrier: null });
    n++;
  }
  return n;
}

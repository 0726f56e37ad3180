/**
 * Demo data of the Đề án 06 operations centre (issue 5): the shipped campaigns (seeds 000, 002 and the
 * seed 003 template on this year's dates), the carriers' first two weekly reports of seed 002, a
 * running VNeID drive so that volunteers have households to visit today, and desk records.
 *
 * Every shipped campaign's window is in the past on most days of the year (seed 002 ran 28/4–28/5/2026),
 * so the demo adds one more copy of seed 003 part 1 whose 60 days are centred on today: the volunteer
 * page and the reminders need a campaign that is under way. Idempotent: each step skips what exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import type { Logger } from '../shared/logger.ts';
import { addDays } from '../modules/calendar/calendar.dates.ts';
import { vnToday } from '../shared/dates.ts';
import { findCampaign } from '../modules/campaigns/campaigns.access.ts';
import { insertCampaign } from '../modules/campaigns/campaigns.definition.ts';
import { unitsUnder } from '../modules/campaigns/campaigns.repo.ts';
import { applyTemplate, seedDemoCampaigns, SHIPPED_CAMPAIGNS_DIR, type CampaignTemplate } from '../modules/campaigns/campaigns.seeds.ts';
import { getUnit } from '../modules/units/units.service.ts';
import { seedDemoPartnerReports } from '../modules/partner-reports/partner-reports.demo.ts';
import { seedDemoField } from '../modules/field/field.demo.ts';
import { seedDemoDesk } from '../modules/desk/desk.demo.ts';

/** The seed-002 campaign shipped for An Giang (data/product/campaigns/ag-xttb-2026.json). */
export const SUBSCRIBER_CAMPAIGN = 'AG-XTTB-2026';
export const LIVE_DRIVE = 'AG-VNEID-DEMO';
const TEMPLATE_FILE = 'tg-60-ngay-dem-2023.template.json';

export async function seedDemoCampaignWork(db: Db, opts: { provinceCode: string; log?: Logger; now?: Date }): Promise<void> {
  const today = vnToday(opts.now);
  const created = await seedDemoCampaigns(db, { provinceCode: opts.provinceCode, today });
  const live = await ensureLiveDrive(db, opts.provinceCode, today);
  const reports = (await findCampaign(db, SUBSCRIBER_CAMPAIGN)) ? await seedDemoPartnerReports(db, SUBSCRIBER_CAMPAIGN) : 0;
  const people = live ? await seedDemoField(db, live) : 0;
  const desk = await db.transaction().execute((trx) => seedDemoDesk(trx, opts.now));
  if (created.length || reports || people || desk.records)
    opts.log?.info({ campaigns: created, liveDrive: live, partnerReports: reports, householdPeople: people, deskRecords: desk.records }, 'demo campaign data loaded');
}

/** Seed 003 part 1 (VNeID activation) from today − 20 days for 60 days; null when the province lacks its units. */
async function ensureLiveDrive(db: Db, provinceCode: string, today: string): Promise<string | null> {
  if (await findCampaign(db, LIVE_DRIVE)) return LIVE_DRIVE;
  const file = path.join(SHIPPED_CAMPAIGNS_DIR, TEMPLATE_FILE);
  if (!fs.existsSync(file)) return null;
  const template = JSON.parse(fs.readFileSync(file, 'utf8')) as CampaignTemplate;
  const province = await getUnit(db, provinceCode);
  const communes = (await unitsUnder(db, province.path, today, ['commune'])).map((u) => u.code);
  const year = Number(today.slice(0, 4));
  const drive = applyTemplate(template, { year, provinceCode, communes }).find((c) => c.kind === 'vneid_activation');
  if (!drive) return null;
  const start = addDays(today, -20);
  try {
    await insertCampaign(db, {
      ...drive,
      code: LIVE_DRIVE,
      name: `${drive.name} (đang chạy — dữ liệu trình diễn)`,
      windowStart: start,
      windowEnd: addDays(start, 59),
      status: 'active',
    });
  } catch {
    // A province without the template's police or units: no live drive in its demo.
    return null;
  }
  return LIVE_DRIVE;
}

/**
 * Campaign reminders (issue 5 §6, docs/campaign-progress.md "reminders"): each day, to the reporters of
 * every partner whose report for a period is due today or overdue and has not arrived, and to the
 * members of every field team that still has people to visit. Staff have no phone or e-mail in the
 * system, and the notification outbox is built for citizens' dossier events, so reminders are in-app
 * notices (staff_notices). Idempotent: one notice per person and (partner, period, day) or (team, day),
 * however often the job runs; several server instances may run it at once.
 */
import type { Db } from '../../db/client.ts';
import { vnDateOf } from '../../shared/dates.ts';
import type { Logger } from '../../shared/logger.ts';
import { expectedBy } from '../campaigns/campaigns.periods.ts';
import { vnShortDate } from '../results/results.format.ts';
import * as repo from './campaign-progress.repo.ts';
import { dbSources, type ProgressSources } from './campaign-progress.sources.ts';

export const REMINDER_INTERVAL_MS = 15 * 60_000;
/** Reminders go out from 07:00 in Việt Nam (office hours start at 07:00–07:30), not at midnight. */
export const REMINDER_FROM_HOUR = 7;

export interface ReminderResult {
  reportNotices: number;
  fieldNotices: number;
}

export async function sendCampaignReminders(
  db: Db,
  now: Date,
  sources: ProgressSources = dbSources(db),
): Promise<ReminderResult> {
  const day = vnDateOf(now);
  const out: ReminderResult = { reportNotices: 0, fieldNotices: 0 };
  for (const c of await repo.campaignsForReminders(db, day)) {
    const config = await repo.loadConfig(db, c.id);
    // Where each recipient acts: a partner on its report page, a volunteer on the phone page (neither
    // may open the campaign dashboard, which sums every partner's figures).
    const reportLink = `/can-bo/chien-dich/${encodeURIComponent(c.code)}/bao-cao`;
    const received = new Set((await sources.receivedReports(c.id)).map((r) => `${r.partnerId}|${r.periodEnd}`));
    for (const p of config.partners) {
      const rule = {
        cadence: p.cadence,
        dueOffsetDays: p.dueOffsetDays,
        windowStart: c.window_start,
        windowEnd: c.window_end,
        rounds: config.rounds,
      };
      const owed = expectedBy(rule, day).filter((period) => !received.has(`${p.id}|${period.periodEnd}`));
      if (!owed.length) continue;
      const reporters = await repo.staffWithRole(db, p.unitId, 'partner_reporter');
      const notices = owed.flatMap((period) => {
        const dueToday = period.dueDate === day;
        const title = dueToday
          ? `Hạn nộp báo cáo hôm nay: kỳ đến ${vnShortDate(period.periodEnd)}`
          : `Quá hạn nộp báo cáo: kỳ đến ${vnShortDate(period.periodEnd)}`;
        const body = `Chiến dịch "${c.name}": báo cáo của ${p.unitName} cho kỳ từ ${vnShortDate(period.periodStart)} đến ${vnShortDate(period.periodEnd)} (hạn ${vnShortDate(period.dueDate)}) chưa được gửi.`;
        return reporters.map((staffId) => ({
          staffId,
          kind: 'report_due' as const,
          campaignId: c.id,
          title,
          body,
          link: reportLink,
          dedupeKey: `report_due:${c.id}:${p.id}:${period.periodEnd}:${day}`,
          createdAt: now,
        }));
      });
      out.reportNotices += await repo.insertNotices(db, notices);
    }
    // Field work happens inside the window only.
    if (day > c.window_end) continue;
    for (const team of await sources.pendingByTeam(c.id)) {
      if (team.pendingPeople <= 0) continue;
      out.fieldNotices += await repo.insertNotices(
        db,
        team.memberStaffIds.map((staffId) => ({
          staffId,
          kind: 'field_pending' as const,
          campaignId: c.id,
          title: `Còn ${team.pendingPeople} người cần đến gặp`,
          body: `Chiến dịch "${c.name}": tổ của bạn còn ${team.pendingPeople} người chưa có kết quả hoặc vắng mặt. Chiến dịch kết thúc ngày ${vnShortDate(c.window_end)}.`,
          link: '/tinh-nguyen',
          dedupeKey: `field_pending:${c.id}:${team.teamId}:${day}`,
          createdAt: now,
        })),
      );
    }
  }
  return out;
}

/** Starts the reminder job; returns the function that stops it (system close). */
export function startCampaignReminders(db: Db, log: Logger, intervalMs = REMINDER_INTERVAL_MS): () => void {
  let running = false;
  const tick = async () => {
    const now = new Date();
    if (running || Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(11, 13)) < REMINDER_FROM_HOUR) return;
    running = true;
    try {
      const r = await sendCampaignReminders(db, now);
      if (r.reportNotices || r.fieldNotices) log.info(r, 'campaign reminders sent');
    } catch (err) {
      log.error({ err }, 'campaign reminders failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

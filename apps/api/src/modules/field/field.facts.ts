/**
 * Field-work facts for other modules (campaign progress, reminders). No access check here: callers
 * have already gone through campaignAccess and filter the units to their scope.
 *
 * A person's outcome is the latest recorded (by recorded_at, the phone's time; ties: the later
 * received), so "done" after "absent" replaces it (docs/field-work.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { addDays } from '../calendar/calendar.dates.ts';
import { vnToday } from '../../shared/dates.ts';

export interface FieldCount {
  unitId: number;
  listed: number;
  done: number;
  absent: number;
  ineligible: number;
  moved: number;
  deceased: number;
  refused: number;
  pending: number;
}

/** Start of the Vietnamese day after `date`: outcomes recorded before it count for `date`. */
export const endOfVnDay = (date: string): Date => new Date(`${addDays(date, 1)}T00:00:00+07:00`);

/**
 * Per commune: people on the campaign's lists (as they are now) and their latest outcome recorded on
 * or before asOf (VN date). Communes without people are absent from the answer.
 */
export async function fieldCounts(db: Db, campaignId: number, asOf: string): Promise<FieldCount[]> {
  // Today or later: the current outcome kept on the person is the answer, without reading history.
  const current = asOf >= vnToday();
  const latest = current
    ? sql`(select p.outcome as outcome)`
    : sql`(select o.outcome from field_outcomes o where o.person_id = p.id and o.recorded_at < ${endOfVnDay(asOf)}
           order by o.recorded_at desc, o.id desc limit 1)`;
  const rows = await sql<{ unit_id: number; listed: number; done: number; absent: number; ineligible: number; moved: number; deceased: number; refused: number; pending: number }>`
    select p.unit_id,
           count(*)::int as listed,
           count(*) filter (where l.outcome = 'done')::int as done,
           count(*) filter (where l.outcome = 'absent')::int as absent,
           count(*) filter (where l.outcome = 'ineligible')::int as ineligible,
           count(*) filter (where l.outcome = 'moved')::int as moved,
           count(*) filter (where l.outcome = 'deceased')::int as deceased,
           count(*) filter (where l.outcome = 'refused')::int as refused,
           count(*) filter (where l.outcome is null)::int as pending
      from field_people p
      left join lateral ${latest} l on true
     where p.campaign_id = ${campaignId}
     group by p.unit_id
     order by p.unit_id`.execute(db);
  return rows.rows.map((r) => ({
    unitId: Number(r.unit_id),
    listed: r.listed,
    done: r.done,
    absent: r.absent,
    ineligible: r.ineligible,
    moved: r.moved,
    deceased: r.deceased,
    refused: r.refused,
    pending: r.pending,
  }));
}

/**
 * Per commune and VN day: people whose outcome became done that day. A person counts once, on the
 * day their current run of "done" began (a repeated "done" does not move it; a "done" later
 * replaced by another outcome does not count), so the days add up to today's done.
 */
export async function fieldDoneByDay(db: Db, campaignId: number): Promise<{ unitId: number; day: string; done: number }[]> {
  const rows = await sql<{ unit_id: number; day: string; done: number }>`
    select p.unit_id, to_char(d.t, 'YYYY-MM-DD') as day, count(*)::int as done
      from field_people p
      join lateral (
        select min(o.recorded_at) as t
          from field_outcomes o
         where o.person_id = p.id and o.outcome = 'done'
           and not exists (
             select 1 from field_outcomes x
              where x.person_id = p.id and x.outcome <> 'done'
                and (x.recorded_at > o.recorded_at or (x.recorded_at = o.recorded_at and x.id > o.id)))
      ) d on d.t is not null
     where p.campaign_id = ${campaignId} and p.outcome = 'done'
     group by p.unit_id, day
     order by day, p.unit_id`.execute(db);
  return rows.rows.map((r) => ({ unitId: Number(r.unit_id), day: r.day, done: r.done }));
}

/**
 * Households still pending per team (reminders): people with no outcome yet or found absent, in the
 * households the team has (its hamlets, or given to it directly). Teams with nothing pending are
 * left out.
 */
export async function pendingByTeam(
  db: Db,
  campaignId: number,
): Promise<{ teamId: number; unitId: number; memberStaffIds: number[]; pendingPeople: number }[]> {
  const rows = await sql<{ team_id: number; unit_id: number; pending: number }>`
    select t.id as team_id, t.unit_id, count(p.id)::int as pending
      from field_households h
      left join field_hamlet_assignments ha
        on ha.campaign_id = h.campaign_id and ha.unit_id = h.unit_id and ha.hamlet = h.hamlet
      join field_teams t on t.id = coalesce(h.team_id, ha.team_id)
      join field_people p on p.household_id = h.id and (p.outcome is null or p.outcome = 'absent')
     where h.campaign_id = ${campaignId}
     group by t.id, t.unit_id
     order by t.id`.execute(db);
  if (rows.rows.length === 0) return [];
  const members = await db
    .selectFrom('field_team_members')
    .select(['team_id', 'staff_id'])
    .where(
      'team_id',
      'in',
      rows.rows.map((r) => Number(r.team_id)),
    )
    .orderBy('staff_id')
    .execute();
  return rows.rows.map((r) => ({
    teamId: Number(r.team_id),
    unitId: Number(r.unit_id),
    memberStaffIds: members.filter((m) => Number(m.team_id) === Number(r.team_id)).map((m) => Number(m.staff_id)),
    pendingPeople: r.pending,
  }));
}

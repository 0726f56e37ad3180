/**
 * Demo field work: a synthetic household list for the three demo communes and one team per commune
 * with its demo volunteer. The people come from the population generator (realistic weighted names,
 * well-formed CCCDs, real-looking hamlets and addresses), a different draw from the registry
 * simulator's residents. Runs once per campaign: a campaign that already has a list is left alone.
 */
import type { Db } from '../../db/client.ts';
import { generatePopulation } from '../../simulators/population/population.generate.ts';
import { loadReferenceCommunes } from '../../simulators/population/population.reference.ts';
import type { TabularRow } from '../../shared/tabular.ts';
import { findCampaign } from '../campaigns/campaigns.access.ts';
import { DEMO_COMMUNES } from '../staff/staff.demo.ts';
import { validateHouseholdRows, writeCheckedPeople } from './field.import.ts';
import * as repo from './field.repo.ts';

const SEED = 6_0603; // "Đề án 06", KH 60 ngày đêm
const HAMLETS_PER_COMMUNE = 3;
const HOUSEHOLDS_PER_HAMLET = 6;

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The rows of the demo list, as a household list file would hold them (also data/samples/households). */
export function demoHouseholdRows(listKind: 'approved_not_activated' | 'to_verify', communeCodes = DEMO_COMMUNES.map((c) => c.code)): Record<string, string>[] {
  const communes = loadReferenceCommunes().filter((c) => communeCodes.includes(c.code));
  const population = generatePopulation({ seed: SEED, people: 1500, communes });
  const byHousehold = new Map<number, typeof population.people>();
  for (const p of population.people) {
    // Seed 003: citizens of 14 and over, alive, whose account is not activated yet.
    if (p.status !== 'alive' || Number(p.dateOfBirth.slice(0, 4)) > 2011 || p.identityLevel !== 0) continue;
    byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
  }
  const rows: Record<string, string>[] = [];
  for (const code of communeCodes) {
    const households = population.households.filter((h) => h.communeCode === code && byHousehold.has(h.id));
    const hamletSizes = new Map<string, number>();
    for (const h of households) hamletSizes.set(h.hamlet, (hamletSizes.get(h.hamlet) ?? 0) + 1);
    const hamlets = [...hamletSizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, HAMLETS_PER_COMMUNE).map(([h]) => h);
    for (const hamlet of hamlets) {
      for (const h of households.filter((x) => x.hamlet === hamlet).slice(0, HOUSEHOLDS_PER_HAMLET)) {
        for (const p of byHousehold.get(h.id)!) {
          // A subscriber list (seed 002 II.1) names people by the paper the SIM was registered with: the
          // old 9-digit CMND where the person still has one, and the subscriber number to verify.
          const subscriber = listKind === 'to_verify';
          rows.push({
            commune_code: code,
            hamlet: capitalise(hamlet),
            household_code: h.code,
            address: h.address,
            full_name: p.fullName,
            id_number: subscriber && p.cmnd ? p.cmnd : p.cccd,
            birth_year: p.dateOfBirth.slice(0, 4),
            phone: p.mobile ?? '',
            list_kind: listKind,
            msisdn: subscriber ? (p.mobile ?? '') : '',
            carrier: '',
          });
        }
      }
    }
  }
  return rows;
}

/**
 * Imports the demo list into the campaign and gives each commune's hamlets to a team of its demo
 * volunteer (tinhnguyen.longxuyen, tinhnguyen.myhoahung, tinhnguyen.phuquoc, when they exist).
 * Returns the number of people imported (0 when the campaign already had a list).
 */
export async function seedDemoField(db: Db, campaignCode: string): Promise<number> {
  const campaign = await findCampaign(db, campaignCode);
  if (!campaign) throw new Error(`seedDemoField: no campaign ${campaignCode}`);
  const already = await db.selectFrom('field_people').select('id').where('campaign_id', '=', campaign.id).limit(1).executeTakeFirst();
  if (already) return 0;
  const listKind = campaign.kind === 'subscriber_verification' ? 'to_verify' : 'approved_not_activated';
  const rows: TabularRow[] = demoHouseholdRows(listKind).map((values, i) => ({ line: i + 2, values }));
  const { items, rejected } = await validateHouseholdRows(db, rows, { campaign, scopePath: campaign.scope_path });
  if (rejected.length) throw new Error(`seedDemoField: ${rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`);
  return db.transaction().execute(async (trx) => {
    await writeCheckedPeople(trx, campaign, items, { fileName: 'demo', by: null, now: new Date() });
    const names = new Map(loadReferenceCommunes().map((c) => [c.code, c.name]));
    for (const c of DEMO_COMMUNES) {
      const communeItems = items.filter((i) => rows[i.line - 2]!.values.commune_code === c.code);
      if (communeItems.length === 0) continue;
      const volunteer = (await repo.staffByUsernames(trx, [`tinhnguyen.${c.slug}`]))[0];
      const teamId = await repo.insertTeam(trx, { campaign_id: campaign.id, unit_id: communeItems[0]!.unitId, name: `Tổ công nghệ số cộng đồng ${names.get(c.code) ?? c.code}`, created_by: null });
      if (volunteer) await repo.setMembers(trx, teamId, [Number(volunteer.id)]);
      await repo.assignHamlets(trx, campaign.id, communeItems[0]!.unitId, [...new Set(communeItems.map((i) => i.hamlet))], teamId);
    }
    return items.length;
  });
}

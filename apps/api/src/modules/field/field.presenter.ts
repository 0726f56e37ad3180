/** Rows → API JSON for field work. Personal data leaves here only in the shape the role needs. */
import { maskPhone, type FieldAssignments, type FieldCounts, type FieldHamletView, type FieldPersonView, type FieldProgress } from '@motcua/contracts';
import type { CountRow, WorkRow } from './field.repo.ts';

/**
 * The volunteer at the door checks the person's card: the full name, the birth year and the last 4
 * digits of the CCCD are enough to tell two people of one household apart, and the rest of the number
 * never reaches the phone (docs/field-work.md, "personal data"). The phone number stays masked.
 */
export function presentPerson(r: WorkRow): FieldPersonView {
  return {
    id: Number(r.person_id),
    fullName: r.full_name,
    birthYear: r.birth_year,
    idLast4: r.id_number.slice(-4),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    listKind: r.list_kind,
    outcome: r.outcome,
    outcomeAt: r.outcome_at ? new Date(r.outcome_at).toISOString() : null,
  };
}

/** Work rows (ordered by commune, hamlet, household, person) grouped by hamlet then household. */
export function groupWork(rows: WorkRow[]): FieldHamletView[] {
  const hamlets: FieldHamletView[] = [];
  let hamlet: FieldHamletView | undefined;
  for (const r of rows) {
    if (!hamlet || hamlet.unitCode !== r.unit_code || hamlet.hamlet !== r.hamlet) {
      hamlet = { unitCode: r.unit_code, unitName: r.unit_name, hamlet: r.hamlet, households: [] };
      hamlets.push(hamlet);
    }
    let household = hamlet.households.at(-1);
    if (!household || household.id !== Number(r.household_id)) {
      household = { id: Number(r.household_id), code: r.household_code, address: r.address, people: [] };
      hamlet.households.push(household);
    }
    household.people.push(presentPerson(r));
  }
  return hamlets;
}

export type CampaignWork = FieldAssignments['campaigns'][number];

const ZERO = { listed: 0, done: 0, absent: 0, ineligible: 0, moved: 0, deceased: 0, refused: 0, pending: 0 };
type Tally = typeof ZERO;

/**
 * Seed 003 V.2.d: "lập danh sách xác nhận sau khi đã kích hoạt thành công và danh sách không có mặt,
 * danh sách công dân không đủ điều kiện (tính tỷ lệ)": the ratio leaves ineligible people out of the
 * base. ratio = done / (listed − ineligible); null when nobody eligible is listed.
 */
export function fieldRatio(t: Pick<Tally, 'listed' | 'done' | 'ineligible'>): number | null {
  const base = t.listed - t.ineligible;
  return base > 0 ? t.done / base : null;
}

const withRatio = (t: Tally): FieldCounts => ({ ...t, ratio: fieldRatio(t) });

function add(a: Tally, b: Tally): Tally {
  return {
    listed: a.listed + b.listed,
    done: a.done + b.done,
    absent: a.absent + b.absent,
    ineligible: a.ineligible + b.ineligible,
    moved: a.moved + b.moved,
    deceased: a.deceased + b.deceased,
    refused: a.refused + b.refused,
    pending: a.pending + b.pending,
  };
}

const tallyOf = (r: CountRow): Tally => ({
  listed: r.listed,
  done: r.done,
  absent: r.absent,
  ineligible: r.ineligible,
  moved: r.moved,
  deceased: r.deceased,
  refused: r.refused,
  pending: r.pending,
});

/** Hamlet rows (ordered by commune) → communes with their hamlets and the total. */
export function presentProgress(campaignCode: string, asOf: string, rows: CountRow[]): FieldProgress {
  const communes: FieldProgress['communes'] = [];
  let total = ZERO;
  let current: { unitCode: string; unitName: string; tally: Tally; hamlets: FieldProgress['communes'][number]['hamlets'] } | undefined;
  const flush = () => {
    if (current) communes.push({ unitCode: current.unitCode, unitName: current.unitName, ...withRatio(current.tally), hamlets: current.hamlets });
  };
  for (const r of rows) {
    if (!current || current.unitCode !== r.unit_code) {
      flush();
      current = { unitCode: r.unit_code, unitName: r.unit_name, tally: ZERO, hamlets: [] };
    }
    const t = tallyOf(r);
    current.tally = add(current.tally, t);
    total = add(total, t);
    current.hamlets.push({ hamlet: r.hamlet, teamName: r.team_name, ...withRatio(t) });
  }
  flush();
  return { campaignCode, asOf, total: withRatio(total), communes };
}

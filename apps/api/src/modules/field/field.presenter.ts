/** Rows → API JSON for field work. Personal data leaves here only in the shape the role needs. */
import {
  FIELD_OUTCOME_LABELS,
  maskIdNumber,
  maskPhone,
  type FieldAssignments,
  type FieldCounts,
  type FieldHamletView,
  type FieldPersonRow,
  type FieldPersonView,
  type FieldProgress,
} from '@motcua/contracts';
import { VN_OFFSET_MINUTES } from '../../shared/dates.ts';
import { toCsv } from '../../shared/csv.ts';
import type { CountRow, PersonListRow, WorkRow } from './field.repo.ts';

/**
 * The volunteer at the door checks the person's card: the full name, the birth year and the last 4
 * digits of the CCCD (or of the old 9-digit CMND, with its type so the volunteer asks for the right
 * card) are enough to tell two people of one household apart, and the rest of the number never reaches
 * the phone (docs/field-work.md, "personal data"). Phone numbers stay masked; the subscriber to verify
 * comes with its carrier, so the volunteer knows which app or shop to send the person to.
 */
export function presentPerson(r: WorkRow): FieldPersonView {
  return {
    id: Number(r.person_id),
    fullName: r.full_name,
    birthYear: r.birth_year,
    idType: r.id_type,
    idLast4: r.id_number.slice(-4),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    msisdnMasked: r.msisdn ? maskPhone(r.msisdn) : null,
    carrier: r.carrier,
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

// ---------------------------------------------------------------------------------- people list

/**
 * A listed person for coordinators: the name in full (the police act on the lists of the absent and
 * the ineligible, seed 003 V.2.d), the ID number with its last 3 digits only and phones masked, as in
 * every list of the system (docs/field-work.md, "personal data").
 */
export function presentPersonRow(r: PersonListRow): FieldPersonRow {
  return {
    id: r.id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    hamlet: r.hamlet,
    householdCode: r.household_code,
    address: r.address,
    fullName: r.full_name,
    birthYear: r.birth_year,
    idType: r.id_type,
    idMasked: maskIdNumber(r.id_number),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    msisdnMasked: r.msisdn ? maskPhone(r.msisdn) : null,
    carrier: r.carrier,
    listKind: r.list_kind,
    teamName: r.team_name,
    outcome: r.outcome,
    outcomeAt: r.outcome_at ? new Date(r.outcome_at).toISOString() : null,
    outcomeBy: r.outcome_by,
    note: r.note ?? '',
  };
}

export const PEOPLE_CSV_HEADER = [
  'Mã xã',
  'Tên xã',
  'Ấp, khóm, khu phố',
  'Mã hộ',
  'Địa chỉ',
  'Họ và tên',
  'Năm sinh',
  'Loại giấy tờ',
  'Số giấy tờ (che)',
  'Điện thoại (che)',
  'Thuê bao cần xác thực (che)',
  'Nhà mạng',
  'Tổ',
  'Kết quả',
  'Thời điểm ghi nhận (giờ Việt Nam)',
  'Người ghi nhận',
  'Ghi chú',
];

/** "2026-05-02 16:05" in Việt Nam time, whatever the host's zone. */
const vnMinute = (iso: string) => new Date(new Date(iso).getTime() + VN_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');

/** The filtered list as CSV for Excel (BOM, Vietnamese headers), masked as on screen. */
export function peopleCsv(rows: FieldPersonRow[]): string {
  return toCsv(
    PEOPLE_CSV_HEADER,
    rows.map((r) => [
      r.unitCode,
      r.unitName,
      r.hamlet,
      r.householdCode,
      r.address,
      r.fullName,
      r.birthYear,
      r.idType === 'cmnd' ? 'CMND' : 'CCCD',
      r.idMasked,
      r.phoneMasked,
      r.msisdnMasked,
      r.carrier,
      r.teamName,
      r.outcome ? FIELD_OUTCOME_LABELS[r.outcome].vi : 'Chưa đến',
      r.outcomeAt ? vnMinute(r.outcomeAt) : '',
      r.outcomeBy,
      r.note,
    ]),
  );
}

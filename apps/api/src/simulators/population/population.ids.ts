/**
 * Identification numbers of the synthetic residents: CCCD (12 digits), old CMND (9 digits) and mobile
 * numbers, each unique in the population and built from the contracts' tables (CCCD_PROVINCES,
 * CMND_KNOWN_PREFIXES, MOBILE_PREFIXES) so that parseCccd, parseCmnd and parseMobile accept them.
 */
import { CCCD_PROVINCES, CMND_KNOWN_PREFIXES, MOBILE_PREFIXES, nfc, type MobileCarrier } from '@motcua/contracts';
import type { Random } from '../../demo/random.ts';
import type { Weighted } from './population.reference.ts';
import type { SimSex } from './population.tables.ts';

/** Draws digit strings that were never drawn before by this instance. */
export class UniqueNumbers {
  readonly #used = new Set<string>();

  /** `prefix` followed by random digits up to `length`; redraws on a collision. */
  draw(rng: Random, prefix: string, length: number): string {
    const free = length - prefix.length;
    for (let attempt = 0; attempt < 1000; attempt++) {
      let s = prefix;
      for (let i = 0; i < free; i++) s += String(Math.floor(rng.next() * 10));
      if (!this.#used.has(s)) {
        this.#used.add(s);
        return s;
      }
    }
    throw new Error(`no free number left after ${prefix}`);
  }

  has(number: string): boolean {
    return this.#used.has(number);
  }
}

/** The century/sex digit of Điều 7 Thông tư 07/2016/TT-BCA: 0/1 for 1900–1999, 2/3 for 2000–2099… */
export function centuryDigit(birthYear: number, sex: SimSex): number {
  return 2 * (Math.floor(birthYear / 100) - 19) + (sex === 'female' ? 1 : 0);
}

/** A new CCCD: place-of-birth code, century/sex digit, two digits of the year, six random digits. */
export function drawCccd(rng: Random, used: UniqueNumbers, provinceCode: string, birthYear: number, sex: SimSex): string {
  const head = provinceCode + String(centuryDigit(birthYear, sex)) + String(birthYear % 100).padStart(2, '0');
  return used.draw(rng, head, 12);
}

const CODE_BY_NAME = new Map(CCCD_PROVINCES.map((p) => [nfc(p.name), p.code]));

// Where residents born outside the two home provinces were born: the Mekong neighbours and Hồ Chí
// Minh City first, then every other province a little. Our approximation, not a migration table.
const MIGRANT_WEIGHTS: Readonly<Record<string, number>> = {
  'Cần Thơ': 20, 'Đồng Tháp': 18, 'Cà Mau': 8, 'Hồ Chí Minh': 8, 'Hậu Giang': 6, 'Sóc Trăng': 6,
  'Vĩnh Long': 6, 'Bạc Liêu': 5, 'Tiền Giang': 5, 'Bến Tre': 4, 'Trà Vinh': 3, 'Long An': 3,
};
const MIGRANT_ORIGINS: Weighted<string>[] = CCCD_PROVINCES.filter((p) => p.code !== '089' && p.code !== '091').map((p) => ({
  value: p.code,
  weight: MIGRANT_WEIGHTS[nfc(p.name)] ?? 0.25,
}));
for (const name of Object.keys(MIGRANT_WEIGHTS)) {
  if (!CODE_BY_NAME.has(nfc(name))) throw new Error(`no CCCD province named ${name}`);
}

/**
 * Place of birth registration of an adult who grew up elsewhere or locally. Residents of communes
 * from the old An Giang were mostly born there (089), those from the old Kiên Giang mostly in
 * Kiên Giang (091); the island zone of Phú Quốc draws more people from elsewhere. Shares are ours.
 */
export function drawBirthProvince(rng: Random, home: '089' | '091', islandZone: boolean): string {
  const r = rng.next();
  const local = islandZone ? 0.65 : home === '089' ? 0.86 : 0.82;
  const neighbour = islandZone ? 0.05 : home === '089' ? 0.04 : 0.06;
  if (r < local) return home;
  if (r < local + neighbour) return home === '089' ? '091' : '089';
  return rng.weighted(MIGRANT_ORIGINS);
}

// CMND prefix by place-of-birth code, for the provinces the partial prefix table names. Kiên Giang,
// Cần Thơ, Đồng Tháp and others are missing from it (cmnd_9digit_prefixes_PARTIAL.csv), so people
// who would have had those prefixes get no CMND here rather than an invented one.
const CMND_PREFIX_BY_CCCD_CODE = new Map<string, string>();
for (const [prefix, names] of Object.entries(CMND_KNOWN_PREFIXES)) {
  for (const raw of names.split(';')) {
    // "TP. Hồ Chí Minh" → "Hồ Chí Minh", "Bắc Cạn (Bắc Kạn)" → "Bắc Kạn", "Hà Tây (cũ)" → no province today.
    const inParens = /\(([^)]+)\)/.exec(raw)?.[1];
    const name = nfc((inParens && inParens !== 'cũ' ? inParens : raw.replace(/\(.*\)/, '')).replace(/^TP\.\s*/, '').trim());
    const code = CODE_BY_NAME.get(name);
    if (code && !CMND_PREFIX_BY_CCCD_CODE.has(code)) CMND_PREFIX_BY_CCCD_CODE.set(code, prefix);
  }
}

/** The An Giang prefix of the old CMND (35; cmnd_9digit_prefixes_PARTIAL.csv). */
export const AN_GIANG_CMND_PREFIX = '35';

/**
 * The CMND prefix a resident would have had, or null when unknown. The CMND was issued by the province
 * of permanent residence: 35 for the old An Giang; for the old Kiên Giang the prefix is missing from
 * the table, so only migrants whose birth province has a known prefix get one (as if they were
 * issued it before they moved).
 */
export function cmndPrefixFor(oldProvince: '89' | '91', birthProvinceCode: string): string | null {
  if (oldProvince === '89') return AN_GIANG_CMND_PREFIX;
  return CMND_PREFIX_BY_CCCD_CODE.get(birthProvinceCode) ?? null;
}

/**
 * Carrier shares of the mobile market, in percent. A third-party summary of the ministry's 2024
 * report gives Viettel 56.6% and the three big carriers over 90% together; the split of the rest is
 * our approximation, ordered Viettel > VinaPhone > MobiFone > others.
 */
export const CARRIER_SHARES: Readonly<Record<MobileCarrier, number>> = {
  Viettel: 56,
  VinaPhone: 21,
  MobiFone: 17,
  Vietnamobile: 3.2,
  Itelecom: 1.5,
  Gmobile: 0.8,
  Reddi: 0.3,
  'Indochina Telecom': 0.2,
};

// Ranges we do not hand out: 0121x and 0160x (re-listed by libphonenumber in 2026, meaning not
// verified), 030 (unusual, overrides Viettel's 03x) and 051 (newer allocation).
const NOT_ISSUED = new Set(['0121', '016', '030', '051']);
// Where libphonenumber accepts only part of a range as mobile, numbers are drawn from that part.
const SUB_RANGES: Readonly<Record<string, string[]>> = {
  '089': ['6', '7', '8', '9'],
  '052': ['2', '3', '8'],
  '055': ['9'],
  '099': ['3', '4', '5', '6', '7'],
};

interface PrefixChoice {
  prefix: string;
  carrier: MobileCarrier;
}

// Within a carrier every prefix (or sub-range) weighs the same: no per-prefix subscriber counts found.
const PREFIX_CHOICES: Weighted<PrefixChoice>[] = (() => {
  const choices: PrefixChoice[] = [];
  for (const p of MOBILE_PREFIXES) {
    if (NOT_ISSUED.has(p.prefix)) continue;
    const sub = SUB_RANGES[p.prefix];
    if (sub) for (const d of sub) choices.push({ prefix: p.prefix + d, carrier: p.carrier });
    else choices.push({ prefix: p.prefix, carrier: p.carrier });
  }
  const perCarrier = new Map<MobileCarrier, number>();
  for (const c of choices) perCarrier.set(c.carrier, (perCarrier.get(c.carrier) ?? 0) + 1);
  return choices.map((c) => ({ value: c, weight: CARRIER_SHARES[c.carrier] / perCarrier.get(c.carrier)! }));
})();

/** A new 10-digit mobile number of a carrier drawn by market share. */
export function drawMobile(rng: Random, used: UniqueNumbers): string {
  return used.draw(rng, rng.weighted(PREFIX_CHOICES).prefix, 10);
}

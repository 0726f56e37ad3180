/**
 * A registry extract and a carrier subscriber extract with known answers (issue 6 acceptance: "a
 * generated pair of files with known answers reconciles to exactly those answers"; also the input
 * of the benchmark). Deterministic by seed. Each subscriber is built for one expected status:
 * most match (some with names in NFD, with double spaces, in upper case or in the old tone style,
 * some with DD/MM/YYYY dates — all of which must still match), and the rest are old CMND numbers,
 * unknown CCCD/CMND, deceased people, real name and date differences, malformed IDs, passports,
 * unreadable dates, and IDs holding more numbers at one carrier than the limit.
 * Written with plain string building and one write per ~1 MB so that 10 M rows generate quickly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CCCD_PROVINCES, MOBILE_PREFIXES } from '@motcua/contracts';
import type { ReconcileStatus } from './reconcile.types.ts';

export interface GeneratedPair {
  registryFile: string;
  subscribersFile: string;
  /** msisdn → the status the reconciliation must give. */
  expected: Map<string, ReconcileStatus>;
  /** (ID, carrier) pairs generated over the limit: ID as written, carrier, count. */
  overLimit: { idNumber: string; carrier: string; count: number }[];
  registryRows: number;
  subscriberRows: number;
}

export interface GenerateOptions {
  people: number;
  seed: number;
  dir: string;
  /** The limit the over-limit cases exceed (default 3, DEFAULT_MAX_PER_ID). */
  maxPerId?: number;
  /** Keep the expected map (default true; the benchmark turns it off to save memory). */
  keepAnswers?: boolean;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Ngọc', 'Minh', 'Thanh', 'Hữu', 'Đức', 'Thị Thu', 'Văn Hoàng', 'Kim', 'Quốc', 'Hoài'];
/** Given names; the first ones have an old tone placement that differs (Hòa/Hoà, Thủy/Thuỷ…). */
const GIVEN = ['Hòa', 'Thủy', 'Thúy', 'Khỏe', 'Hoàng', 'An', 'Bình', 'Cường', 'Dũng', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Nam', 'Phúc', 'Quân', 'Tâm', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const OLD_TONE: Record<string, string> = { Hòa: 'Hoà', Thủy: 'Thuỷ', Thúy: 'Thuý', Khỏe: 'Khoẻ' };
/** A different given name with the same letters but other diacritics: "Nguyễn" ≠ "Nguyên". */
const NEAR: Record<string, string> = { Nguyễn: 'Nguyên', Trần: 'Trân', Lê: 'Le', Phạm: 'Pham' };

/** Registry commune codes (5 digits, An Giang-like). */
const COMMUNES = Array.from({ length: 40 }, (_, i) => String(30000 + i * 7));
const PROVINCE_CODES = CCCD_PROVINCES.map((p) => p.code);
const PREFIXES = MOBILE_PREFIXES.filter((p) => p.prefix.length === 3 && p.carrier !== 'Reddi' && p.carrier !== 'Indochina Telecom');

type Kind =
  | 'match'
  | 'match_nfd'
  | 'match_spaces'
  | 'match_upper'
  | 'match_old_tone'
  | 'match_vn_date'
  | 'old_id'
  | 'cmnd_unknown'
  | 'cccd_unknown'
  | 'deceased'
  | 'name_mismatch'
  | 'dob_mismatch'
  | 'name_dob_mismatch'
  | 'bad_province'
  | 'bad_length'
  | 'passport'
  | 'bad_date'
  | 'over_limit';

/** Share of each kind per 1000 people (the rest are plain matches). */
const MIX: [Kind, number][] = [
  ['match_nfd', 30],
  ['match_spaces', 30],
  ['match_upper', 30],
  ['match_old_tone', 20],
  ['match_vn_date', 60],
  ['old_id', 50],
  ['cmnd_unknown', 10],
  ['cccd_unknown', 15],
  ['deceased', 10],
  ['name_mismatch', 15],
  ['dob_mismatch', 15],
  ['name_dob_mismatch', 8],
  ['bad_province', 5],
  ['bad_length', 5],
  ['passport', 5],
  ['bad_date', 8],
  ['over_limit', 4],
];

const EXPECTED: Record<Kind, ReconcileStatus> = {
  match: 'match',
  match_nfd: 'match',
  match_spaces: 'match',
  match_upper: 'match',
  match_old_tone: 'match',
  match_vn_date: 'match',
  old_id: 'old_id',
  cmnd_unknown: 'id_not_found',
  cccd_unknown: 'id_not_found',
  deceased: 'deceased',
  name_mismatch: 'name_mismatch',
  dob_mismatch: 'dob_mismatch',
  name_dob_mismatch: 'name_dob_mismatch',
  bad_province: 'invalid_id',
  bad_length: 'invalid_id',
  passport: 'invalid_id',
  bad_date: 'invalid_dob',
  over_limit: 'match',
};

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

class Sink {
  private parts: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(file: string, header: string) {
    this.fd = fs.openSync(file, 'w');
    this.line(header);
  }
  line(s: string): void {
    this.parts.push(s, '\n');
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Writes registry.csv and subscribers.csv in dir and returns the known answers. */
export function generatePair(opts: GenerateOptions): GeneratedPair {
  const r = rng(opts.seed);
  const maxPerId = opts.maxPerId ?? 3;
  const keep = opts.keepAnswers ?? true;
  fs.mkdirSync(opts.dir, { recursive: true });
  const registryFile = path.join(opts.dir, 'registry.csv');
  const subscribersFile = path.join(opts.dir, 'subscribers.csv');
  // BOM on the registry, none on the subscribers: both must be read.
  const regOut = new Sink(registryFile, '\uFEFFid_number,old_id_number,full_name,date_of_birth,sex,commune_code,status');
  const subOut = new Sink(subscribersFile, 'msisdn,carrier,id_type,id_number,full_name,date_of_birth,registered_at');
  const expected = new Map<string, ReconcileStatus>();
  const overLimit: GeneratedPair['overLimit'] = [];
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;

  const cumulative: [Kind, number][] = [];
  let acc = 0;
  for (const [k, w] of MIX) cumulative.push([k, (acc += w / 1000)]);
  const kindOf = (): Kind => {
    const x = r();
    for (const [k, c] of cumulative) if (x < c) return k;
    return 'match';
  };

  // Unique numbers by construction: a counter spread by the person index.
  let msisdnSeq = 0;
  const msisdn = (): { number: string; carrier: string } => {
    const p = PREFIXES[msisdnSeq % PREFIXES.length]!;
    const n = p.prefix + pad(Math.floor(msisdnSeq / PREFIXES.length), 7);
    msisdnSeq++;
    return { number: n, carrier: p.carrier };
  };
  let regRows = 0;
  let subRows = 0;
  const add = (m: string, status: ReconcileStatus) => {
    subRows++;
    if (keep) expected.set(m, status);
  };

  for (let i = 0; i < opts.people; i++) {
    const kind = kindOf();
    const male = r() < 0.5;
    const year = 1940 + Math.floor(r() * 66);
    const dobDays = Math.floor((Date.UTC(year, 0, 1) / 86_400_000) + r() * 365);
    const dob = isoDate(dobDays);
    const century = year >= 2000 ? (male ? 2 : 3) : male ? 0 : 1;
    // The person index in the last 6 digits (+ the year) keeps every CCCD unique.
    const serial = pad(i % 1_000_000, 6);
    const provinceCode = PROVINCE_CODES[Math.floor(i / 1_000_000) % PROVINCE_CODES.length]!;
    const id = provinceCode + century + pad(year % 100, 2) + serial;
    // Old CMND: 9 digits, unique by person index (below 10^8 people): '3' + 8 digits.
    const cmnd = '3' + pad(i, 8);
    const family = pick(FAMILY);
    const middle = pick(MIDDLE);
    const given = kind === 'match_old_tone' ? pick(Object.keys(OLD_TONE)) : pick(GIVEN);
    const name = `${family} ${middle} ${given}`;
    const hasOld = kind === 'old_id' || r() < 0.2;
    const status = kind === 'deceased' ? 'deceased' : 'alive';
    const commune = pick(COMMUNES);

    if (kind !== 'cccd_unknown' && kind !== 'cmnd_unknown') {
      regOut.line(`${id},${hasOld ? cmnd : ''},${name},${dob},${male ? 'male' : 'female'},${commune},${status}`);
      regRows++;
    }

    let subId = id;
    let subType = 'cccd';
    let subName = name;
    let subDob = dob;
    switch (kind) {
      case 'match_nfd':
        subName = name.normalize('NFD');
        break;
      case 'match_spaces':
        subName = `  ${family}  ${middle}   ${given} `;
        break;
      case 'match_upper':
        subName = name.toUpperCase();
        break;
      case 'match_old_tone':
        subName = `${family} ${middle} ${OLD_TONE[given]!}`;
        break;
      case 'match_vn_date':
        subDob = `${dob.slice(8, 10)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`;
        break;
      case 'old_id':
        subType = 'cmnd';
        subId = cmnd;
        break;
      case 'cmnd_unknown':
        subType = 'cmnd';
        subId = '2' + pad(i, 8);
        break;
      case 'name_mismatch':
        subName = NEAR[family] ? `${NEAR[family]} ${middle} ${given}` : `${family} ${middle} ${given === 'An' ? 'Bình' : 'An'}`;
        break;
      case 'dob_mismatch':
        subDob = isoDate(dobDays + 1 + Math.floor(r() * 300));
        break;
      case 'name_dob_mismatch':
        subName = `${family} ${middle} ${given === 'Lan' ? 'Mai' : 'Lan'}`;
        subDob = isoDate(dobDays - 400);
        break;
      case 'bad_province':
        subId = '003' + id.slice(3); // 003 is not a province code
        break;
      case 'bad_length':
        subId = id.slice(0, 11);
        break;
      case 'passport':
        subType = 'passport';
        subId = 'C' + pad(i, 7);
        break;
      case 'bad_date':
        subDob = pick(['31/02/1990', '1990-13-01', 'không rõ', '']);
        break;
      default:
        break;
    }
    // Some names need quoting (a comma never appears in a name, but quotes must still be read).
    const quotedName = r() < 0.05 ? `"${subName}"` : subName;
    const registeredAt = isoDate(17_000 + Math.floor(r() * 3000));
    const copies = kind === 'over_limit' ? maxPerId + 1 + Math.floor(r() * 3) : 1;
    let carrierOfCopies = '';
    for (let c = 0; c < copies; c++) {
      let m = msisdn();
      if (kind === 'over_limit') {
        // all copies at the same carrier
        while (c > 0 && m.carrier !== carrierOfCopies) m = msisdn();
        carrierOfCopies = m.carrier;
      }
      subOut.line(`${m.number},${m.carrier},${subType},${subId},${quotedName},${subDob},${registeredAt}`);
      add(m.number, EXPECTED[kind]);
    }
    if (kind === 'over_limit') overLimit.push({ idNumber: subId, carrier: carrierOfCopies, count: copies });
  }
  regOut.close();
  subOut.close();
  return { registryFile, subscribersFile, expected, overLimit, registryRows: regRows, subscriberRows: subRows };
}

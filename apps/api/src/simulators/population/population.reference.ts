/**
 * The weighted tables behind the synthetic population, read from data/reference (SOURCES.md §5) so
 * that the figures have one home. Where the files have a gap, the choice made here is written next
 * to it and in docs/population.md.
 */
import path from 'node:path';
import { nfc } from '@motcua/contracts';
import { readCsvFile, type CsvRecord } from '../../shared/csv.ts';
import { REFERENCE_DIR } from '../../shared/paths.ts';

export interface Weighted<T> {
  value: T;
  weight: number;
}

export interface NameTables {
  /** Surname → percent of the population; sums to 100. */
  surnames: Weighted<string>[];
  /** SG01 (HCMC area, births c. 2007–2011): used for women born from 2005 on. */
  givenFemaleYoung: Weighted<string>[];
  /** DKL01 (Đắk Lắk, births 1991–2002): used for women born before 2005. */
  givenFemale: Weighted<string>[];
  /** DKL01 male, for every man: the SG01 male table was not obtained (SOURCES.md §5). */
  givenMale: Weighted<string>[];
  /** Words in a full name (2–5), women and men (SG01). */
  femaleWordCounts: Weighted<number>[];
  maleWordCounts: Weighted<number>[];
}

// The source merges two regional spellings of one surname (Hoàng in the North, Huỳnh in the South,
// after the taboo on the name of lord Nguyễn Hoàng; likewise Vũ/Võ). An Giang is in the south-west,
// where the southern forms dominate. No quantified regional split was found: 90% southern is our
// assumption.
const MERGED_SURNAMES: Readonly<Record<string, readonly [southern: string, northern: string]>> = {
  'Hoàng/Huỳnh': ['Huỳnh', 'Hoàng'],
  'Vũ/Võ': ['Võ', 'Vũ'],
};
const SOUTHERN_SHARE = 0.9;

// The 14 surnames of the national table cover 90.1%. The remaining ~9.9% get these real surnames
// with equal weights: SOURCES.md names a Đắk Lắk table with counts (names_surnames_daklak_DKL01.csv)
// but it is not in data/reference. Thạch, Danh, Sơn and Châu are frequent among the Khmer of the
// former Kiên Giang and An Giang; the others are common nationwide.
const OTHER_SURNAMES = [
  'Trương', 'Lâm', 'Đinh', 'Mai', 'Đoàn', 'Lương', 'Tô', 'Châu', 'Cao', 'Thái',
  'Tạ', 'Lưu', 'Quách', 'Trịnh', 'Hà', 'Diệp', 'La', 'Thạch', 'Danh', 'Sơn',
];

function readReference(file: string, dir: string): CsvRecord[] {
  return readCsvFile(path.join(dir, file));
}

function loadSurnames(dir: string): Weighted<string>[] {
  const out: Weighted<string>[] = [];
  for (const r of readReference('names_surnames_national.csv', dir)) {
    const percent = Number(r.percent);
    const merged = MERGED_SURNAMES[r.surname!];
    if (merged) {
      out.push({ value: merged[0], weight: percent * SOUTHERN_SHARE }, { value: merged[1], weight: percent * (1 - SOUTHERN_SHARE) });
    } else {
      out.push({ value: r.surname!, weight: percent });
    }
  }
  const rest = 100 - out.reduce((s, w) => s + w.weight, 0);
  for (const s of OTHER_SURNAMES) out.push({ value: nfc(s), weight: rest / OTHER_SURNAMES.length });
  return out;
}

function loadGivenNames(rows: CsvRecord[], sample: string, gender: string): Weighted<string>[] {
  // Rows whose name did not survive the extract ("[name missing in extract]") are left out; the
  // others keep their relative weights.
  return rows
    .filter((r) => r.sample!.startsWith(sample) && r.gender === gender && !r.given_name!.startsWith('['))
    .map((r) => ({ value: r.given_name!, weight: Number(r.percent) }));
}

/**
 * Parses "2 words 0.202%; 3 words 34.742%; …; 6+ 0.009%" into word counts 2–5. Six-word names and
 * longer (0.009% and 0.002%) are counted as five: a sixth word would need a pattern we have no data for.
 */
export function parseWordCounts(text: string): Weighted<number>[] {
  const byCount = new Map<number, number>();
  for (const m of text.matchAll(/(\d)(\+)?(?: words?)? ([\d.]+)%/g)) {
    const count = Math.min(Number(m[1]), 5);
    byCount.set(count, (byCount.get(count) ?? 0) + Number(m[3]));
  }
  if (![2, 3, 4, 5].every((c) => byCount.has(c))) throw new Error(`unexpected word-count text: ${text}`);
  return [...byCount].map(([value, weight]) => ({ value, weight }));
}

/** Reads the name tables from data/reference. */
export function loadNameTables(dir = REFERENCE_DIR): NameTables {
  const given = readReference('names_given_names.csv', dir);
  const structure = new Map(readReference('names_structure_middle_names.csv', dir).map((r) => [r.fact!, r.value!]));
  const fact = (name: string) => {
    const v = structure.get(name);
    if (v === undefined) throw new Error(`names_structure_middle_names.csv has no "${name}"`);
    return v;
  };
  return {
    surnames: loadSurnames(dir),
    givenFemaleYoung: loadGivenNames(given, 'SG01', 'female'),
    givenFemale: loadGivenNames(given, 'DKL01', 'female'),
    givenMale: loadGivenNames(given, 'DKL01', 'male'),
    femaleWordCounts: parseWordCounts(fact('female full names by word count (SG01)')),
    maleWordCounts: parseWordCounts(fact('male full names by word count (SG01)')),
  };
}

/** A commune of the province as the generator needs it. */
export interface PopulationCommune {
  code: string;
  /** Official name with its type, "Phường Long Xuyên". */
  name: string;
  /** Xã, Phường or Đặc khu. */
  subtype: string;
  /** The pre-2025 province the commune came from: '89' (An Giang) or '91' (Kiên Giang). */
  oldProvinceCode: '89' | '91';
}

/**
 * The pre-2025 province of each new An Giang commune (an_giang_communes_2025.csv; community data per
 * SOURCES.md §1). It decides the usual place-of-birth code (089 or 091) and the CMND prefix.
 */
export function loadCommuneOrigins(dir = REFERENCE_DIR): Map<string, '89' | '91'> {
  const out = new Map<string, '89' | '91'>();
  for (const r of readReference('an_giang_communes_2025.csv', dir)) {
    const old = r.old_province_codes!.split(/[;,\s]+/).filter(Boolean);
    // Every row names one province today; a commune straddling both would count as Kiên Giang's,
    // the province whose code the new An Giang took.
    out.set(r.code!, old.length === 1 && old[0] === '89' ? '89' : '91');
  }
  return out;
}

/** The communes of an_giang_communes_2025.csv, for tests and tools that run without a database. */
export function loadReferenceCommunes(dir = REFERENCE_DIR): PopulationCommune[] {
  return readReference('an_giang_communes_2025.csv', dir).map((r) => ({
    code: r.code!,
    name: r.name!,
    subtype: r.type!,
    oldProvinceCode: r.old_province_codes === '89' ? '89' : '91',
  }));
}

/**
 * Vietnamese full names: Họ + Đệm (0–3 words) + Tên, built from the weighted tables of
 * population.reference.ts. Which middle names are chosen is only partly quantified in our sources
 * (names_structure_middle_names.csv); the weights below are ours, anchored on the facts it gives.
 */
import { nfc } from '@motcua/contracts';
import type { Random } from '../../demo/random.ts';
import type { NameTables, Weighted } from './population.reference.ts';
import type { SimSex } from './population.tables.ts';

/** Stands for "the mother's surname", used as a middle name (the structure file notes the habit). */
const MOTHER = '<mother>';

const table = (pairs: [string, number][]): Weighted<string>[] => pairs.map(([value, weight]) => ({ value: nfc(value), weight }));

// First middle word of women. The structure file says Thị and Ngọc are each above 17% and the top 10
// cover 60.4% (SG01, young). Thị is the traditional middle name, so it weighs more for older women and
// Ngọc more for younger ones; over our age pyramid both stay above 17% (tested). The rest: the
// traditional list of the structure file (Thu, Phương, Thanh, Minh, Lan) and other common ones.
const FEMALE_FIRST_REST = table([
  ['Kim', 3.5], ['Thanh', 3.5], ['Thu', 3], ['Mỹ', 3], ['Phương', 2.5], ['Bảo', 2.5], ['Minh', 2.3],
  ['Hoàng', 2.1], [MOTHER, 5], ['Hồng', 2], ['Thúy', 1.8], ['Như', 1.8], ['Gia', 1.8], ['Khánh', 1.6],
  ['Quỳnh', 1.6], ['Cẩm', 1.5], ['Diễm', 1.5], ['Xuân', 1.5], ['Bích', 1.4], ['Trúc', 1.4], ['Tuyết', 1.3],
  ['Mai', 1.3], ['Yến', 1.2], ['Hoài', 1.2], ['Diệu', 1.2], ['Tường', 1.1], ['Hải', 1.1], ['Uyên', 1],
  ['An', 1], ['Ái', 1], ['Lan', 1], ['Kiều', 1], ['Huyền', 0.9], ['Tú', 0.9], ['Vân', 0.9],
]);
const FEMALE_SECOND = table([
  ['Ngọc', 10], ['Thu', 6], ['Thanh', 6], ['Bảo', 6], ['Kim', 5], ['Phương', 5], ['Mỹ', 5], ['Như', 4],
  ['Hồng', 4], ['Minh', 4], ['Thùy', 4], ['Khánh', 4], ['Diễm', 3], ['Yến', 3], ['Gia', 3], ['Cẩm', 3],
  ['Tuyết', 3], ['Xuân', 3], ['Ánh', 3], ['Tường', 3], ['Quỳnh', 3], ['Bích', 3], ['Trúc', 3], ['Mai', 3],
  ['Hoài', 2], ['Kiều', 2], ['Huyền', 2], ['Tú', 2], ['Uyên', 2], ['Lan', 2],
]);
// First middle word of men other than Văn. The structure file: Văn is the most common male middle name
// overall, followed by Hữu, Hoàng, Minh, Quốc, but under 3% among young HCMC men (SG01), whose top 10
// cover 41.9%; Hoàng and Nguyễn are in that top 10 (the mother's surname).
const MALE_FIRST_REST = table([
  ['Minh', 7], ['Hữu', 6], ['Hoàng', 6], ['Quốc', 5], ['Thanh', 5], ['Gia', 5], [MOTHER, 4], ['Đức', 4],
  ['Công', 4], ['Nhật', 4], ['Anh', 4], ['Bảo', 4], ['Quang', 4], ['Thành', 4], ['Ngọc', 3], ['Trung', 3],
  ['Tuấn', 3], ['Phước', 3], ['Tấn', 3], ['Chí', 3], ['Duy', 3], ['Đăng', 3], ['Khánh', 3], ['Hoài', 2],
  ['Thiện', 2], ['Tiến', 2], ['Trọng', 2], ['Xuân', 2], ['Kim', 2], ['Phúc', 2], ['Thái', 2],
]);
const MALE_SECOND = table([
  ['Gia', 8], ['Minh', 8], ['Anh', 6], ['Bảo', 6], ['Hoàng', 6], ['Quốc', 5], ['Nhật', 5], ['Đăng', 5],
  ['Thiên', 4], ['Tuấn', 4], ['Khánh', 4], ['Duy', 4], ['Trung', 3], ['Thành', 3], ['Phúc', 3], ['Hải', 3],
  ['Tấn', 3], ['Thanh', 3], ['Công', 3], ['Hữu', 3], ['Chí', 3], ['Huy', 3],
]);

/**
 * Share of Văn among men's first middle names by birth year: under 3% for births from about 2005
 * (SG01, c. 2007–2011), the most common one for the older generations. The steps in between are our
 * interpolation, not a measurement.
 */
export function vanShare(birthYear: number): number {
  if (birthYear < 1970) return 0.55;
  if (birthYear < 1985) return 0.45;
  if (birthYear < 1995) return 0.3;
  if (birthYear < 2005) return 0.12;
  return 0.025;
}

/** Shares of Thị and Ngọc among women's first middle names by birth year (see FEMALE_FIRST_REST). */
export function thiNgocShares(birthYear: number): { thi: number; ngoc: number } {
  if (birthYear < 1975) return { thi: 0.34, ngoc: 0.14 };
  if (birthYear < 1995) return { thi: 0.24, ngoc: 0.18 };
  return { thi: 0.14, ngoc: 0.22 };
}

const THI = nfc('Thị');
const NGOC = nfc('Ngọc');
const VAN = nfc('Văn');

export interface PersonName {
  surname: string;
  /** Middle words in order; empty for a two-word name. */
  middle: string[];
  given: string;
}

export interface NameContext {
  sex: SimSex;
  birthYear: number;
  surname: string;
  /** The mother's surname when she is known (lives in the household). */
  motherSurname?: string;
}

/** Full name as written: words joined by single spaces. */
export function fullNameOf(n: PersonName): string {
  return [n.surname, ...n.middle, n.given].join(' ');
}

/** Builds names from the tables; one instance per population, driven by the population's PRNG. */
export class NameMaker {
  readonly #tables: NameTables;
  constructor(tables: NameTables) {
    this.#tables = tables;
  }

  /** A surname by national weight. */
  surname(rng: Random): string {
    return rng.weighted(this.#tables.surnames);
  }

  /** A surname different from `not`, for the mother's-surname middle name when the mother is unknown. */
  #otherSurname(rng: Random, not: string): string {
    for (;;) {
      const s = this.surname(rng);
      if (s !== not) return s;
    }
  }

  #resolve(rng: Random, word: string, ctx: NameContext): string {
    if (word !== MOTHER) return word;
    return ctx.motherSurname !== undefined && ctx.motherSurname !== ctx.surname ? ctx.motherSurname : this.#otherSurname(rng, ctx.surname);
  }

  #firstMiddle(rng: Random, ctx: NameContext): string {
    const r = rng.next();
    if (ctx.sex === 'female') {
      const { thi, ngoc } = thiNgocShares(ctx.birthYear);
      if (r < thi) return THI;
      if (r < thi + ngoc) return NGOC;
      return this.#resolve(rng, rng.weighted(FEMALE_FIRST_REST), ctx);
    }
    if (r < vanShare(ctx.birthYear)) return VAN;
    return this.#resolve(rng, rng.weighted(MALE_FIRST_REST), ctx);
  }

  #secondMiddle(rng: Random, ctx: NameContext, first: string): string {
    const t = ctx.sex === 'female' ? FEMALE_SECOND : MALE_SECOND;
    for (;;) {
      const w = rng.weighted(t);
      if (w !== first) return w;
    }
  }

  #given(rng: Random, ctx: NameContext, taken: readonly string[]): string {
    const t = this.#tables;
    const list = ctx.sex === 'male' ? t.givenMale : ctx.birthYear >= 2005 ? t.givenFemaleYoung : t.givenFemale;
    for (;;) {
      const g = rng.weighted(list);
      // "Trần Ngọc Ngọc" or "Dương Văn Dương" do occur, but rarely enough to leave out.
      if (!taken.includes(g)) return g;
    }
  }

  /** A full name with the word count drawn from the structure table for the person's sex. */
  name(rng: Random, ctx: NameContext): PersonName {
    const words = rng.weighted(ctx.sex === 'female' ? this.#tables.femaleWordCounts : this.#tables.maleWordCounts);
    const middle: string[] = [];
    if (words === 5) middle.push(this.#resolve(rng, MOTHER, ctx));
    if (words >= 3) middle.push(this.#firstMiddle(rng, ctx));
    if (words >= 4) middle.push(this.#secondMiddle(rng, ctx, middle[middle.length - 1]!));
    const given = this.#given(rng, ctx, [ctx.surname, ...middle]);
    return { surname: ctx.surname, middle, given };
  }
}

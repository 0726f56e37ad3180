/**
 * The Vietnamese lunisolar calendar (âm lịch), after the astronomical method Hồ Ngọc Đức published
 * (https://www.informatik.uni-leipzig.de/~duc/amlich/): a lunar month starts on the local day of a new
 * moon; month 11 is the month that contains the winter solstice; a lunar year with 13 months repeats
 * the first month after month 11 in which the sun enters no new zodiac sector (no "major term").
 *
 * Everything is evaluated at UTC+7, the legal time of Việt Nam. The Chinese calendar uses UTC+8 and
 * so disagrees whenever a new moon or a term falls between 16:00 and 17:00 UTC — Tết 1985 and 2007
 * are the famous cases — which is why no Chinese-calendar library is used here.
 *
 * Astronomy: mean new moon with the periodic terms of Jean Meeus, "Astronomical Formulae for
 * Calculators" (1979); apparent solar longitude of Meeus, "Astronomical Algorithms" ch. 25 (low
 * accuracy). Good to well under an hour for 1900–2199, which is the range this module accepts.
 */

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

/** UTC+7 as a fraction of a day. */
const TZ_DAYS = 7 / 24;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the mean new moon of 1900-01-01, the origin of the lunation count k. */
const LUNATION_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, to convert to and from JavaScript UTC milliseconds. */
const JDN_UNIX_EPOCH = 2440588;
const DAY_MS = 86_400_000;

const rad = (deg: number) => (deg * Math.PI) / 180;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which its month 1 begins. */
  year: number;
  /** True in the repeated (nhuận) month of a 13-month year. */
  leap: boolean;
}

/** Julian day number of a Gregorian date; UTC arithmetic only, so the host time zone never matters. */
function jdnOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS + JDN_UNIX_EPOCH;
}

function isoOf(jdn: number): string {
  return new Date((jdn - JDN_UNIX_EPOCH) * DAY_MS).toISOString().slice(0, 10);
}

/** Julian day (TT, fractional) of the k-th new moon after the one of January 1900. */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin(rad(166.56 + 132.87 * t - 0.009173 * t2));
  const sunAnomaly = rad(359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3);
  const moonAnomaly = rad(306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3);
  const moonLatitude = rad(21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3);
  const M = sunAnomaly;
  const Mp = moonAnomaly;
  const F = moonLatitude;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(M) +
    0.0021 * Math.sin(2 * M) -
    0.4068 * Math.sin(Mp) +
    0.0161 * Math.sin(2 * Mp) -
    0.0004 * Math.sin(3 * Mp) +
    0.0104 * Math.sin(2 * F) -
    0.0051 * Math.sin(M + Mp) -
    0.0074 * Math.sin(M - Mp) +
    0.0004 * Math.sin(2 * F + M) -
    0.0004 * Math.sin(2 * F - M) -
    0.0006 * Math.sin(2 * F + Mp) +
    0.001 * Math.sin(2 * F - Mp) +
    0.0005 * Math.sin(M + 2 * Mp);
  // ΔT (TT − UT) in days, the polynomial fits that go with the formulae above.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Julian day number of the local (UTC+7) calendar day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TZ_DAYS);
}

/** Apparent ecliptic longitude of the sun, radians in [0, 2π), at Julian day `jd` (UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = rad(357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2);
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  const l = rad(meanLongitude + center);
  const full = 2 * Math.PI;
  return l - full * Math.floor(l / full);
}

/** Which 30° sector (0–11) the sun is in at the start of the local day `jdn`; sector 9 begins at the winter solstice. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TZ_DAYS) / Math.PI) * 6);
}

/** First day (JDN) of lunar month 11 of the lunar year that ends in Gregorian year `year`: the month holding the December solstice. */
function month11Start(year: number): number {
  const lastDay = jdnOf(`${String(year).padStart(4, '0')}-12-31`);
  const k = Math.floor((lastDay - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // A month that starts with the sun already past 270° (sector 9) begins after the solstice.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/**
 * In a 13-month span starting at month 11 (`a11`), how many months after it the leap month comes: the
 * first month during which the sun stays in the sector it started in (no major term inside it).
 */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let previous: number;
  do {
    previous = sector;
    i++;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== previous && i < 14);
  return i - 1;
}

/** Solar years 1900–2199; lunar years from 1899, whose last month is January 1900. */
function checkYear(year: number, min = LUNAR_MIN_YEAR): void {
  if (!Number.isInteger(year) || year < min || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Năm ${year} ngoài phạm vi lịch âm hỗ trợ (${min}–${LUNAR_MAX_YEAR}).`);
  }
}

/** The lunar date of a Gregorian calendar date (YYYY-MM-DD), both as seen in Việt Nam. */
export function solarToLunar(isoDate: string): LunarDate {
  const year = Number(isoDate.slice(0, 4));
  checkYear(year);
  const day = jdnOf(isoDate);
  // The mean lunation is only an estimate: a true new moon can come a day or more after the mean one,
  // so step back until the month found starts on or before the day (2054-05-07 needs two steps).
  let k = Math.floor((day - LUNATION_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k);
  while (monthStart > day) monthStart = newMoonDay(--k);
  // The lunar year runs between two consecutive months 11; find the pair around this day.
  let a11 = month11Start(year);
  let b11: number;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    b11 = a11;
    a11 = month11Start(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1);
  }
  const sinceA11 = Math.floor((monthStart - a11) / 29);
  let month = sinceA11 + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (sinceA11 >= leapOffset) {
      month = sinceA11 + 10;
      leap = sinceA11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 reached from the earlier month 11 still belong to the previous lunar year.
  if (month >= 11 && sinceA11 < 4) lunarYear -= 1;
  return { day: day - monthStart + 1, month, year: lunarYear, leap };
}

/**
 * The Gregorian date (YYYY-MM-DD) of a lunar date. Throws a RangeError when the month is not a leap
 * month of that year, or the day does not exist in that month (day 30 of a 29-day month).
 */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false): string {
  checkYear(lunarYear, LUNAR_MIN_YEAR - 1);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12)
    throw new RangeError(`Tháng âm lịch ${lunarMonth} không hợp lệ.`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30)
    throw new RangeError(`Ngày âm lịch ${lunarDay} không hợp lệ.`);
  const [a11, b11] =
    lunarMonth < 11
      ? [month11Start(lunarYear - 1), month11Start(lunarYear)]
      : [month11Start(lunarYear), month11Start(lunarYear + 1)];
  const k = Math.floor(0.5 + (a11 - LUNATION_EPOCH) / SYNODIC_MONTH);
  let offset = lunarMonth - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = monthAtOffset(leapOffset);
    if (leap && lunarMonth !== leapMonth) throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng ${lunarMonth} nhuận.`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng nhuận.`);
  }
  const start = newMoonDay(k + offset);
  if (lunarDay > newMoonDay(k + offset + 1) - start)
    throw new RangeError(`Tháng ${lunarMonth} âm lịch năm ${lunarYear} không có ngày ${lunarDay}.`);
  return isoOf(start + lunarDay - 1);
}

/** Number of a leap month `offset` months after month 11: it repeats the month before it (1 → 11, 2 → 12, 3 → 1, …). */
function monthAtOffset(offset: number): number {
  return ((offset + 9) % 12) + 1;
}

/** The leap month of a lunar year (1–12), or null in a 12-month year. */
export function leapMonthOf(lunarYear: number): number | null {
  checkYear(lunarYear);
  // A leap month 1–10 lies in the span from the previous month 11; a leap 11 or 12 in the next span.
  const spans: [number, number, (offset: number) => boolean][] = [
    [month11Start(lunarYear - 1), month11Start(lunarYear), (o) => o >= 3],
    [month11Start(lunarYear), month11Start(lunarYear + 1), (o) => o <= 2],
  ];
  for (const [a11, b11, ours] of spans) {
    if (b11 - a11 <= 365) continue;
    const offset = leapMonthOffset(a11);
    if (ours(offset)) return monthAtOffset(offset);
  }
  return null;
}

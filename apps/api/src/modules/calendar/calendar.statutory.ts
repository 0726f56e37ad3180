/**
 * Public holidays computed from the law, for years without an official schedule
 * (data/reference/holidays_labor_code_art112.csv). Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 1:
 * "a) Tết Dương lịch: 01 ngày (ngày 01 tháng 01 dương lịch); b) Tết Âm lịch: 05 ngày; c) Ngày Chiến
 * thắng: 01 ngày (ngày 30 tháng 4 dương lịch); d) Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5
 * dương lịch); đ) Quốc khánh: 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau);
 * e) Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)."
 *
 * The law leaves the exact Tết days and the day next to 2/9 to the Prime Minister each year (khoản 3);
 * until an official schedule is imported we assume the usual choices, and admins correct single days.
 */
import { addDays, isoDateOf, isWeekend, weekdayOf } from './calendar.dates.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';

export interface ComputedHoliday {
  date: string;
  occasion: string;
  note: string;
}

const WEEKDAY_VI = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

const cache = new Map<number, ComputedHoliday[]>();

/** The statutory days off of a Gregorian year, with compensatory days, sorted by date. */
export function statutoryHolidays(year: number): ComputedHoliday[] {
  let days = cache.get(year);
  if (!days) {
    days = compute(year);
    cache.set(year, days);
  }
  return days;
}

function compute(year: number): ComputedHoliday[] {
  const holidays: ComputedHoliday[] = [{ date: isoDateOf(year, 1, 1), occasion: 'Tết Dương lịch', note: '01/01 dương lịch' }];

  // Tết: 5 days. Assumed, as in 2025 and 2026: the last day of the lunar year (giao thừa, 29 or 30
  // tháng Chạp) and mùng 1–4. Lunar year `year` always begins in January or February of `year`.
  const tet = lunarToSolar(1, 1, year);
  const eve = addDays(tet, -1);
  holidays.push({ date: eve, occasion: 'Tết Nguyên đán', note: `${solarToLunar(eve).day} tháng Chạp (giao thừa)` });
  for (let i = 0; i < 4; i++) holidays.push({ date: addDays(tet, i), occasion: 'Tết Nguyên đán', note: `Mùng ${i + 1} Tết` });

  holidays.push({ date: lunarToSolar(10, 3, year), occasion: 'Giỗ Tổ Hùng Vương', note: '10/3 âm lịch' });
  holidays.push({ date: isoDateOf(year, 4, 30), occasion: 'Ngày Chiến thắng', note: '30/4 dương lịch' });
  holidays.push({ date: isoDateOf(year, 5, 1), occasion: 'Ngày Quốc tế Lao động', note: '01/5 dương lịch' });
  // "02/9 plus one adjacent day (before or after), chosen each year": 01/9, as chosen in 2025 and 2026.
  holidays.push({ date: isoDateOf(year, 9, 1), occasion: 'Quốc khánh', note: 'ngày liền kề 02/9' });
  holidays.push({ date: isoDateOf(year, 9, 2), occasion: 'Quốc khánh', note: '02/9 dương lịch' });
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  // Compensatory days (nghỉ bù), Bộ luật Lao động 2019 Điều 111 khoản 3: "Nếu ngày nghỉ lễ, tết quy
  // định tại khoản 1 Điều 112 của Bộ luật này trùng vào ngày nghỉ hằng tuần thì người lao động được
  // nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp." For civil servants the weekly rest days
  // are Saturday and Sunday; each holiday on one of them moves to the next day that is neither a
  // weekend nor already off, taken in date order (Tết on Sat+Sun gives two days after the break).
  const off = new Set(holidays.map((h) => h.date));
  const compensatory: ComputedHoliday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
    const [, m, dd] = h.date.split('-');
    compensatory.push({
      date: d,
      occasion: `Nghỉ bù ${h.occasion}`,
      note: `bù cho ${dd}/${m} (${WEEKDAY_VI[weekdayOf(h.date)]})`,
    });
  }
  return [...holidays, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}

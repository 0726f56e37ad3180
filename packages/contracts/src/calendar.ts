import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** What a listed day is: a day off (holiday, swapped or compensatory day) or a working day (make-up Saturday). */
export const CALENDAR_DAY_KINDS = ['day_off', 'working_day'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * Where a day comes from: the year's official schedule, the Labour Code rules (years without one),
 * or an admin's edit, which overrides both.
 */
export const CALENDAR_DAY_STATUSES = ['official', 'computed', 'edited'] as const;
export type CalendarDayStatus = (typeof CALENDAR_DAY_STATUSES)[number];

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const VnDateTime = Type.String({ description: 'ISO 8601, giờ Việt Nam (+07:00)', examples: ['2026-02-25T17:00:00+07:00'] });

export const DueDate = Type.Object({
  receivedAt: VnDateTime,
  countsFrom: Type.String({
    format: 'date',
    description: 'Ngày tiếp nhận tính hạn: thời hạn bắt đầu đếm từ ngày làm việc sau ngày này',
  }),
  dueAt: VnDateTime,
  days: Type.Integer({ minimum: 0, description: 'Số ngày làm việc' }),
});
export type DueDate = Static<typeof DueDate>;

export const WorkingDayCount = Type.Object({
  from: IsoDate,
  to: IsoDate,
  workingDays: Type.Integer({ minimum: 0, description: 'Số ngày làm việc, tính cả hai đầu' }),
});
export type WorkingDayCount = Static<typeof WorkingDayCount>;

export const CalendarDay = Type.Object({
  date: IsoDate,
  kind: StringEnum(CALENDAR_DAY_KINDS),
  occasion: Type.String({ description: 'Dịp, ví dụ "Tết Nguyên đán"' }),
  note: Type.String(),
  source: Type.String({ description: 'Nguồn: văn bản, địa chỉ bài báo, hoặc quy tắc của Bộ luật Lao động' }),
  status: StringEnum(CALENDAR_DAY_STATUSES),
  working: Type.Boolean({ description: 'Có phải ngày làm việc không' }),
});
export type CalendarDay = Static<typeof CalendarDay>;

/** What one date is after all rules, including plain weekdays and weekends (status null). */
export const CalendarDateView = Type.Object({
  date: IsoDate,
  working: Type.Boolean(),
  day: Type.Union([CalendarDay, Type.Null()], {
    description: 'Ngày đặc biệt, hoặc null khi chỉ áp dụng quy tắc thứ Hai–thứ Sáu',
  }),
});
export type CalendarDateView = Static<typeof CalendarDateView>;

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  official: Type.Boolean({ description: 'Năm đã có lịch nghỉ chính thức được nhập' }),
  source: Type.Union([Type.String(), Type.Null()], { description: 'Nguồn của lịch chính thức' }),
  workingDays: Type.Integer({ description: 'Số ngày làm việc trong năm' }),
  items: Type.Array(CalendarDay),
});
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarDayUpdate = Type.Object(
  {
    kind: StringEnum(CALENDAR_DAY_KINDS),
    occasion: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Tên dịp, ví dụ "Nghỉ bù Quốc khánh"' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CalendarDayUpdate = Static<typeof CalendarDayUpdate>;

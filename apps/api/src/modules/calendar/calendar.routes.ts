import { Type } from '@sinclair/typebox';
import { CalendarDateView, CalendarDayUpdate, CalendarYear, DueDate, WorkingDayCount } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { errors } from '../../errors.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { vnToday } from '../../shared/dates.ts';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, parseInstant, yearOf } from './calendar.dates.ts';
import * as calendar from './calendar.service.ts';

// Years 1900–2199 only: the range the lunar calendar (and so the computed Tết) is checked for.
const YEARS = '(19|20|21)[0-9]{2}';
const DateParam = (description: string) => Type.String({ format: 'date', pattern: `^${YEARS}-[0-9]{2}-[0-9]{2}$`, description });
// A space is accepted for the "+" of the offset: an unencoded "+" in a URL query reads as a space.
const INSTANT_PATTERN = `^${YEARS}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[-+ ][0-9]{2}:[0-9]{2})$`;

export function calendarRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Hạn xử lý theo ngày làm việc / due time after N working days',
        description: `Đếm N ngày làm việc từ ngày làm việc sau ngày tiếp nhận; tiếp nhận sau ${config.officeHoursEnd} hoặc vào ngày nghỉ thì tính là tiếp nhận vào ngày làm việc kế tiếp. Hạn là cuối giờ hành chính (${config.officeHoursEnd}) của ngày cuối, giờ Việt Nam.`,
        querystring: Type.Object({
          received: Type.String({
            pattern: INSTANT_PATTERN,
            description: 'Thời điểm tiếp nhận, ISO 8601 có múi giờ',
            examples: ['2026-02-13T10:00:00+07:00'],
          }),
          days: Type.Integer({
            minimum: 0,
            maximum: calendar.MAX_DUE_DAYS,
            description: 'Số ngày làm việc (0 = trong ngày tiếp nhận)',
          }),
        }),
        response: { 200: DueDate, ...errorResponses(400) },
      },
    },
    async (req) => {
      const receivedAt = parseInstant(req.query.received.replace(/ ([0-9]{2}:[0-9]{2})$/, '+$1'));
      if (!receivedAt) {
        throw errors.validation(
          [{ field: 'querystring.received', message: 'không phải thời điểm hợp lệ' }],
          `Thời điểm tiếp nhận "${req.query.received}" không hợp lệ.`,
        );
      }
      return calendar.computeDueDate(db, receivedAt, req.query.days, config.officeHoursEnd);
    },
  );

  app.get(
    '/api/v1/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Số ngày làm việc trong một khoảng / working days between two dates',
        description: `Tính cả ngày đầu và ngày cuối; khoảng tối đa ${calendar.MAX_SPAN_DAYS} ngày.`,
        querystring: Type.Object({ from: DateParam('Ngày bắt đầu'), to: DateParam('Ngày kết thúc') }),
        response: { 200: WorkingDayCount, ...errorResponses(400) },
      },
    },
    async (req) => {
      const problem = calendar.spanProblem(req.query.from, req.query.to);
      if (problem) throw errors.validation([{ field: 'querystring.to', message: problem }], problem);
      return calendar.countWorkingDaysBetween(db, req.query.from, req.query.to);
    },
  );

  app.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ và ngày làm bù của một năm / days off and make-up days of a year',
        description:
          'Theo lịch chính thức nếu năm đó đã có; nếu chưa, tính theo Bộ luật Lao động 2019 (Điều 112). Điều chỉnh của quản trị viên được ưu tiên.',
        querystring: Type.Object({
          year: Type.Optional(
            Type.Integer({
              minimum: CALENDAR_MIN_YEAR,
              maximum: CALENDAR_MAX_YEAR,
              description: 'Năm dương lịch, mặc định năm nay',
            }),
          ),
        }),
        response: { 200: CalendarYear, ...errorResponses(400) },
      },
    },
    async (req) => calendar.calendarYear(db, req.query.year ?? yearOf(vnToday())),
  );

  app.get(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Một ngày có phải ngày làm việc không / whether one date is a working day',
        params: Type.Object({ date: DateParam('Ngày') }),
        response: { 200: CalendarDateView, ...errorResponses(400) },
      },
    },
    async (req) => calendar.calendarDate(db, req.params.date),
  );

  app.put(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Điều chỉnh một ngày của lịch / set a day off or a working day',
        description: 'Vai trò: admin của tỉnh. Ghi đè lịch chính thức và ngày nghỉ tính tự động; có ghi nhật ký.',
        security: STAFF_SECURITY,
        params: Type.Object({ date: DateParam('Ngày') }),
        body: CalendarDayUpdate,
        response: { 200: CalendarDateView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) =>
      db
        .transaction()
        .execute((trx) =>
          calendar.setCalendarDay(
            trx,
            { actor: req.actor, provinceCode: config.provinceCode, requestId: req.id },
            req.params.date,
            req.body,
          ),
        ),
  );

  app.delete(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Bỏ điều chỉnh của một ngày / remove an edit of a day',
        description: 'Vai trò: admin của tỉnh. Ngày đó lại theo lịch chính thức hoặc quy định của luật.',
        security: STAFF_SECURITY,
        params: Type.Object({ date: DateParam('Ngày') }),
        response: { 200: CalendarDateView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) =>
      db
        .transaction()
        .execute((trx) =>
          calendar.clearCalendarDay(
            trx,
            { actor: req.actor, provinceCode: config.provinceCode, requestId: req.id },
            req.params.date,
          ),
        ),
  );
}

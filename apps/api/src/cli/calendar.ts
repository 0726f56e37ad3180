/**
 * `motcua calendar due|working-days`: the working-day calendar from the shell. With the embedded
 * database held by a running server, the question goes to that server over HTTP (opening its files
 * a second time would corrupt them); otherwise the command opens the store itself.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../env.ts';
import type { Db } from '../db/client.ts';
import { readServerLock } from '../shared/lock.ts';
import { configFrom, int, withDatabase } from './context.ts';
import { isCalendarDate, parseInstant } from '../modules/calendar/calendar.dates.ts';
import { computeDueDate, countWorkingDaysBetween, MAX_DUE_DAYS, spanProblem } from '../modules/calendar/calendar.service.ts';

const date = (v: string) => {
  if (!isCalendarDate(v)) throw new InvalidArgumentError('phải là ngày YYYY-MM-DD trong các năm 1900–2199');
  return v;
};

const instant = (v: string) => {
  if (!parseInstant(v)) throw new InvalidArgumentError('phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-13T10:00:00+07:00');
  return v;
};

/** Asks the server holding the embedded database, or answers from the store when none does. */
async function askServerOr<T>(
  config: Config,
  apiPath: string,
  query: Record<string, string>,
  local: (db: Db) => Promise<T>,
): Promise<T> {
  const lock = config.databaseUrl ? null : readServerLock(config.dataDir);
  if (!lock) return withDatabase(config, (d) => local(d.db));
  const url = `http://127.0.0.1:${lock.port}${apiPath}?${new URLSearchParams(query).toString()}`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`Không kết nối được máy chủ motcua (pid ${lock.pid}, cổng ${lock.port}): ${(e as Error).message}`, {
      cause: e,
    });
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string; details?: unknown } }) | null;
  if (!res.ok || !body) {
    throw Object.assign(new Error(body?.error?.message ?? `Máy chủ trả lỗi HTTP ${res.status}.`), {
      details: body?.error?.details,
    });
  }
  return body;
}

export function calendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('Lịch làm việc và hạn xử lý / working-day calendar and due dates');

  calendar
    .command('due')
    .description('In hạn xử lý sau N ngày làm việc / print the due date-time after N working days')
    .requiredOption('--received <datetime>', 'thời điểm tiếp nhận, ISO 8601 có múi giờ (2026-02-13T10:00:00+07:00)', instant)
    .requiredOption('--days <n>', `số ngày làm việc (0–${MAX_DUE_DAYS})`, int)
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .action(async (opts: { received: string; days: number; dataDir?: string }) => {
      if (opts.days > MAX_DUE_DAYS) throw new Error(`Số ngày làm việc tối đa là ${MAX_DUE_DAYS}.`);
      const config = configFrom(opts);
      const due = await askServerOr(config, '/api/v1/calendar/due', { received: opts.received, days: String(opts.days) }, (db) =>
        computeDueDate(db, parseInstant(opts.received)!, opts.days, config.officeHoursEnd),
      );
      process.stdout.write(`${due.dueAt}\n`);
    });

  calendar
    .command('working-days')
    .description('In số ngày làm việc từ ngày đến ngày (tính cả hai đầu) / print the working days between two dates')
    .requiredOption('--from <date>', 'ngày bắt đầu YYYY-MM-DD', date)
    .requiredOption('--to <date>', 'ngày kết thúc YYYY-MM-DD', date)
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .action(async (opts: { from: string; to: string; dataDir?: string }) => {
      const problem = spanProblem(opts.from, opts.to);
      if (problem) throw new Error(problem);
      const r = await askServerOr(configFrom(opts), '/api/v1/calendar/working-days', { from: opts.from, to: opts.to }, (db) =>
        countWorkingDaysBetween(db, opts.from, opts.to),
      );
      process.stdout.write(`${r.workingDays}\n`);
    });
}

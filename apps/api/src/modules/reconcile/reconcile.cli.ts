/**
 * `motcua reconcile --subscribers FILE --registry FILE --out DIR [--max-per-id N] [--deadline
 * YYYY-MM-DD] [--campaign ID]`: the subscriber reconciliation of issue 6 from the shell. Progress on
 * stderr (rewritten in place on a terminal, one line every ~5 s otherwise). Exit 0 when the run
 * completed whatever the statuses; exit 2 when an input cannot be read (missing file or column).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { int } from '../../cli/context.ts';
import { CsvInputError } from './reconcile.csv.ts';
import { reconcile, type ReconcileProgress, type ReconcileSummary } from './reconcile.engine.ts';
import { DEFAULT_MAX_PER_ID } from './reconcile.rules.ts';
import { configFrom, withDatabase } from '../../cli/context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { handOff, handoffTarget, type HandoffResult } from './reconcile.handoff.ts';

export interface ReconcileCliOptions {
  subscribers: string;
  registry: string;
  out: string;
  maxPerId?: number;
  deadline?: string;
  campaign?: string;
  provinceName?: string;
}

interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

function fmtEta(s: number | null): string {
  if (s === null) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} ph ${s % 60} s` : `${s} s`;
}

export function progressLine(p: ReconcileProgress): string {
  const phase = p.phase === 'registry' ? 'Nạp CSDL dân cư' : 'Đối soát thuê bao';
  const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
  return `${phase}: ${p.rows.toLocaleString('vi-VN')} dòng, ${p.rowsPerSecond.toLocaleString('vi-VN')} dòng/s, ${pct}%, còn khoảng ${fmtEta(p.etaSeconds)}`;
}

function summaryText(s: ReconcileSummary, out: string): string {
  const lines = [
    `Đã đối soát ${s.inputs.subscribers.classified.toLocaleString('vi-VN')} thuê bao với ${s.inputs.registry.loaded.toLocaleString('vi-VN')} người trong CSDL dân cư (${(s.timing.totalMs / 1000).toFixed(1)} s, bộ nhớ đỉnh ${Math.round(s.memory.peakRssBytes / 1048576)} MB).`,
    ...Object.entries(s.byStatus).map(([k, v]) => `  ${k.padEnd(18)} ${v.toLocaleString('vi-VN')}`),
    `Dòng không đọc được: thuê bao ${s.inputs.subscribers.rejected}, dân cư ${s.inputs.registry.rejected} (xem rejected.csv).`,
    `Số giấy tờ vượt ${s.overLimit.maxPerId} thuê bao/nhà mạng: ${s.overLimit.pairs} (xem over_limit.csv).`,
    `Kết quả trong ${out}: results.csv, outreach.csv (${s.outreach} tin nhắn), rejected.csv, over_limit.csv, summary.json.`,
  ];
  return lines.join('\n') + '\n';
}

export function handoffText(h: HandoffResult): string {
  const lines = [
    `Chiến dịch ${h.campaignCode}: đặt số thuê bao phải xác thực (${h.metric}) cho ${h.communes.length} xã/phường, tổng ${h.communes.reduce((a, c) => a + c.value, 0).toLocaleString('vi-VN')}.`,
    `Không xác định được xã (không có trong CSDL dân cư): ${h.unassigned.toLocaleString('vi-VN')} thuê bao, nhà mạng xử lý.`,
  ];
  if (h.skipped.length) lines.push(`Bỏ qua ${h.skipped.length} mã xã ngoài địa bàn chiến dịch hoặc không có trong danh mục: ${h.skipped.map((s) => s.code).join(', ')}.`);
  lines.push('Tin nhắn chưa được xếp hàng gửi: danh sách nằm trong outreach.csv (gửi qua kênh chiến dịch chưa xây dựng).');
  return lines.join('\n') + '\n';
}

/**
 * Runs the command; returns the exit code (0 completed, 2 unreadable input or unusable campaign).
 * With --campaign, `db` is the store (the command opens it) and the campaign is checked before the run.
 */
export async function runReconcile(opts: ReconcileCliOptions, io: Io = process, db?: Db): Promise<number> {
  if (opts.campaign) {
    if (!db) throw new Error('--campaign needs a database');
    try {
      await handoffTarget(db, opts.campaign);
    } catch (e) {
      if (e instanceof AppError) {
        io.stderr.write(`Lỗi: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  const tty = Boolean(io.stderr.isTTY);
  let lastLine = 0;
  let wroteTty = false;
  try {
    const summary = await reconcile({
      subscribersFile: opts.subscribers,
      registryFile: opts.registry,
      outDir: opts.out,
      maxPerId: opts.maxPerId,
      deadline: opts.deadline,
      provinceName: opts.provinceName,
      onProgress: (p) => {
        if (tty) {
          io.stderr.write(`\r${progressLine(p)}\x1b[K`);
          wroteTty = true;
        } else if (p.elapsedMs - lastLine >= 5000) {
          lastLine = p.elapsedMs;
          io.stderr.write(progressLine(p) + '\n');
        }
      },
    });
    if (wroteTty) io.stderr.write('\n');
    io.stdout.write(summaryText(summary, opts.out));
    if (opts.campaign && db) io.stdout.write(handoffText(await handOff(db, opts.campaign, summary, `reconcile:cli:${summary.startedAt}`)));
    return 0;
  } catch (e) {
    if (wroteTty) io.stderr.write('\n');
    if (e instanceof CsvInputError) {
      io.stderr.write(`Lỗi: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
      io.stderr.write(`Lỗi: không đọc hoặc ghi được tệp (${err.code}): ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}

const isoDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v + 'T00:00:00Z')) || new Date(v + 'T00:00:00Z').toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError('phải là ngày YYYY-MM-DD');
  }
  return v;
};

const positive = (v: string) => {
  const n = int(v);
  if (n < 1) throw new InvalidArgumentError('phải là số nguyên dương');
  return n;
};

export function reconcileCommands(program: Command): void {
  program
    .command('reconcile')
    .description('Đối soát thuê bao di động với CSDL dân cư / reconcile carrier subscribers with the population registry')
    .requiredOption('--subscribers <file>', 'tệp thuê bao của nhà mạng (CSV UTF-8 hoặc XLSX nhỏ)')
    .requiredOption('--registry <file>', 'tệp trích xuất CSDL dân cư (CSV UTF-8 hoặc XLSX nhỏ)')
    .requiredOption('--out <dir>', 'thư mục ghi kết quả')
    .option('--max-per-id <n>', `số thuê bao tối đa của một giấy tờ tại một nhà mạng (mặc định ${DEFAULT_MAX_PER_ID})`, positive)
    .option('--deadline <date>', 'hạn cập nhật ghi trong tin nhắn, YYYY-MM-DD (mặc định sau 30 ngày)', isoDay)
    .option('--province-name <name>', 'tên tỉnh ghi đầu tin nhắn', process.env.MOTCUA_PROVINCE_NAME ?? 'Tỉnh An Giang')
    .option('--campaign <id>', 'chiến dịch xác thực thuê bao nhận số thuê bao phải xác thực theo xã (mã hoặc số)')
    .action(async (opts: ReconcileCliOptions) => {
      process.exitCode = opts.campaign
        ? await withDatabase(configFrom({}), (d) => runReconcile(opts, process, d.db))
        : await runReconcile(opts);
    });
}

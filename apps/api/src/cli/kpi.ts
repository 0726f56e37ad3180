/**
 * `motcua kpi --from D --to D [--unit CODE] [--level …] [--format json|csv|xlsx] [--out FILE]`: the
 * rows of GET /api/v1/kpi from the shell, for the whole province unless `--unit` narrows it.
 */
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { KPI_FORMATS, KPI_LEVELS, type KpiFormat, type KpiLevel, type KpiReport } from '@motcua/contracts';
import type { Db } from '../db/client.ts';
import { isIsoDate } from '../shared/dates.ts';
import { reportCsv, reportXlsx } from '../modules/kpi/kpi.presenter.ts';
import { rebuildAggregates, reportForConsole } from '../modules/kpi/kpi.service.ts';
import { allDossierFacts } from '../modules/dossiers/dossiers.service.ts';
import { configFrom, withDatabase } from './context.ts';

const date = (v: string) => {
  if (!isIsoDate(v)) throw new InvalidArgumentError('phải là ngày YYYY-MM-DD');
  return v;
};

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: string): T => {
    if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`chọn một trong: ${values.join(', ')}`);
    return v as T;
  };

export interface KpiCommandOptions {
  from: string;
  to: string;
  unit?: string;
  level?: KpiLevel;
}

/** What `motcua kpi` prints as JSON (the tests call this too). */
export function kpiCommandReport(db: Db, provinceCode: string, opts: KpiCommandOptions): Promise<KpiReport> {
  return reportForConsole(db, provinceCode, { from: opts.from, to: opts.to, unit: opts.unit?.toUpperCase(), level: opts.level });
}

/** The report in the requested format: JSON text, CSV text (with BOM) or XLSX bytes. */
export async function renderKpi(report: KpiReport, format: KpiFormat): Promise<string | Buffer> {
  if (format === 'csv') return reportCsv(report);
  if (format === 'xlsx') return reportXlsx(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function kpiCommands(program: Command): void {
  program
    .command('kpi')
    .description('Chỉ số phục vụ người dân (QĐ 766) theo kỳ / service indicators for a period')
    .requiredOption('--from <date>', 'ngày đầu kỳ YYYY-MM-DD', date)
    .requiredOption('--to <date>', 'ngày cuối kỳ YYYY-MM-DD (tính cả ngày này)', date)
    .option('--unit <code>', 'mã đơn vị: một dòng cho cả cây đơn vị đó')
    .option('--level <level>', `một dòng cho mỗi đơn vị cấp: ${KPI_LEVELS.join('|')}`, oneOf(KPI_LEVELS))
    .option('--format <format>', `${KPI_FORMATS.join('|')} (mặc định json)`, oneOf(KPI_FORMATS))
    .option('--out <file>', 'ghi ra tệp (bắt buộc với xlsx)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .action(async (opts: KpiCommandOptions & { format?: KpiFormat; out?: string; dataDir?: string }) => {
      const format = opts.format ?? 'json';
      if (format === 'xlsx' && !opts.out) throw new Error('Định dạng xlsx cần --out FILE.');
      const config = configFrom(opts);
      const report = await withDatabase(config, (d) => kpiCommandReport(d.db, config.provinceCode, opts));
      const body = await renderKpi(report, format);
      if (opts.out) {
        fs.writeFileSync(opts.out, body);
        process.stderr.write(`Đã ghi ${report.rows.length} dòng vào ${opts.out}.\n`);
      } else {
        process.stdout.write(body);
      }
    });
}

/** `motcua rebuild-kpi [--check]`: recounts the indicator aggregates from every dossier. */
export function rebuildKpiCommand(program: Command): void {
  program
    .command('rebuild-kpi')
    .description('Tính lại số liệu chỉ số từ toàn bộ hồ sơ và so với số liệu đang dùng / recount the indicator aggregates')
    .option('--check', 'chỉ so sánh, không thay thế')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .action(async (opts: { check?: boolean; dataDir?: string }) => {
      const r = await withDatabase(configFrom(opts), (d) =>
        rebuildAggregates(d.db, (trx) => allDossierFacts(trx), { replace: !opts.check }),
      );
      process.stdout.write(
        r.agreed
          ? `Khớp: ${r.dossiers} hồ sơ, số liệu trực tiếp trùng với số liệu tính lại.\n`
          : `Lệch ${r.differingRows} dòng (đơn vị × ngày) trên ${r.dossiers} hồ sơ${r.replaced ? '; đã thay bằng số liệu tính lại' : ''}.\n`,
      );
      if (!r.agreed) {
        process.stdout.write(`${JSON.stringify(r.differences.slice(0, 20), null, 2)}\n`);
        process.exitCode = 3;
      }
    });
}

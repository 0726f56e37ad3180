/** `motcua import units|procedures|holidays|… FILE`: all-or-nothing imports with a report of rejected rows. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { configFrom, withDatabase } from './context.ts';
import type { ImportReport } from '../shared/import-report.ts';
import { importUnitsFile } from '../modules/units/units.import.ts';
import { importProceduresFile } from '../modules/catalog/catalog.import.ts';
import { importHolidaysFile } from '../modules/calendar/calendar.import.ts';
import { importDossiersFile } from '../modules/dossiers/dossiers.import.ts';
import { importTargetsFile } from '../modules/kpi/kpi.targets.ts';
import { importHouseholdsFile } from '../modules/field/field.import.ts';
import { importPartnerReportFile, printPartnerReportOutcome } from '../modules/partner-reports/partner-reports.import.ts';


// Campaign imports (households) take the campaign, by id or code, from --campaign.
const IMPORTERS: Record<string, (db: Parameters<typeof importUnitsFile>[0], file: string, opts: { campaign?: string }) => Promise<ImportReport>> = {
  units: (db, file) => importUnitsFile(db, file),
  procedures: (db, file) => importProceduresFile(db, file),
  holidays: (db, file) => importHolidaysFile(db, file),
  dossiers: (db, file) => importDossiersFile(db, file),
  targets: (db, file) => importTargetsFile(db, file),
  households: (db, file, opts) => importHouseholdsFile(db, file, opts.campaign),
};

export function printReport(kind: string, file: string, r: ImportReport): void {
  if (r.rejected.length === 0) {
    process.stdout.write(`Đã nhập ${r.accepted} dòng ${kind} từ ${file}.\n`);
    return;
  }
  process.stderr.write(`Không nhập gì: ${r.rejected.length} dòng bị từ chối trong ${file} / nothing imported:\n`);
  for (const x of r.rejected) process.stderr.write(`  dòng ${x.line}: ${x.reason}\n`);
  process.exitCode = 2;
}

export function importCommands(program: Command): void {
  program
    .command('import')
    .description('Nhập dữ liệu từ tệp CSV/XLSX / import data from a CSV/XLSX file')
    .argument('<kind>', `loại dữ liệu: ${Object.keys(IMPORTERS).join('|')}|partner-report`)
    .argument('<file>', 'đường dẫn tệp')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--campaign <id>', 'mã hoặc số chiến dịch (households, partner-report)')
    .option('--partner <unitCode>', 'partner-report: đối tác (mã đơn vị, vd 91.VIETTEL); bỏ qua khi chiến dịch chỉ có một đối tác')
    .option('--period-end <date>', 'partner-report: ngày cuối kỳ báo cáo (YYYY-MM-DD), nếu tệp không có cột period_end')
    .option('--revision', 'partner-report: báo cáo sửa đổi cho kỳ đã gửi')
    .action(async (kind: string, file: string, opts: { dataDir?: string; campaign?: string; partner?: string; periodEnd?: string; revision?: boolean }) => {
      if (kind === 'partner-report') {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`Không tìm thấy tệp ${file} / file not found`);
        const outcome = await withDatabase(configFrom(opts), (d) => importPartnerReportFile(d.db, file, opts));
        process.exitCode = printPartnerReportOutcome(file, outcome) || process.exitCode;
        return;
      }
      const importer = IMPORTERS[kind];
      if (!importer) throw new Error(`Loại dữ liệu không hỗ trợ: ${kind}. Chọn một trong: ${Object.keys(IMPORTERS).join(', ')}`);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`Không tìm thấy tệp ${file} / file not found`);
      const report = await withDatabase(configFrom(opts), (d) => importer(d.db, file, opts));
      printReport(kind, file, report);
    });
}

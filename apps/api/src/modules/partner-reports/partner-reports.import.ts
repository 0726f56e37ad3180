/**
 * `motcua import partner-report FILE --campaign ID [--partner UNIT] [--period-end DATE] [--revision]`:
 * the operator loads a report a partner sent by e-mail or on a USB stick. Same checks as an upload;
 * the report waits for the coordinator's approval like any other.
 */
import path from 'node:path';
import type { PartnerReportProblem, PartnerReportWarning } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors, isAppError } from '../../errors.ts';
import { readTabularFile } from '../../shared/tabular.ts';
import { findCampaign } from '../campaigns/campaigns.access.ts';
import { rawFromFile } from './partner-reports.parse.ts';
import {
  partnerContext,
  resolvePartner,
  submitReport,
  withRaceAsConflict,
  type SubmitResult,
} from './partner-reports.service.ts';

export interface PartnerReportFileOptions {
  campaign?: string;
  partner?: string;
  periodEnd?: string;
  revision?: boolean;
  now?: Date;
}

export type PartnerReportFileOutcome =
  | { ok: true; result: SubmitResult; partner: string; periodEnd: string }
  | { ok: false; problems: PartnerReportProblem[]; skippedLines: number }
  | { ok: false; conflict: string; revisionHint: boolean };

export async function importPartnerReportFile(
  db: Db,
  file: string,
  opts: PartnerReportFileOptions,
): Promise<PartnerReportFileOutcome> {
  if (!opts.campaign) throw errors.validation({ option: '--campaign' }, 'Cần --campaign <mã hoặc số chiến dịch>.');
  const campaign = await findCampaign(db, opts.campaign);
  if (!campaign) throw errors.notFound(`chiến dịch ${opts.campaign}`, `Campaign ${opts.campaign}`);
  const ctx = await partnerContext(db, campaign, await resolvePartner(db, campaign.id, opts.partner));
  const raw = rawFromFile(await readTabularFile(file), ctx.metrics, ctx.campaignMetrics);
  try {
    const result = await withRaceAsConflict(() =>
      db.transaction().execute((trx) =>
        submitReport(trx, {
          ctx,
          periodEnd: opts.periodEnd,
          revision: opts.revision === true,
          raw,
          sender: {
            channel: 'cli',
            staffId: null,
            tokenId: null,
            fileName: path.basename(file),
            scopePath: campaign.scope_path,
            actor: null,
          },
          now: opts.now ?? new Date(),
        }),
      ),
    );
    const periodEnd = (
      await db.selectFrom('partner_reports').select('period_end').where('id', '=', result.id).executeTakeFirstOrThrow()
    ).period_end;
    return { ok: true, result, partner: ctx.partner.unit_code, periodEnd };
  } catch (e) {
    if (isAppError(e) && e.code === 'IMPORT_REJECTED') {
      const d = e.details as { problems: PartnerReportProblem[]; skippedLines: number };
      return { ok: false, problems: d.problems, skippedLines: d.skippedLines };
    }
    if (isAppError(e) && e.code === 'CONFLICT') return { ok: false, conflict: e.message, revisionHint: opts.revision !== true };
    throw e;
  }
}

const where = (p: PartnerReportProblem) =>
  (p.line === 0 ? 'kỳ báo cáo' : `dòng ${p.line}`) + (p.column ? `, cột ${p.column}` : '');

/** The CLI's words: accepted with its warnings, or every problem (exit code 2). */
/** Where the CLI writes (process.stdout / process.stderr; a test passes its own). */
export interface TextSink {
  write(s: string): unknown;
}

export function printPartnerReportOutcome(
  file: string,
  o: PartnerReportFileOutcome,
  out: TextSink = process.stdout,
  err: TextSink = process.stderr,
): number {
  if (o.ok) {
    const r = o.result;
    out.write(
      `Đã nhận báo cáo số ${r.id} của ${o.partner}, kỳ đến ${o.periodEnd}, lần ${r.revision}: ${r.accepted} đơn vị` +
        (r.skippedLines ? `, bỏ qua ${r.skippedLines} dòng trống/ghi chú` : '') +
        '. Chờ đơn vị điều phối duyệt.\n',
    );
    for (const w of r.warnings as PartnerReportWarning[]) out.write(`  cảnh báo: ${w.message}\n`);
    return 0;
  }
  if ('conflict' in o) {
    err.write(`Không nhận: ${o.conflict}${o.revisionHint ? ' Dòng lệnh: thêm --revision.' : ''}\n`);
    return 2;
  }
  err.write(`Không nhận gì: ${o.problems.length} lỗi trong ${file} / nothing imported:\n`);
  for (const p of o.problems) err.write(`  ${where(p)}: ${p.reason}\n`);
  return 2;
}

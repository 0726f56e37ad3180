/**
 * The XLSX template of a partner's report: header `unit_code, unit_name, <metrics>`, a second line
 * starting with "#" that names the columns in Vietnamese (skipped on upload), the communes of the
 * sender's scope pre-filled, and a second sheet explaining the periods and the rules. Filled in and
 * uploaded as it is, it round-trips.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { vnToday } from '../../shared/dates.ts';
import { periodsOf } from '../campaigns/campaigns.periods.ts';
import { NAME_COLUMN, UNIT_COLUMN } from './partner-reports.parse.ts';
import { CADENCE_LABELS, type PartnerContext } from './partner-reports.service.ts';
import { vnDay } from './partner-reports.validate.ts';

/** Communes under `scopePath` valid on `at`, by code. */
export async function communesOf(db: Db, scopePath: string, at: string) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name'])
    .where('u.kind', '=', 'commune')
    .where('u.path', 'like', `${scopePath}%`)
    .where(
      sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR ${at}::date < u.valid_to)`,
    )
    .orderBy('u.code')
    .execute();
}

export async function reportTemplate(
  db: Db,
  ctx: PartnerContext,
  scopePath: string,
  now: Date,
): Promise<{ filename: string; body: Buffer }> {
  const { campaign, partner, metrics } = ctx;
  const today = vnToday(now);
  // The communes that exist during the campaign: on today's date clipped to the window.
  const at = today < campaign.window_start ? campaign.window_start : today > campaign.window_end ? campaign.window_end : today;
  const communes = await communesOf(db, scopePath, at);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow([UNIT_COLUMN, NAME_COLUMN, ...metrics.map((m) => m.code)]).font = { bold: true };
  ws.addRow(['# Mã đơn vị', 'Tên đơn vị', ...metrics.map((m) => `${m.nameVi} (lũy kế đến cuối kỳ)`)]).font = {
    italic: true,
    color: { argb: 'FF444444' },
  };
  for (const c of communes) ws.addRow([c.code, c.name]);
  ws.columns.forEach(
    (col, i) => (col.width = i === 0 ? 12 : i === 1 ? 32 : Math.max(14, (metrics[i - 2]?.nameVi.length ?? 10) + 4)),
  );
  // Codes stay text (leading zeros); values are whole numbers.
  ws.getColumn(1).numFmt = '@';
  for (let i = 0; i < metrics.length; i++) ws.getColumn(i + 3).numFmt = '0';
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];

  const help = wb.addWorksheet('Hướng dẫn');
  const periods = periodsOf(ctx.rule);
  const lines: string[][] = [
    [`Chiến dịch: ${campaign.name} (${campaign.code})`],
    [`Đối tác: ${partner.unit_name} (${partner.unit_code}); chu kỳ báo cáo ${CADENCE_LABELS[partner.cadence]}`],
    [`Thời gian chiến dịch: ${vnDay(campaign.window_start)}–${vnDay(campaign.window_end)}`],
    [
      'Mỗi dòng một xã, phường, đặc khu; số liệu là số LŨY KẾ từ đầu chiến dịch đến hết ngày cuối kỳ, số nguyên không âm, không dùng dấu phân cách hàng nghìn.',
    ],
    [
      'Dòng bắt đầu bằng "#" và dòng trống được bỏ qua. Có một dòng sai thì cả báo cáo không được nhận; hệ thống liệt kê mọi dòng sai.',
    ],
    ['Gửi lại cho kỳ đã gửi: đánh dấu "báo cáo sửa đổi" (lịch sử các lần gửi được giữ lại).'],
    [],
    ['Kỳ báo cáo', 'Từ ngày', 'Đến ngày (chọn khi gửi)', 'Hạn gửi'],
    ...periods.map((p, i) => [String(i + 1), vnDay(p.periodStart), vnDay(p.periodEnd), vnDay(p.dueDate)]),
  ];
  for (const l of lines) help.addRow(l);
  help.getRow(8).font = { bold: true };
  help.getColumn(1).width = 14;
  [2, 3, 4].forEach((c) => (help.getColumn(c).width = 22));
  return {
    filename: `mau-bao-cao-${campaign.code}-${partner.unit_code}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

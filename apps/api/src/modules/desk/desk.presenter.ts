/** Desk rows → API JSON and files: records (masked unless asked and audited), payouts (CSV/XLSX), self-checks. */
import {
  DESK_PLACE_LABELS,
  maskIdNumber,
  maskPhone,
  type DeskPayoutReport,
  type DeskRecordView,
  type MobileCarrier,
  type SelfCheckView,
} from '@motcua/contracts';
import { toCsv } from '../../shared/csv.ts';
import { toXlsx } from '../../shared/tabular.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { DeskRecordListRow } from './desk.repo.ts';
import type { SelfCheckRow } from './selfcheck.repo.ts';

export function presentRecord(r: DeskRecordListRow, opts: { masked: boolean }): DeskRecordView {
  return {
    id: Number(r.id),
    recordedAt: formatVn(new Date(r.recorded_at)),
    recordedOn: r.recorded_on,
    phone: opts.masked ? maskPhone(r.phone) : r.phone,
    carrier: r.carrier as MobileCarrier,
    detectedCarrier: r.detected_carrier,
    carrierOverride: r.carrier_override,
    idKind: r.id_kind,
    idNumber: opts.masked ? maskIdNumber(r.id_number) : r.id_number,
    placeKind: r.place_kind,
    result: r.result,
    failureReason: r.failure_reason,
    staff: { id: Number(r.staff_id), name: r.staff_name },
    unit: { code: r.unit_code, name: r.unit_name },
    campaignCodes: r.campaign_codes ?? [],
    masked: opts.masked,
  };
}

export function presentSelfCheck(r: SelfCheckRow): SelfCheckView {
  return {
    id: Number(r.id),
    checkedOn: r.checked_on,
    result: r.result,
    carrier: (r.carrier as MobileCarrier | null) ?? null,
    recordedAt: formatVn(new Date(r.recorded_at)),
  };
}

/** Place labels for exports and the docs, kept next to the presenter that uses them. */
export const placeLabel = (k: keyof typeof DESK_PLACE_LABELS) => DESK_PLACE_LABELS[k].vi;

const PAYOUT_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhà mạng',
  'Cán bộ',
  'Tên đăng nhập',
  'Số lượt chuẩn hóa thành công',
  'Mức hỗ trợ (đồng/lượt)',
  'Thành tiền (đồng)',
];

/** Rows of the payout file: one per staff member, a "Cộng" row per unit and carrier, a grand total. */
function payoutCells(report: DeskPayoutReport): (string | number | null)[][] {
  const rows = report.rows.map((r) => [
    r.unit.code,
    r.unit.name,
    r.carrier,
    r.staff ? r.staff.name : `Cộng ${r.unit.name} – ${r.carrier}`,
    r.staff ? r.staff.username : '',
    r.successes,
    r.rateVnd ?? 'nhiều mức',
    r.amountVnd,
  ]);
  rows.push(['', 'TỔNG CỘNG', report.carrier ?? 'Tất cả nhà mạng', '', '', report.total.successes, '', report.total.amountVnd]);
  return rows;
}

export function payoutCsv(report: DeskPayoutReport): string {
  return toCsv(PAYOUT_HEADER, payoutCells(report));
}

export function payoutXlsx(report: DeskPayoutReport): Promise<Buffer> {
  return toXlsx(`Hỗ trợ TTTB ${report.month}`, PAYOUT_HEADER, payoutCells(report));
}

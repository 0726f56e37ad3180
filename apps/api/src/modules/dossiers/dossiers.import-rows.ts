/**
 * One row of `motcua import dossiers FILE`, checked on its own (no database): every problem of the
 * row is listed, in Vietnamese, so the official fixes the file in one pass. docs/dossiers.md has the
 * column reference.
 */
import {
  DOSSIER_CHANNELS,
  DOSSIER_IMPORT_COLUMNS,
  DOSSIER_PAID,
  DOSSIER_RATINGS,
  DOSSIER_STATUSES,
  PROCEDURE_CODE_PATTERN,
  type DossierChannel,
  type DossierPaid,
  type DossierRating,
  type DossierStatus,
} from '@motcua/contracts';
import { parseInstant } from '../calendar/calendar.dates.ts';
import type { TabularRow } from '../../shared/tabular.ts';

export interface ImportRecord {
  line: number;
  code: string;
  procedureCode: string;
  unitCode: string;
  channel: DossierChannel;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  status: DossierStatus;
  supplementRequests: number;
  feeVnd: number;
  paid: DossierPaid;
  digitizedDossier: boolean;
  digitizedResult: boolean;
  reusedData: boolean;
  rating: DossierRating | null;
  complaint: boolean;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z._/-]{0,63}$/;
const PROCEDURE_CODE = new RegExp(PROCEDURE_CODE_PATTERN);
const FINISHED: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];
/** Statuses of a dossier the previous system never received have no place in history. */
const NOT_IMPORTABLE: readonly DossierStatus[] = ['draft', 'submitted'];
const MAX_COUNT = 1_000;
const MAX_FEE = 1_000_000_000_000;

/** Problems with the header row (missing or unknown columns), or null when it is exactly right. */
export function headerProblem(rows: TabularRow[]): string | null {
  if (rows.length === 0) return 'tệp không có dòng dữ liệu nào';
  const present = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const expected = new Set<string>(DOSSIER_IMPORT_COLUMNS);
  const missing = DOSSIER_IMPORT_COLUMNS.filter((c) => !present.has(c));
  const unknown = [...present].filter((c) => !expected.has(c));
  const parts: string[] = [];
  if (missing.length) parts.push(`thiếu cột: ${missing.join(', ')}`);
  if (unknown.length) parts.push(`cột không có trong mẫu: ${unknown.join(', ')}`);
  return parts.length ? `${parts.join('; ')} (cần đúng các cột ${DOSSIER_IMPORT_COLUMNS.join(', ')})` : null;
}

function oneOf<T extends string>(v: string, allowed: readonly T[], column: string, problems: string[]): T | null {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  problems.push(`${column} "${v}" không hợp lệ (${allowed.join('|')})`);
  return null;
}

function instant(v: string, column: string, problems: string[], required: boolean): Date | null {
  if (!v) {
    if (required) problems.push(`thiếu ${column}`);
    return null;
  }
  const d = parseInstant(v);
  if (!d) problems.push(`${column} "${v}" không phải thời điểm ISO 8601 có múi giờ (ví dụ 2024-05-10T09:30:00+07:00)`);
  return d;
}

function count(v: string, column: string, max: number, problems: string[]): number {
  if (!/^\d+$/.test(v) || Number(v) > max) {
    problems.push(`${column} "${v}" phải là số nguyên không âm`);
    return 0;
  }
  return Number(v);
}

function bool(v: string, column: string, problems: string[]): boolean {
  const t = v.toLowerCase();
  if (t === 'true' || t === 'false') return t === 'true';
  problems.push(`${column} "${v}" phải là true hoặc false`);
  return false;
}

/** Parses one row; `value` is set only when the row has no problem. */
export function parseImportRow({ line, values }: TabularRow): { value?: ImportRecord; problems: string[] } {
  const v = (c: (typeof DOSSIER_IMPORT_COLUMNS)[number]) => (values[c] ?? '').trim();
  const problems: string[] = [];
  const code = v('code');
  if (!CODE.test(code)) problems.push(`mã hồ sơ "${code}" không hợp lệ (1–64 ký tự: chữ, số, . _ / -)`);
  const procedureCode = v('procedure_code');
  if (!PROCEDURE_CODE.test(procedureCode)) problems.push(`mã thủ tục "${procedureCode}" không đúng dạng 1.001193`);
  const unitCode = v('unit_code').toUpperCase();
  if (!unitCode) problems.push('thiếu mã đơn vị (unit_code)');
  const channel = oneOf(v('channel'), DOSSIER_CHANNELS, 'channel', problems);
  const receivedAt = instant(v('received_at'), 'received_at', problems, true);
  const dueAt = instant(v('due_at'), 'due_at', problems, true);
  const finishedAt = instant(v('finished_at'), 'finished_at', problems, false);
  const status = oneOf(v('status'), DOSSIER_STATUSES, 'status', problems);
  const supplementRequests = count(v('supplement_requests'), 'supplement_requests', MAX_COUNT, problems);
  const feeVnd = count(v('fee_vnd'), 'fee_vnd', MAX_FEE, problems);
  const paid = oneOf(v('paid'), DOSSIER_PAID, 'paid', problems);
  const digitizedDossier = bool(v('digitized_dossier'), 'digitized_dossier', problems);
  const digitizedResult = bool(v('digitized_result'), 'digitized_result', problems);
  const reusedData = bool(v('reused_data'), 'reused_data', problems);
  const rating = v('rating') ? oneOf(v('rating'), DOSSIER_RATINGS, 'rating', problems) : null;
  const complaint = bool(v('complaint'), 'complaint', problems);

  if (receivedAt && dueAt && dueAt < receivedAt) problems.push('due_at trước received_at');
  if (receivedAt && finishedAt && finishedAt < receivedAt) problems.push('finished_at trước received_at');
  if (status) {
    if (NOT_IMPORTABLE.includes(status)) problems.push(`trạng thái ${status} là hồ sơ chưa tiếp nhận, không nhập lịch sử`);
    const finished = FINISHED.includes(status);
    if (finished && !v('finished_at')) problems.push(`trạng thái ${status} cần finished_at`);
    if (!finished && v('finished_at')) problems.push(`trạng thái ${status} là chưa giải quyết xong nên finished_at phải để trống`);
    if (!finished && rating) problems.push('chỉ hồ sơ đã giải quyết xong mới có đánh giá (rating)');
    if (!finished && digitizedResult) problems.push('chỉ hồ sơ đã giải quyết xong mới có kết quả số hóa (digitized_result)');
  }
  if (paid && paid !== 'none' && feeVnd === 0) problems.push(`paid = ${paid} nhưng fee_vnd = 0`);

  if (problems.length || !channel || !receivedAt || !dueAt || !status || !paid) return { problems };
  return {
    value: {
      line,
      code,
      procedureCode,
      unitCode,
      channel,
      receivedAt,
      dueAt,
      finishedAt,
      status,
      supplementRequests,
      feeVnd,
      paid,
      digitizedDossier,
      digitizedResult,
      reusedData,
      rating,
      complaint,
    },
    problems,
  };
}

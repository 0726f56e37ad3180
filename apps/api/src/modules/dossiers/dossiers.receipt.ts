/**
 * Receipt codes (mã hồ sơ): `<unit code>-<YYMMDD>-<sequence>`, e.g. `30307-260213-0001`. Unit codes
 * are unique on any given day (a reused code belongs to one unit at a time) and contain no "-", the
 * day is the receipt day in Việt Nam, and the sequence comes from one UPSERT per unit and day, so a
 * code is unique in the province without a central lock (docs/dossiers.md).
 */
import type { Db } from '../../db/client.ts';
import { isIsoDate, vnDateOf } from '../../shared/dates.ts';
import * as repo from './dossiers.repo.ts';

const SEQ_DIGITS = 4;
const RECEIPT_CODE = /^([0-9A-Z][0-9A-Z.]*)-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

export function formatReceiptCode(unitCode: string, day: string, seq: number): string {
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${unitCode}-${yymmdd}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The parts of a code in our format (e.g. an imported code from an earlier run of this system), or null. */
export function parseReceiptCode(code: string): { unitCode: string; day: string; seq: number } | null {
  const m = RECEIPT_CODE.exec(code);
  const day = m ? `20${m[2]}-${m[3]}-${m[4]}` : '';
  const seq = m ? Number(m[5]) : 0;
  // The counter is an integer column; a longer number cannot collide with ours anyway.
  if (!m || !isIsoDate(day) || seq > 2_000_000_000) return null;
  return { unitCode: m[1]!, day, seq };
}

/** A fresh code for a dossier entering `unitCode` at `at`. */
export async function nextReceiptCode(db: Db, unitCode: string, at: Date): Promise<string> {
  const day = vnDateOf(at);
  return formatReceiptCode(unitCode, day, await repo.nextReceiptSeq(db, unitCode, day));
}

/** Keeps future codes clear of an imported code that happens to be in our format. */
export async function reserveReceiptCode(db: Db, code: string): Promise<void> {
  const p = parseReceiptCode(code);
  if (p) await repo.raiseReceiptSeq(db, p.unitCode, p.day, p.seq);
}

/**
 * Amounts in words for the receipt (biên lai: "Số tiền bằng chữ"), as Vietnamese accounting writes
 * them. Choices (docs/payments.md):
 * - "linh" (northern and administrative usage), not "lẻ", for a zero tens digit: 105 → "một trăm linh năm";
 * - "mốt" for a units 1 after tens 2–9 (21 → "hai mươi mốt"), "một" otherwise (11, 101);
 * - "lăm" for a units 5 after any tens digit (15, 25 → "mười lăm", "hai mươi lăm"), "năm" after "linh";
 * - "bốn", never "tư" (24 → "hai mươi bốn"), one spelling on every receipt;
 * - "nghìn", not "ngàn"; "tỷ" repeats for larger amounts (10^12 → "một nghìn tỷ");
 * - a group of three digits after a larger one is read in full ("không trăm"): 1 005 000 → "một triệu
 *   không trăm linh năm nghìn"; a group that is all zeros is skipped (1 000 005 → "một triệu không
 *   trăm linh năm").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

/** Reads 0–999. `full`: a larger group came before, so hundreds and "linh" are read even when zero. */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && out.length > 0) out.push('linh');
    if (u > 0) out.push(DIGITS[u]!);
    return out;
  }
  if (t === 1) out.push('mười');
  else out.push(DIGITS[t]!, 'mươi');
  if (u === 1) out.push(t === 1 ? 'một' : 'mốt');
  else if (u === 5) out.push('lăm');
  else if (u > 0) out.push(DIGITS[u]!);
  return out;
}

/** Reads 1 ≤ n < 10^9 as words; `full` as in readGroup for its first group. */
function readBelowBillion(n: number, full: boolean): string[] {
  const out: string[] = [];
  let started = full;
  for (let g = 2; g >= 0; g--) {
    const group = Math.floor(n / 1000 ** g) % 1000;
    if (group === 0) continue;
    out.push(...readGroup(group, started));
    const name = GROUPS[g];
    if (name) out.push(name);
    started = true;
  }
  return out;
}

/** Reads n ≥ 1; `full` when a larger part was already read. */
function readPositive(n: number, full: boolean): string[] {
  if (n < BILLION) return readBelowBillion(n, full);
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  const out = [...readPositive(billions, full), 'tỷ'];
  if (rest > 0) out.push(...readBelowBillion(rest, true));
  return out;
}

/** The words of a whole number of đồng, capitalised, ending in "đồng": 21 000 → "Hai mươi mốt nghìn đồng". */
export function amountInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`amount must be a non-negative safe integer, got ${n}`);
  const words = n === 0 ? ['không'] : readPositive(n, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

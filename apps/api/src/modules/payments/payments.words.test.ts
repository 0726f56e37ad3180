import { describe, expect, it } from 'vitest';
import { amountInWords } from './payments.words.ts';

// Every expected text is written by hand, the way a Vietnamese receipt writes it.
const CASES: [number, string][] = [
  [0, 'Không đồng'],
  [1, 'Một đồng'],
  [5, 'Năm đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [14, 'Mười bốn đồng'],
  [15, 'Mười lăm đồng'],
  [20, 'Hai mươi đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi bốn đồng'],
  [25, 'Hai mươi lăm đồng'],
  [55, 'Năm mươi lăm đồng'],
  [91, 'Chín mươi mốt đồng'],
  [100, 'Một trăm đồng'],
  [101, 'Một trăm linh một đồng'],
  [105, 'Một trăm linh năm đồng'],
  [110, 'Một trăm mười đồng'],
  [111, 'Một trăm mười một đồng'],
  [115, 'Một trăm mười lăm đồng'],
  [121, 'Một trăm hai mươi mốt đồng'],
  [999, 'Chín trăm chín mươi chín đồng'],
  [1_000, 'Một nghìn đồng'],
  [1_001, 'Một nghìn không trăm linh một đồng'],
  [1_010, 'Một nghìn không trăm mười đồng'],
  [1_015, 'Một nghìn không trăm mười lăm đồng'],
  [1_100, 'Một nghìn một trăm đồng'],
  [7_000, 'Bảy nghìn đồng'],
  [15_000, 'Mười lăm nghìn đồng'],
  [21_000, 'Hai mươi mốt nghìn đồng'],
  [25_000, 'Hai mươi lăm nghìn đồng'],
  [50_000, 'Năm mươi nghìn đồng'],
  [104_000, 'Một trăm linh bốn nghìn đồng'],
  [115_500, 'Một trăm mười lăm nghìn năm trăm đồng'],
  [200_000, 'Hai trăm nghìn đồng'],
  [1_000_000, 'Một triệu đồng'],
  [1_000_005, 'Một triệu không trăm linh năm đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
  [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
  [1_500_000, 'Một triệu năm trăm nghìn đồng'],
  [2_021_001, 'Hai triệu không trăm hai mươi mốt nghìn không trăm linh một đồng'],
  [15_000_000, 'Mười lăm triệu đồng'],
  [21_500_000, 'Hai mươi mốt triệu năm trăm nghìn đồng'],
  [100_000_000, 'Một trăm triệu đồng'],
  [105_000_000, 'Một trăm linh năm triệu đồng'],
  [999_999_999, 'Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
  [1_000_000_000, 'Một tỷ đồng'],
  [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
  [2_000_005_000, 'Hai tỷ không trăm linh năm nghìn đồng'],
  [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
  [21_000_000_000, 'Hai mươi mốt tỷ đồng'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  [1_234_567_890_123, 'Một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba đồng'],
  [1_000_000_000_000_000, 'Một triệu tỷ đồng'],
];

describe('amountInWords', () => {
  it.each(CASES)('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('writes NFC text (what receipts and PDFs compare against)', () => {
    for (const [n] of CASES) expect(amountInWords(n).normalize('NFC')).toBe(amountInWords(n));
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %d', (n) => {
    expect(() => amountInWords(n)).toThrow(RangeError);
  });
});

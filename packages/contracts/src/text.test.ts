import { describe, expect, it } from 'vitest';
import { canonicalToneName, foldForSearch, nameKey, namesEqual, nfc, vnCollator } from './text.ts';

// Built from parts rather than typed, so the test does not depend on the editor's normal form.
const QUALITY = { none: '', breve: '\u0306', circumflex: '\u0302', horn: '\u031B' };
const BASE_VOWELS: [string, string][] = [
  ['a', QUALITY.none],
  ['a', QUALITY.breve],
  ['a', QUALITY.circumflex],
  ['e', QUALITY.none],
  ['e', QUALITY.circumflex],
  ['i', QUALITY.none],
  ['o', QUALITY.none],
  ['o', QUALITY.circumflex],
  ['o', QUALITY.horn],
  ['u', QUALITY.none],
  ['u', QUALITY.horn],
  ['y', QUALITY.none],
];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every precomposed Vietnamese vowel letter (one code point, not ASCII) with its search fold. */
function precomposedVowels(): { letter: string; folded: string }[] {
  const out: { letter: string; folded: string }[] = [];
  for (const [base, quality] of BASE_VOWELS) {
    for (const tone of TONES) {
      for (const b of [base, base.toUpperCase()]) {
        const letter = (b + quality + tone).normalize('NFC');
        if (letter.length === 1 && letter.charCodeAt(0) > 0x7f) out.push({ letter, folded: base });
      }
    }
  }
  return out;
}

describe('foldForSearch', () => {
  const vowels = precomposedVowels();
  const all = [...vowels, { letter: 'đ', folded: 'd' }, { letter: 'Đ', folded: 'd' }];

  it('covers 132 precomposed vowel letters plus đ/Đ, 134 distinct letters', () => {
    expect(vowels).toHaveLength(132);
    expect(new Set(all.map((l) => l.letter)).size).toBe(134);
  });

  it('folds every letter to its bare lower-case base, from NFC and from NFD input', () => {
    for (const { letter, folded } of all) {
      expect(foldForSearch(letter), letter).toBe(folded);
      expect(foldForSearch(letter.normalize('NFD')), `NFD ${letter}`).toBe(folded);
    }
    const text = all.map((l) => l.letter).join(' ');
    const expected = all.map((l) => l.folded).join(' ');
    expect(foldForSearch(text.normalize('NFD'))).toBe(expected);
  });

  it('gives one key for the spellings people type', () => {
    const key = 'dang ky khai sinh';
    expect(foldForSearch('Đăng ký khai sinh')).toBe(key);
    expect(foldForSearch('dang ky khai sinh')).toBe(key);
    expect(foldForSearch('Đăng ký khai sinh'.normalize('NFD'))).toBe(key);
    expect(foldForSearch('  ĐĂNG   KÝ\tKHAI\u00A0SINH \n')).toBe(key);
    expect(foldForSearch('Đăng\u200B ký khai sinh')).toBe(key);
  });

  it('folds names and legacy look-alikes', () => {
    expect(foldForSearch('Nguyễn Thị Hoà')).toBe('nguyen thi hoa');
    expect(foldForSearch('Nguyễn Văn Đức'.normalize('NFD'))).toBe('nguyen van duc');
    // Eth (U+00D0) from VNI/Windows-1258 conversions, where Đ was meant.
    expect(foldForSearch('\u00D0ức')).toBe('duc');
    expect(foldForSearch('Phường Long Xuyên, An Giang')).toBe('phuong long xuyen, an giang');
  });
});

describe('canonicalToneName', () => {
  // [old style, new (canonical) style]
  const PAIRS: [string, string][] = [
    ['Hoà', 'Hòa'],
    ['Hoá', 'Hóa'],
    ['Hoạ', 'Họa'],
    ['Xoã', 'Xõa'],
    ['Khoẻ', 'Khỏe'],
    ['Loè', 'Lòe'],
    ['Thuý', 'Thúy'],
    ['Thuỷ', 'Thủy'],
    ['Thuỵ', 'Thụy'],
    ['Tuỳ', 'Tùy'],
    ['Huỷ', 'Hủy'],
  ];

  it('moves the tone of an open oa, oe, uy to the first vowel, in every case form', () => {
    for (const [oldStyle, newStyle] of PAIRS) {
      expect(canonicalToneName(oldStyle)).toBe(newStyle);
      expect(canonicalToneName(newStyle)).toBe(newStyle);
      expect(canonicalToneName(oldStyle.toUpperCase())).toBe(newStyle.toUpperCase());
      expect(canonicalToneName(oldStyle.toLowerCase())).toBe(newStyle.toLowerCase());
      expect(canonicalToneName(oldStyle.normalize('NFD'))).toBe(newStyle);
    }
  });

  it('leaves syllables already in canonical form alone', () => {
    const canonical = [
      'Quỳnh',
      'Quý',
      'Quốc',
      'quà',
      'giữ',
      'Giữa',
      'giếng',
      'gìn',
      'gì',
      'Hoàng',
      'Toàn',
      'hoạch',
      'Huỳnh',
      'huýt',
      'Ngoài',
      'xoáy',
      'khuỷu',
      'Người',
      'rượu',
      'cứu',
      'Nguyễn',
      'Khuyến',
      'Thuận',
      'Huế',
      'thuở',
      'mùa',
      'kìa',
      'Tài',
      'cáo',
      'túi',
      'Hòa Bình',
      'Phường Mỹ Hòa',
    ];
    for (const word of canonical) {
      expect(canonicalToneName(word)).toBe(word);
      expect(canonicalToneName(word.toUpperCase())).toBe(word.toUpperCase());
    }
  });

  it('repairs tones typed on the wrong vowel, keeping qu and gi as consonants', () => {
    expect(canonicalToneName('Hòang')).toBe('Hoàng');
    expect(canonicalToneName('Ngòai')).toBe('Ngoài');
    expect(canonicalToneName('Qùynh')).toBe('Quỳnh');
    expect(canonicalToneName('QÚY')).toBe('QUÝ');
    expect(canonicalToneName('qùa')).toBe('quà');
    expect(canonicalToneName('gĩư')).toBe('giữ');
    expect(canonicalToneName('Cưả')).toBe('Cửa');
    expect(canonicalToneName('Tíên')).toBe('Tiến');
    expect(canonicalToneName('ngươì')).toBe('người');
  });

  it('keeps every diacritic and leaves single vowels unchanged', () => {
    for (const { letter } of precomposedVowels()) expect(canonicalToneName(letter)).toBe(letter);
    expect(canonicalToneName('Tỉnh Hoà Bình - Xã Mỹ Hoà Hưng')).toBe('Tỉnh Hòa Bình - Xã Mỹ Hòa Hưng');
  });

  it('does not touch words that are not one Vietnamese syllable', () => {
    expect(canonicalToneName('Karaoké')).toBe('Karaoké');
    expect(canonicalToneName('ÀÀ')).toBe('ÀÀ');
    expect(canonicalToneName('Đ 123')).toBe('Đ 123');
  });
});

describe('namesEqual', () => {
  it('equates old and new tone placement in both directions and all case forms', () => {
    const pairs: [string, string][] = [
      ['Hoà', 'Hòa'],
      ['Thuý', 'Thúy'],
      ['Khoẻ', 'Khỏe'],
      ['Quỳnh', 'Quỳnh'],
    ];
    for (const [a, b] of pairs) {
      expect(namesEqual(a, b)).toBe(true);
      expect(namesEqual(b, a)).toBe(true);
      expect(namesEqual(a.toUpperCase(), b)).toBe(true);
      expect(namesEqual(a, b.toUpperCase())).toBe(true);
    }
  });

  it('ignores Unicode form, spacing and case', () => {
    expect(namesEqual('  Nguyễn   Thị  Hoà ', 'nguyễn thị hòa')).toBe(true);
    expect(namesEqual('Nguyễn Thị Hòa'.normalize('NFD'), 'NGUYỄN THỊ HOÀ')).toBe(true);
    expect(namesEqual('Tỉnh Hoà Bình', 'Tỉnh Hòa Bình')).toBe(true);
    expect(namesEqual('\u00D0ức', 'Đức')).toBe(true);
  });

  it('never drops diacritics', () => {
    expect(namesEqual('Nguyễn', 'Nguyên')).toBe(false);
    expect(namesEqual('Nguyễn', 'Nguyen')).toBe(false);
    expect(namesEqual('Nguyễn', 'Nguyẽn')).toBe(false);
    expect(namesEqual('Đức', 'Duc')).toBe(false);
    expect(namesEqual('Đức', 'Dức')).toBe(false);
    expect(namesEqual('Quý', 'Quí')).toBe(false);
    expect(namesEqual('Hòa', 'Hoa')).toBe(false);
  });

  it('has a stable key', () => {
    expect(nameKey('  HOÀ   Bình ')).toBe('hòa bình');
    expect(nameKey('Thuỷ'.normalize('NFD'))).toBe('thủy');
  });
});

describe('nfc and vnCollator', () => {
  it('composes NFD text', () => {
    const nfd = 'Hòa'.normalize('NFD');
    expect(nfd).toHaveLength(4);
    expect(nfc(nfd)).toBe('Hòa');
    expect(nfc(nfd)).toHaveLength(3);
  });

  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Yến', 'Ân', 'Ông', 'Ý', 'Ăn', 'Đức', 'Ơn', 'Ưng', 'An', 'Bình', 'Dũng', 'Oanh', 'Uyên'];
    expect([...names].sort(vnCollator.compare)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bình',
      'Dũng',
      'Đức',
      'Oanh',
      'Ông',
      'Ơn',
      'Uyên',
      'Ưng',
      'Ý',
      'Yến',
    ]);
  });
});

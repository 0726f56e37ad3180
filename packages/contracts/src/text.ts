/**
 * Vietnamese text normalisation shared by the API and the web app.
 *
 * Three different questions need three different answers:
 * - search ("dang ky khai sinh" must find "Đăng ký khai sinh"): fold everything away, see foldForSearch;
 * - identity of a person's or a place's name ("Hoà" is "Hòa", but "Nguyễn" is not "Nguyên"): keep
 *   every diacritic and only undo spelling conventions, see namesEqual;
 * - display order: ICU's Vietnamese collation, see vnCollator.
 * Text arrives in NFC or NFD (macOS, Word) and with either tone-placement style; the GSO lists mix
 * both styles ("Tỉnh Hoà Bình" and "Hòa Bình").
 */

/** NFC form of a string; call it on every input at the system boundary. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// Text converted from legacy encodings (VNI, Windows-1258) often has the Icelandic eth (Ð U+00D0,
// ð U+00F0) where đ is meant; the two look alike on screen. Zero-width characters come with text
// pasted from web pages and would silently break equality.
const LOOKALIKES: Readonly<Record<string, string>> = { '\u00D0': '\u0110', '\u00F0': '\u0111' };
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

function repair(s: string): string {
  return nfc(s)
    .replace(ZERO_WIDTH, '')
    .replace(/[\u00D0\u00F0]/g, (c) => LOOKALIKES[c] ?? c);
}

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Search key: lower case, no diacritics at all, đ → d, single spaces.
 * "Đăng  ký khai sinh", "dang ky khai sinh" and the NFD form all give "dang ky khai sinh".
 */
export function foldForSearch(s: string): string {
  // Lower-casing before decomposing keeps Đ/đ together; đ has no decomposition, so it is mapped by hand.
  const lower = repair(s).toLowerCase();
  return collapseSpaces(lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'));
}

// Tone marks (dấu thanh) as combining characters: huyền, sắc, hỏi, ngã, nặng.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
// Marks that make a different vowel letter (ă â ê ô ơ ư) rather than a tone.
const QUALITY_MARKS = new Set(['\u0306', '\u0302', '\u031B']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

interface Letter {
  base: string;
  marks: string[];
}

/**
 * Canonical tone placement. Either style would do as a comparison key; we pick the "new style"
 * (kiểu mới) so that keys read like modern spelling. The two styles differ only on an open oa, oe or
 * uy: old style puts the tone on the second vowel (hoà, khoẻ, thuý), new style on the first (hòa,
 * khỏe, thúy), like every other open two-vowel syllable. The rule, in order:
 *
 * 1. "qu" and "gi" (when another vowel follows) are initial consonants, so their u/i never carries
 *    the tone: quý, quỳnh, quà, giữ, giữa, giếng; but gì, gìn (there the i is the only vowel).
 * 2. A vowel with its own diacritic (ă â ê ô ơ ư) always takes the tone; with two of them (ươ) the
 *    second: ắt, tuấn, khuyến, người, rượu, cứu.
 * 3. Otherwise, if a consonant follows the vowels, the tone goes on the last vowel: toán, hoàng,
 *    huýt, quỳnh, hoạch.
 * 4. Otherwise, with two vowels it goes on the first (hòa, khỏe, thúy, thủy, mùa, kìa, tài, túi),
 *    with three on the middle one (ngoài, xoáy, khuỷu).
 *
 * So the old-style Hoà, Hoá, Khoẻ, Thuý, Thuỷ, Thuỵ become Hòa, Hóa, Khỏe, Thúy, Thủy, Thụy.
 */
function toneTarget(letters: Letter[]): number | null {
  const isVowel = (l: Letter | undefined) => l !== undefined && VOWELS.has(l.base.toLowerCase());
  const lower = (i: number) => letters[i]?.base.toLowerCase();

  let start = letters.findIndex((l) => isVowel(l));
  if (start < 0) return null;
  let end = start;
  while (isVowel(letters[end + 1])) end++;
  // A second vowel group means this is not one Vietnamese syllable (a loan word, a typo): leave it.
  if (letters.slice(end + 1).some((l) => isVowel(l))) return null;

  if (start === 1 && lower(0) === 'q' && lower(1) === 'u' && end > start) start = 2;
  if (start === 1 && lower(0) === 'g' && lower(1) === 'i' && end > start) start = 2;

  const group = letters.slice(start, end + 1);
  for (let i = group.length - 1; i >= 0; i--) {
    if (group[i]!.marks.some((m) => QUALITY_MARKS.has(m))) return start + i;
  }
  if (group.length === 1) return start;
  if (end < letters.length - 1) return end;
  if (group.length === 2) return start;
  if (group.length === 3) return start + 1;
  return null;
}

function placeTone(word: string): string {
  const letters: Letter[] = [];
  for (const ch of word.normalize('NFD')) {
    const last = letters[letters.length - 1];
    if (/\p{M}/u.test(ch) && last) last.marks.push(ch);
    else letters.push({ base: ch, marks: [] });
  }
  const tones = letters.flatMap((l) => l.marks.filter((m) => TONE_MARKS.has(m)));
  // No tone, or more than one (not Vietnamese spelling): nothing to move.
  if (tones.length !== 1) return word;
  const target = toneTarget(letters);
  if (target === null) return word;

  return letters
    .map((l, i) => {
      const marks = l.marks.filter((m) => !TONE_MARKS.has(m));
      if (i === target) marks.push(tones[0]!);
      return l.base + marks.join('');
    })
    .join('')
    .normalize('NFC');
}

/**
 * The same text with each syllable's tone mark moved to its canonical place (rule above); case,
 * spacing and every diacritic are kept. Returns NFC.
 */
export function canonicalToneName(s: string): string {
  return nfc(s).replace(/[\p{L}\p{M}]+/gu, placeTone);
}

/** The comparison key behind namesEqual: trimmed, single-spaced, lower case, canonical tone placement. */
export function nameKey(s: string): string {
  return canonicalToneName(collapseSpaces(repair(s)).toLowerCase());
}

/**
 * Whether two names are the same name, whatever the Unicode form, spacing, case or tone-placement
 * style. Diacritics are never dropped: "Nguyễn" and "Nguyên" are different people.
 */
export function namesEqual(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê … ư v x y, tones after the bare letter).
 * Plain code-point order puts Ân, Ông, Ý, Đức after Yến.
 */
export const vnCollator: Intl.Collator = new Intl.Collator('vi');

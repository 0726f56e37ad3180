/**
 * Folds Vietnamese for matching: drops tone and vowel marks and đ, so "long xuyen" finds
 * "Phường Long Xuyên" and old/new tone placement ("hoà"/"hòa") no longer matters.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Tỉnh An Giang" → "tỉnh An Giang", for use inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * How a Vietnamese administrative document writes its number, place-and-date line and title
 * (Nghị định 30/2020/NĐ-CP on công tác văn thư, Phụ lục I and III). Pure functions, unit-tested.
 */
import type { FormField, UnitKind } from '@motcua/contracts';

/** "Tỉnh An Giang" → "An Giang": the place name of the date line has no unit-type word. */
export function placeName(provinceName: string): string {
  return provinceName.normalize('NFC').replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

/**
 * "An Giang, ngày 05 tháng 3 năm 2026": days below 10 and the months January and February take a
 * leading zero (NĐ 30/2020, Phụ lục I, mục II.5.b).
 */
export function placeAndDate(provinceName: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${placeName(provinceName)}, ngày ${day} tháng ${month} năm ${y}`;
}

/** dd/mm/yyyy, the way dates are read in Việt Nam. */
export function vnShortDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const KIND_ABBREVIATIONS: [RegExp, string][] = [
  [/^quyết định/u, 'QĐ'],
  [/^giấy chứng nhận/u, 'GCN'],
  [/^giấy xác nhận/u, 'GXN'],
  [/^giấy phép/u, 'GP'],
  [/^giấy khai sinh/u, 'GKS'],
  [/^trích lục/u, 'TL'],
  [/^thông báo|thông báo kết quả/u, 'TB'],
];

/**
 * Abbreviation of the document kind in the number (Phụ lục III: QĐ, GCN, GXN, GP, TB …); "KQ"
 * (kết quả) when the result type names no kind of document.
 */
export function kindAbbreviation(resultType: string): string {
  const t = resultType.normalize('NFC').trim().toLocaleLowerCase('vi');
  for (const [re, abbr] of KIND_ABBREVIATIONS) if (re.test(t)) return abbr;
  return 'KQ';
}

const ADMINISTRATIVE: readonly UnitKind[] = ['province', 'district', 'commune'];

/**
 * Abbreviation of the issuing body: "UBND" for a People's Committee (province, district, commune);
 * for an agency its short name, else the initials of its name ("Sở Xây dựng" → "SXD").
 */
export function issuerAbbreviation(unit: { kind: UnitKind; name: string; short_name: string | null }): string {
  if (ADMINISTRATIVE.includes(unit.kind)) return 'UBND';
  const short = unit.short_name?.trim();
  if (short && /^[\p{Lu}0-9&.-]{2,12}$/u.test(short)) return short;
  return unit.name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

/** "12/TB-UBND". */
export function documentNumber(seq: number, resultType: string, unit: { kind: UnitKind; name: string; short_name: string | null }): string {
  return `${seq}/${kindAbbreviation(resultType)}-${issuerAbbreviation(unit)}`;
}

/**
 * The document title from the procedure's result type: the first document named, without its
 * parenthesised remarks, in capitals ("Giấy khai sinh (bản chính); trích lục…" → "GIẤY KHAI SINH").
 */
export function resultTitle(resultType: string, procedureName: string): string {
  const first = resultType.normalize('NFC').split(';')[0]!.replace(/\([^)]*\)/gu, '').replace(/\s+/gu, ' ').trim();
  return (first || `Kết quả giải quyết thủ tục ${procedureName.normalize('NFC')}`).toLocaleUpperCase('vi');
}

/** The issuing authority block, top left: a parent line (regular) and the issuer lines (bold). */
export function issuerLines(provinceName: string, unit: { kind: UnitKind; name: string }): { parent: string | null; issuer: string[] } {
  const name = unit.name.normalize('NFC').toLocaleUpperCase('vi');
  if (ADMINISTRATIVE.includes(unit.kind)) {
    // A People's Committee heads its own document; the province's own one has no parent line.
    return { parent: unit.kind === 'province' ? null : `UBND ${provinceName.normalize('NFC').toLocaleUpperCase('vi')}`, issuer: ['ỦY BAN NHÂN DÂN', name] };
  }
  return { parent: `UBND ${provinceName.normalize('NFC').toLocaleUpperCase('vi')}`, issuer: [name] };
}

/** The signer's capacity line: on behalf of the committee (TM.), or the agency itself. */
export function signerCapacity(unit: { kind: UnitKind; name: string }): string {
  return ADMINISTRATIVE.includes(unit.kind) ? 'TM. ỦY BAN NHÂN DÂN' : unit.name.normalize('NFC').toLocaleUpperCase('vi');
}

/** Contact details help the desk reach the applicant; they are not part of a decision. */
const CONTACT_FIELD = /(phone|email|mobile|zalo)/i;

/** The e-form values worth printing, with their labels, in form order. */
export function formLines(form: FormField[], data: Record<string, unknown>): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const f of form) {
    if (CONTACT_FIELD.test(f.name)) continue;
    const v = data[f.name];
    if (v === undefined || v === null || v === '') continue;
    let value: string;
    if (typeof v === 'boolean') value = v ? 'Có' : 'Không';
    else if (f.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) value = vnShortDate(v);
    else if (typeof v === 'string' || typeof v === 'number') value = String(v);
    else if (Array.isArray(v)) value = v.map(String).join(', ');
    else continue;
    out.push({ label: f.label.normalize('NFC'), value: value.normalize('NFC') });
  }
  return out;
}

/** "16:05 03/03/2026", Việt Nam time, for the signer block. */
export function vnTimeAndDate(instant: Date): string {
  const iso = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${iso.slice(11, 16)} ${vnShortDate(iso.slice(0, 10))}`;
}

/**
 * Draws the result document: A4, the layout of a Vietnamese administrative document (NĐ 30/2020,
 * Phụ lục I): issuing authority and number top left, national header and place-date top right,
 * title, content, signer block, and the QR verification link bottom left. Font Tinos (metric-
 * compatible with Times New Roman, full Vietnamese), embedded as subsets. Every string is NFC before
 * it is measured or drawn. Returns the unsaved document: the signer adds its placeholder first.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { alignGlyphs } from './results.font.ts';

const require = createRequire(import.meta.url);
const TINOS = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
const fontBytes = new Map<FontName, Buffer>();
function fontFile(name: FontName): Buffer {
  let b = fontBytes.get(name);
  // Aligned once per process: see results.font.ts for the subsetting bug this avoids.
  if (!b) fontBytes.set(name, (b = alignGlyphs(fs.readFileSync(path.join(TINOS, FONT_FILES[name])))));
  return b;
}

export interface ResultDocumentInput {
  /** Document title already in capitals. */
  title: string;
  number: string;
  /** Place-and-date line ("An Giang, ngày 05 tháng 3 năm 2026"). */
  placeAndDate: string;
  issuer: { parent: string | null; lines: string[]; name: string };
  procedure: { code: string; name: string };
  dossierCode: string;
  receivedOn: string | null;
  decidedOn: string | null;
  applicantName: string;
  fields: { label: string; value: string }[];
  signer: { capacity: string; name: string; signedAt: string };
  verifyUrl: string;
  resultId: string;
  issuedAt: Date;
  author: string;
}

// A4 in points; margins of NĐ 30/2020: left 30 mm, right 20 mm, top and bottom 20 mm.
const W = 595.28;
const H = 841.89;
const LEFT = 85;
const RIGHT = W - 57;
const TOP = H - 57;
const BOTTOM = 57;
const QR_SIZE = 88;
const SIZE = 13;
const LINE = 17;

const nfc = (s: string) => s.normalize('NFC');

/** Breaks text into lines no wider than `width`, on spaces; a word longer than a line is split. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of nfc(text).split(/\s+/).filter(Boolean)) {
    const tryLine = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(tryLine, size) <= width) {
      line = tryLine;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

class Layout {
  page: PDFPage;
  y = TOP;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Record<FontName, PDFFont>,
  ) {
    this.page = doc.addPage([W, H]);
  }

  /** The first page keeps its bottom-left corner for the QR code. */
  private floor() {
    return this.doc.getPageCount() === 1 ? BOTTOM + QR_SIZE + 12 : BOTTOM;
  }

  ensure(height: number) {
    if (this.y - height >= this.floor()) return;
    this.page = this.doc.addPage([W, H]);
    this.y = TOP;
  }

  centred(text: string, cx: number, y: number, font: FontName, size = SIZE, underline = false) {
    const t = nfc(text);
    const f = this.fonts[font];
    const w = f.widthOfTextAtSize(t, size);
    this.page.drawText(t, { x: cx - w / 2, y, size, font: f });
    if (underline) this.rule(cx - w / 2, cx + w / 2, y - 3);
  }

  rule(x1: number, x2: number, y: number) {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.7, color: rgb(0, 0, 0) });
  }

  /** A wrapped paragraph; `lead` (a label) is drawn in its own font before the text's first line. */
  paragraph(text: string, opts: { font?: FontName; lead?: { text: string; font: FontName }; indent?: number; size?: number } = {}) {
    const size = opts.size ?? SIZE;
    const font = this.fonts[opts.font ?? 'regular'];
    const x = LEFT + (opts.indent ?? 0);
    const width = RIGHT - x;
    let rest = nfc(text);
    if (opts.lead) {
      const lead = nfc(opts.lead.text);
      const leadFont = this.fonts[opts.lead.font];
      const lw = leadFont.widthOfTextAtSize(`${lead} `, size);
      this.ensure(LINE);
      this.page.drawText(lead, { x, y: this.y - size, size, font: leadFont });
      const [first, ...more] = wrap(rest, font, size, width - lw);
      if (first) this.page.drawText(first, { x: x + lw, y: this.y - size, size, font });
      this.y -= LINE;
      rest = more.join(' ');
    }
    for (const line of wrap(rest, font, size, width)) {
      this.ensure(LINE);
      this.page.drawText(line, { x, y: this.y - size, size, font });
      this.y -= LINE;
    }
  }
}

export async function renderResultPdf(input: ResultDocumentInput): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(fontFile('regular'), { subset: true }),
    bold: await doc.embedFont(fontFile('bold'), { subset: true }),
    italic: await doc.embedFont(fontFile('italic'), { subset: true }),
  };
  doc.setTitle(nfc(`${input.title} — Số ${input.number}`), { showInWindowTitleBar: true });
  doc.setAuthor(nfc(input.author));
  doc.setSubject(nfc(`${input.procedure.name} (${input.procedure.code}), hồ sơ ${input.dossierCode}`));
  doc.setCreator('motcua');
  doc.setProducer('motcua (pdf-lib)');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);

  const L = new Layout(doc, fonts);
  drawHeader(L, input);
  drawBody(L, input);
  drawSigner(L, input);
  await drawQr(doc, fonts, input);
  return doc;
}

// Header columns: the issuing authority (left) and the national header (right).
const LEFT_COL = { x0: LEFT - 30, x1: LEFT + 175 };
const RIGHT_COL = { x0: LEFT + 180, x1: RIGHT + 10 };
const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;

function drawHeader(L: Layout, input: ResultDocumentInput) {
  const lc = centre(LEFT_COL);
  const rc = centre(RIGHT_COL);
  let yl = TOP - SIZE;
  const leftWidth = LEFT_COL.x1 - LEFT_COL.x0;
  if (input.issuer.parent) {
    for (const line of wrap(input.issuer.parent, L.fonts.regular, 12, leftWidth)) {
      L.centred(line, lc, yl, 'regular', 12);
      yl -= 15;
    }
  }
  let widest = 0;
  for (const line of input.issuer.lines.flatMap((l) => wrap(l, L.fonts.bold, 12, leftWidth))) {
    L.centred(line, lc, yl, 'bold', 12);
    widest = Math.max(widest, L.fonts.bold.widthOfTextAtSize(line, 12));
    yl -= 15;
  }
  // A short rule under the issuer's name, a third of its width (Phụ lục I).
  L.rule(lc - widest / 6, lc + widest / 6, yl + 8);
  yl -= 10;

  let yr = TOP - SIZE;
  L.centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rc, yr, 'bold', 12);
  yr -= 15;
  // The motto is underlined over its whole width.
  L.centred('Độc lập - Tự do - Hạnh phúc', rc, yr, 'bold', 13, true);
  yr -= 15;

  const y = Math.min(yl, yr) - 12;
  L.centred(`Số: ${input.number}`, lc, y, 'regular', SIZE);
  L.centred(input.placeAndDate, rc, y, 'italic', SIZE);
  L.y = y - 30;
}

function drawBody(L: Layout, input: ResultDocumentInput) {
  for (const line of wrap(input.title, L.fonts.bold, 14, RIGHT - LEFT - 20)) {
    L.ensure(LINE + 2);
    L.centred(line, (LEFT + RIGHT) / 2, L.y - 14, 'bold', 14);
    L.y -= LINE + 2;
  }
  for (const line of wrap(`Thủ tục hành chính: ${input.procedure.name} (mã ${input.procedure.code})`, L.fonts.italic, 12, RIGHT - LEFT - 40)) {
    L.centred(line, (LEFT + RIGHT) / 2, L.y - 12, 'italic', 12);
    L.y -= 15;
  }
  L.y -= 14;

  const received = input.receivedOn ? ` tiếp nhận ngày ${input.receivedOn}` : '';
  L.paragraph(`Căn cứ hồ sơ mã ${input.dossierCode}${received};`, { indent: 28 });
  const decided = input.decidedOn ? ` ngày ${input.decidedOn}` : '';
  L.paragraph(`${input.issuer.name} đã giải quyết và phê duyệt hồ sơ${decided} với các nội dung sau:`, { indent: 28 });
  L.y -= 4;
  L.paragraph(input.applicantName, { lead: { text: 'Người nộp hồ sơ:', font: 'bold' }, indent: 28 });
  for (const f of input.fields) L.paragraph(f.value, { lead: { text: `${f.label}:`, font: 'regular' }, indent: 28 });
  L.y -= 4;
  L.paragraph(
    'Văn bản điện tử này được ký số bởi cơ quan giải quyết; bản in có giá trị khi tra cứu tại địa chỉ hoặc mã QR dưới đây cho kết quả còn hiệu lực.',
    { font: 'italic', indent: 28, size: 12 },
  );
}

function drawSigner(L: Layout, input: ResultDocumentInput) {
  const lines = wrap(input.signer.capacity, L.fonts.bold, 12, RIGHT_COL.x1 - RIGHT_COL.x0);
  L.y -= 12;
  L.ensure(lines.length * 15 + 90);
  const rc = centre(RIGHT_COL);
  for (const line of lines) {
    L.centred(line, rc, L.y - 12, 'bold', 12);
    L.y -= 15;
  }
  L.centred('(Đã ký số)', rc, L.y - 14, 'italic', 12);
  L.centred(`Thời gian ký: ${input.signer.signedAt}`, rc, L.y - 29, 'italic', 10);
  L.y -= 62;
  L.centred(input.signer.name, rc, L.y, 'bold', SIZE);
}

async function drawQr(doc: PDFDocument, fonts: Record<FontName, PDFFont>, input: ResultDocumentInput) {
  const page = doc.getPage(0);
  // 8 pixels per module: crisp when printed or rendered at 100 dpi, still a small PNG.
  const png = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 });
  const image = await doc.embedPng(png);
  const x = LEFT - 30;
  page.drawImage(image, { x, y: BOTTOM, width: QR_SIZE, height: QR_SIZE });
  const tx = x + QR_SIZE + 8;
  const width = RIGHT - tx;
  let y = BOTTOM + QR_SIZE - 12;
  const put = (text: string, font: FontName, size: number) => {
    for (const line of wrap(text, fonts[font], size, width)) {
      page.drawText(line, { x: tx, y, size, font: fonts[font] });
      y -= size + 3;
    }
  };
  put('Tra cứu, xác thực văn bản điện tử:', 'bold', 10);
  put(input.verifyUrl, 'regular', 10);
  put(`Mã văn bản: ${input.resultId} · Số: ${input.number}`, 'regular', 9);
}

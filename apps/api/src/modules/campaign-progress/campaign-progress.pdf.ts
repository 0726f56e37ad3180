/**
 * The one/two-page summary for the chairman ("Báo cáo tiến độ chiến dịch …"): campaign, legal basis,
 * as-of date, totals against targets with the forecast, the leading and trailing communes, and the
 * partners whose reports are missing or late. A4, font Tinos (full Vietnamese) through the helpers of
 * the results module (results.font.ts works around a subsetting bug of pdf-lib's fontkit).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { vnDateOf } from '../../shared/dates.ts';
import { alignGlyphs } from '../results/results.font.ts';
import { wrap } from '../results/results.pdf.ts';
import { vnShortDate } from '../results/results.format.ts';
import type { SummaryData } from './campaign-progress.files.ts';
import { FORECAST_LABELS } from './campaign-progress.xlsx.ts';

const require = createRequire(import.meta.url);
const TINOS = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
const fontBytes = new Map<FontName, Buffer>();
const fontFile = (name: FontName): Buffer => {
  let b = fontBytes.get(name);
  if (!b) fontBytes.set(name, (b = alignGlyphs(fs.readFileSync(path.join(TINOS, FONT_FILES[name])))));
  return b;
};

const W = 595.28;
const H = 841.89;
const LEFT = 70;
const RIGHT = W - 50;
const TOP = H - 50;
const BOTTOM = 50;

const nfc = (s: string) => s.normalize('NFC');

/** 1234567 → "1.234.567"; 0.4567 → "45,67%": the Vietnamese way of writing numbers. */
export function vnNumber(x: number): string {
  const [int, dec] = Math.abs(x)
    .toFixed(x % 1 === 0 ? 0 : 2)
    .split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${x < 0 ? '−' : ''}${grouped}${dec && Number(dec) !== 0 ? `,${dec.replace(/0+$/, '')}` : ''}`;
}
export const vnPercent = (r: number | null) => (r === null ? '—' : `${vnNumber(Math.round(r * 10_000) / 100)}%`);

class Writer {
  page: PDFPage;
  y = TOP;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Record<FontName, PDFFont>,
  ) {
    this.page = doc.addPage([W, H]);
  }
  ensure(h: number) {
    if (this.y - h >= BOTTOM) return;
    this.page = this.doc.addPage([W, H]);
    this.y = TOP;
  }
  text(s: string, x: number, font: FontName = 'regular', size = 12) {
    this.page.drawText(nfc(s), { x, y: this.y - size, size, font: this.fonts[font] });
  }
  centred(s: string, font: FontName, size: number) {
    for (const line of wrap(s, this.fonts[font], size, RIGHT - LEFT)) {
      this.ensure(size + 5);
      const w = this.fonts[font].widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: (LEFT + RIGHT) / 2 - w / 2, y: this.y - size, size, font: this.fonts[font] });
      this.y -= size + 5;
    }
  }
  paragraph(s: string, font: FontName = 'regular', size = 12, indent = 0) {
    for (const line of wrap(s, this.fonts[font], size, RIGHT - LEFT - indent)) {
      this.ensure(size + 4);
      this.page.drawText(line, { x: LEFT + indent, y: this.y - size, size, font: this.fonts[font] });
      this.y -= size + 4;
    }
  }
  heading(s: string) {
    this.y -= 6;
    this.ensure(40);
    this.paragraph(s, 'bold', 12);
  }
  /** A table: fixed column widths, header in bold, each cell wrapped within its column. */
  table(widths: number[], header: string[], rows: string[][], size = 10) {
    const draw = (cells: string[], font: FontName) => {
      const wrapped = cells.map((c, i) => wrap(c, this.fonts[font], size, widths[i]! - 6));
      const h = Math.max(...wrapped.map((l) => l.length)) * (size + 3) + 6;
      this.ensure(h);
      let x = LEFT;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) =>
          this.page.drawText(line, { x: x + 3, y: this.y - 3 - size - j * (size + 3), size, font: this.fonts[font] }),
        );
        this.page.drawRectangle({
          x,
          y: this.y - h,
          width: widths[i]!,
          height: h,
          borderColor: rgb(0.4, 0.4, 0.4),
          borderWidth: 0.5,
        });
        x += widths[i]!;
      });
      this.y -= h;
    };
    draw(header, 'bold');
    for (const r of rows) draw(r, 'regular');
    this.y -= 4;
  }
}

export interface SummaryOptions {
  provinceName: string;
  generatedAt: Date;
}

export async function summaryPdf(d: SummaryData, o: SummaryOptions): Promise<Buffer> {
  const r = d.report;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(fontFile('regular'), { subset: true }),
    bold: await doc.embedFont(fontFile('bold'), { subset: true }),
    italic: await doc.embedFont(fontFile('italic'), { subset: true }),
  };
  const title = `Báo cáo tiến độ chiến dịch ${r.campaign.name}`;
  doc.setTitle(nfc(title), { showInWindowTitleBar: true });
  doc.setLanguage('vi-VN');
  doc.setCreator('motcua');
  doc.setProducer('motcua (pdf-lib)');
  doc.setCreationDate(o.generatedAt);
  doc.setModificationDate(o.generatedAt);

  const w = new Writer(doc, fonts);
  w.centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', 12);
  w.centred('Độc lập - Tự do - Hạnh phúc', 'bold', 12);
  w.y -= 12;
  w.centred('BÁO CÁO TIẾN ĐỘ CHIẾN DỊCH', 'bold', 15);
  w.centred(r.campaign.name, 'bold', 13);
  w.centred(`Số liệu tính đến hết ngày ${vnShortDate(r.asOf)} — ${r.root.name}`, 'italic', 12);
  w.y -= 6;
  w.paragraph(
    `Kính gửi: Chủ tịch Ủy ban nhân dân ${o.provinceName.replace(/^(Tỉnh|Thành phố)/u, (m) => m.toLowerCase())}.`,
    'regular',
    12,
  );
  if (r.campaign.legalBasis) w.paragraph(`Căn cứ: ${r.campaign.legalBasis}`, 'italic', 11);
  w.paragraph(
    `Thời gian thực hiện: từ ngày ${vnShortDate(r.campaign.windowStart)} đến ngày ${vnShortDate(r.campaign.windowEnd)}.`,
    'regular',
    12,
  );

  w.heading('1. Kết quả so với chỉ tiêu');
  const fmt = (kind: string, x: number | null) => (x === null ? '—' : kind === 'rate' ? vnPercent(x) : vnNumber(x));
  w.table(
    [150, 75, 75, 65, 110],
    ['Chỉ tiêu', 'Kết quả', 'Chỉ tiêu giao', 'Hoàn thành', 'Dự báo'],
    r.metrics.map((m) => {
      const c = r.total.cells.get(m.code)!;
      const f = r.forecasts.find((x) => x.metric === m.code);
      let forecast = f ? FORECAST_LABELS[f.status] : '';
      if (f?.status === 'on_track' && f.reachDate) forecast += ` ngày ${vnShortDate(f.reachDate)}`;
      if ((f?.status === 'behind' || f?.status === 'no_progress') && f.shortfall !== null)
        forecast += `, thiếu ${fmt(m.kind, f.shortfall)}`;
      return [m.nameVi, fmt(m.kind, c.value), fmt(m.kind, c.target), vnPercent(c.progress), forecast];
    }),
  );

  if (d.headline && d.top.length) {
    w.heading(`2. Xã, phường dẫn đầu và thấp nhất (${d.headline.nameVi})`);
    const line = (x: SummaryData['top'][number]) =>
      `${x.rank}. ${x.unit.name}: ${fmt(d.headline!.kind, x.value)} / ${fmt(d.headline!.kind, x.target)} (${vnPercent(x.progress)})`;
    w.paragraph('Dẫn đầu:', 'bold', 11);
    for (const x of d.top) w.paragraph(line(x), 'regular', 11, 14);
    if (d.bottom.length) {
      w.paragraph('Thấp nhất:', 'bold', 11);
      for (const x of d.bottom) w.paragraph(line(x), 'regular', 11, 14);
    }
  }

  w.heading(`${d.headline && d.top.length ? 3 : 2}. Tình hình báo cáo của đối tác`);
  const t = r.timeliness.total;
  w.paragraph(
    `Phải nộp ${t.expected} báo cáo, đã nộp ${t.received} (${vnPercent(t.completeness)}), đúng hạn ${t.onTime} (${vnPercent(t.timeliness)}).`,
    'regular',
    11,
  );
  const lagging = r.timeliness.items.filter((p) => p.missing.length || p.late.length);
  if (!lagging.length) w.paragraph('Tất cả đối tác đã nộp báo cáo đúng hạn.', 'regular', 11);
  for (const p of lagging) {
    const parts = [
      ...(p.missing.length
        ? [`chưa nộp kỳ ${p.missing.map((m) => `đến ${vnShortDate(m.periodEnd)} (hạn ${vnShortDate(m.dueDate)})`).join(', ')}`]
        : []),
      ...(p.late.length ? [`nộp trễ kỳ ${p.late.map((m) => `đến ${vnShortDate(m.periodEnd)}`).join(', ')}`] : []),
    ];
    w.paragraph(`${p.unitName}: ${parts.join('; ')}.`, 'regular', 11, 14);
  }
  w.y -= 10;
  w.paragraph(
    `Báo cáo lập tự động từ hệ thống ngày ${vnShortDate(vnDateOf(o.generatedAt))}; số liệu đối tác chỉ tính các báo cáo đã được duyệt.`,
    'italic',
    10,
  );
  return Buffer.from(await doc.save());
}

import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportDocument } from './document';
import { fontRuns, reportFonts, type FontWeight } from './fonts';
import { withWordBreaks } from './line-breaks';

const MARGIN = 56;
const INK = '#0b0c0c';
const MUTED = '#505a5f';
// One blue and a dark mark for the target: readable in greyscale print and by people who do not see colour.
const BAR = '#1d70b8';

/** The document with the report's language, which text without a language of its own is segmented in. */
type Doc = InstanceType<typeof PDFDocument> & { reportLang: string };

function registerFonts(doc: Doc) {
  for (const weight of [400, 700] as const)
    for (const font of reportFonts(weight)) doc.registerFont(font.name, font.bytes);
}

/** Writes text run by run, each in the first font that has its characters. */
function write(
  doc: Doc,
  text: string,
  style: {
    size: number;
    weight?: FontWeight;
    color?: string;
    width?: number;
    x?: number;
    y?: number;
    lang?: string;
  },
) {
  const runs = fontRuns(withWordBreaks(text, style.lang ?? doc.reportLang), reportFonts(style.weight ?? 400));
  doc.fontSize(style.size).fillColor(style.color ?? INK);
  const options = { width: style.width ?? doc.page.width - 2 * MARGIN, lineGap: style.size * 0.35 };
  runs.forEach((run, i) => {
    doc.font(run.font.name);
    // pdfkit hands `features` to fontkit's layout as it is, which takes a map of features to switch off as well.
    const features = run.font.featuresFor(run.text) as unknown as
      PDFKit.Mixins.OpenTypeFeatures[] | undefined;
    const continued = i < runs.length - 1;
    // A continued text keeps the line wrapper of its first run, which measures words with that run's features:
    // measuring a Khmer word without its fallback features throws in fontkit (pdfkit 0.20's private field).
    const wrapper = (doc as unknown as { _wrapper?: { features?: unknown } | null })._wrapper;
    if (wrapper) wrapper.features = features;
    if (i === 0 && style.x !== undefined)
      doc.text(run.text, style.x, style.y, { ...options, continued, ...(features ? { features } : {}) });
    else doc.text(run.text, { ...options, continued, ...(features ? { features } : {}) });
  });
  if (!runs.length) doc.text('', options);
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

const HEADING_SIZE = { 1: 22, 2: 16, 3: 13 } as const;

function drawBlock(doc: Doc, block: ReportBlock) {
  switch (block.kind) {
    case 'heading': {
      ensureRoom(doc, 80);
      doc.moveDown(block.level === 1 ? 0 : 0.8);
      const tag = `H${block.level}`;
      doc.addStructure(
        doc.struct(tag, {}, () => write(doc, block.text, { size: HEADING_SIZE[block.level], weight: 700 })),
      );
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      ensureRoom(doc, 30);
      doc.addStructure(
        doc.struct('P', block.lang ? { lang: block.lang } : {}, () =>
          write(doc, block.text, { size: 10.5, lang: block.lang }),
        ),
      );
      doc.moveDown(0.5);
      return;
    case 'quote':
      ensureRoom(doc, 40);
      doc.addStructure(
        doc.struct('BlockQuote', { lang: block.lang }, () => {
          const top = doc.y;
          write(doc, `“${block.text}”`, {
            lang: block.lang,
            size: 10.5,
            color: MUTED,
            x: MARGIN + 14,
            y: top,
            width: doc.page.width - 2 * MARGIN - 14,
          });
          doc
            .save()
            .rect(MARGIN, top, 3, doc.y - top)
            .fill('#b1b4b6')
            .restore();
          doc.x = MARGIN;
        }),
      );
      doc.moveDown(0.5);
      return;
    case 'list': {
      const list = doc.struct('L');
      doc.addStructure(list);
      for (const item of block.items) {
        ensureRoom(doc, 20);
        list.add(doc.struct('LI', {}, () => write(doc, `•  ${item}`, { size: 10.5 })));
      }
      list.end();
      doc.moveDown(0.5);
      return;
    }
    case 'bars':
      drawBars(doc, block);
  }
}

/** A horizontal bar chart with each figure (and target) printed beside its bar, so the chart reads without colour. */
function drawBars(doc: Doc, block: Extract<ReportBlock, { kind: 'bars' }>) {
  const rowHeight = 18;
  ensureRoom(doc, 40 + rowHeight * Math.min(block.rows.length, 10));
  doc.addStructure(doc.struct('P', {}, () => write(doc, block.caption, { size: 11, weight: 700 })));
  doc.moveDown(0.2);
  const labelWidth = 170;
  const chartWidth = doc.page.width - 2 * MARGIN - labelWidth - 90;
  const max = Math.max(1, ...block.rows.map((r) => Math.max(r.value, r.target ?? 0)));
  const figure = doc.struct('Figure', { alt: block.summary });
  doc.addStructure(figure);
  for (const row of block.rows) {
    ensureRoom(doc, rowHeight + 4);
    const top = doc.y;
    figure.add(
      doc.struct('Span', {}, () => {
        write(doc, row.label, { size: 9, x: MARGIN, y: top + 2, width: labelWidth - 8 });
        const barWidth = (row.value / max) * chartWidth;
        doc.rect(MARGIN + labelWidth, top + 2, Math.max(barWidth, 1), rowHeight - 6).fill(BAR);
        if (row.target) {
          const x = MARGIN + labelWidth + (row.target / max) * chartWidth;
          doc
            .save()
            .lineWidth(1.5)
            .moveTo(x, top)
            .lineTo(x, top + rowHeight - 2)
            .stroke(INK)
            .restore();
        }
        const figureText =
          row.target && block.targetLabel
            ? `${row.value} (${block.targetLabel} ${row.target})`
            : String(row.value);
        write(doc, figureText, {
          size: 9,
          x: MARGIN + labelWidth + Math.max(barWidth, 1) + 6,
          y: top + 2,
          width: 120,
        });
      }),
    );
    doc.x = MARGIN;
    doc.y = Math.max(doc.y, top + rowHeight);
  }
  figure.end();
  doc.moveDown(0.8);
}

/**
 * The report as a tagged PDF (headings, paragraphs, lists, quotes and figures in the structure tree, the document's
 * language and title set), fonts embedded as subsets. Deterministic for the same document (no creation date), so
 * that its SHA-256 is a stable ETag.
 */
export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: report.lang,
    displayTitle: true,
    bufferPages: true,
    info: { Title: report.title, Subject: report.subtitle, CreationDate: new Date(0), ModDate: new Date(0) },
  }) as Doc;
  doc.reportLang = report.lang;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  doc.addStructure(
    doc.struct('Title', {}, () => {
      doc.moveDown(4);
      write(doc, report.title, { size: 26, weight: 700 });
    }),
  );
  doc.addStructure(doc.struct('P', {}, () => write(doc, report.subtitle, { size: 12, color: MUTED })));
  doc.moveDown(2);
  for (const block of report.blocks) drawBlock(doc, block);
  doc.end();
  return done;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withWordBreaks } from './reports/line-breaks';
import { renderReportPdf } from './reports/render-pdf';

const workDir = mkdtempSync(path.join(tmpdir(), 'report-lines-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const PAGE_WIDTH = 595.28; // A4
const MARGIN = 56;

/**
 * The first page as pdftotext reads it: the lines in drawing order (`-raw`: its reading-order heuristics misplace Thai
 * marks drawn above the line) and the left and right edges of every word it finds.
 */
function firstPage(pdf: Buffer, name: string) {
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const run = (...args: string[]) =>
    execFileSync('pdftotext', [...args, '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], {
      encoding: 'utf8',
    });
  const words = [...run('-bbox').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map(
    ([, xMin, xMax]) => ({ xMin: Number(xMin), xMax: Number(xMax) }),
  );
  return {
    lines: run('-raw')
      .split(/[\n\f]/)
      .filter(Boolean),
    words,
  };
}

// Thai written as Thai is: no spaces between words, only between sentences.
const THAI =
  'การมีส่วนร่วมของประชาชนเป็นหัวใจสำคัญของการพัฒนาปัญญาประดิษฐ์อย่างมีความรับผิดชอบในภูมิภาคอาเซียน' +
  'ดังนั้นสำนักเลขาธิการจึงรวบรวมความคิดเห็นจากทุกประเทศสมาชิกและเผยแพร่สิ่งที่ได้ยินพร้อมกับสิ่งที่ได้เปลี่ยนแปลง' +
  'เพื่อให้ทุกคนเห็นว่าความคิดเห็นของตนมีผลต่อแผนงานอย่างไร';

describe('line breaking in scripts written without spaces', () => {
  it('wraps a long Thai paragraph onto several lines inside the margins, each line ending between two words, and gives the text back as written', async () => {
    const pdf = await renderReportPdf({
      lang: 'th',
      title: 'ทดสอบ',
      subtitle: '',
      blocks: [{ kind: 'paragraph', text: THAI }],
    });
    const page = firstPage(pdf, 'thai');
    for (const word of page.words) {
      expect(word.xMin).toBeGreaterThanOrEqual(MARGIN - 1);
      expect(word.xMax).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN + 1);
    }
    // The title, then the paragraph on several lines.
    const lines = page.lines.slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // The font draws SARA AM as two glyphs, and pdftotext gives the second back as SARA AA as well: the text is
    // otherwise exactly the paragraph, in its order, with no zero-width space or other stray character.
    const text = lines.join('').replace(/\u0e33\u0e32/gu, '\u0e33');
    expect(text).not.toMatch(/[\u200b\ufffd]/u);
    expect(text).toBe(THAI);
    const boundaries = new Set(
      [...new Intl.Segmenter('th', { granularity: 'word' }).segment(THAI)].map((s) => s.index),
    );
    let offset = 0;
    for (const line of lines.slice(0, -1)) {
      offset += line.replace(/\u0e33\u0e32/gu, '\u0e33').length;
      expect(boundaries, `a line ends inside a word: …${line.slice(-6)}`).toContain(offset);
    }
  });

  it('renders Khmer headings that wrap, which broke inside a cluster and threw before', async () => {
    const heading = 'ការកែសម្រួលទី 2៖ ផ្លាស់ប្តូរចំណងជើងនៃផ្នែកសកម្មភាព (C3.3)';
    const pdf = await renderReportPdf({
      lang: 'km',
      title: heading,
      subtitle: '',
      blocks: [{ kind: 'heading', level: 2, text: heading }],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('leaves text in other scripts as it was', () => {
    expect(withWordBreaks('Privacy matters. 隐私很重要。', 'zh')).toBe('Privacy matters. 隐私很重要。');
    expect(withWordBreaks('ภาษาไทย', 'th')).toBe('ภาษา\u200bไทย');
  });
});

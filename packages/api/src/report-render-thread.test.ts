import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './reports/document';
import { renderReportPdfOffThread } from './reports/render-off-thread';
import { renderReportPdf } from './reports/render-pdf';

// Long paragraphs in scripts that need shaping: enough layout work to take a noticeable time.
const THAI = 'การมีส่วนร่วมของประชาชนเป็นหัวใจสำคัญของการพัฒนาปัญญาประดิษฐ์อย่างมีความรับผิดชอบในภูมิภาคอาเซียน';
const KHMER = 'ការចូលរួមរបស់ប្រជាពលរដ្ឋគឺជាបេះដូងនៃការអភិវឌ្ឍបញ្ញាសិប្បនិម្មិតប្រកបដោយការទទួលខុសត្រូវ';
const heavy: ReportDocument = {
  lang: 'th',
  title: 'ทดสอบ',
  subtitle: '',
  blocks: Array.from({ length: 150 }, (_, i) => ({
    kind: 'paragraph' as const,
    text: `${i} ${THAI.repeat(3)} ${KHMER.repeat(2)}`,
    lang: 'th',
  })),
};

describe('rendering reports off the host’s event loop', () => {
  it('keeps timers firing while a long report is drawn, and draws the same bytes as on the calling thread', async () => {
    await renderReportPdfOffThread({ lang: 'en', title: 'Warm-up', subtitle: '', blocks: [] });
    let last = performance.now();
    let longestPause = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
      ticks += 1;
    }, 10);
    const started = performance.now();
    const pdf = await renderReportPdfOffThread(heavy);
    const took = performance.now() - started;
    clearInterval(timer);
    // The render took many timer periods and the timer kept firing through it. Drawn on this thread, the longest
    // pause would be the whole render; on a busy machine (the suites run side by side) a pause of a few hundred ms is
    // the scheduler's, so the bound is relative.
    expect(took).toBeGreaterThan(300);
    expect(ticks).toBeGreaterThan(5);
    expect(longestPause).toBeLessThan(took / 3);
    expect(pdf.equals(await renderReportPdf(heavy))).toBe(true);
  }, 120_000);

  it('reports a rendering failure to the caller, and the thread keeps serving', async () => {
    const broken = {
      lang: 'en',
      title: 'x',
      subtitle: '',
      blocks: [{ kind: 'bars' }],
    } as unknown as ReportDocument;
    await expect(renderReportPdfOffThread(broken)).rejects.toThrow();
    const pdf = await renderReportPdfOffThread({ lang: 'en', title: 'Still here', subtitle: '', blocks: [] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

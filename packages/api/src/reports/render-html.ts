import type { ReportBlock, ReportDocument } from './document';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      // The document title is the h1; the report's sections start at h2.
      return `<h${b.level + 1}>${escape(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p${b.lang ? ` lang="${escape(b.lang)}"` : ''}>${escape(b.text).replace(/\n/g, '<br>')}</p>`;
    case 'quote':
      return `<blockquote lang="${escape(b.lang)}"><p>${escape(b.text).replace(/\n/g, '<br>')}</p></blockquote>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
    case 'bars': {
      const max = Math.max(1, ...b.rows.map((r) => Math.max(r.value, r.target ?? 0)));
      const hasTargets = b.rows.some((r) => r.target);
      // A table, which is what a screen reader reads; the bars are drawn by CSS behind each figure.
      const rows = b.rows
        .map(
          (r) =>
            `<tr><th scope="row">${escape(r.label)}</th><td><span class="bar" style="width:${((r.value / max) * 100).toFixed(1)}%"></span>${r.value}</td>${
              hasTargets ? `<td>${r.target ?? ''}</td>` : ''
            }</tr>`,
        )
        .join('');
      const head = hasTargets
        ? `<thead><tr><td></td><td></td><th scope="col">${escape(b.targetLabel ?? '')}</th></tr></thead>`
        : '';
      return `<table><caption>${escape(b.caption)}</caption>${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

/** The accessible HTML version of a report: one self-contained page, readable without scripts or styles. */
export function renderReportHtml(report: ReportDocument): string {
  return `<!doctype html>
<html lang="${escape(report.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(report.title)}</title>
<style>
body{font-family:"Noto Sans",system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}
blockquote{border-left:4px solid #b1b4b6;margin:1rem 0;padding-left:1rem;color:#505a5f}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
.bar{display:inline-block;height:.8rem;background:#1d70b8;margin-right:.5rem;vertical-align:middle}
</style>
</head>
<body>
<main>
<h1>${escape(report.title)}</h1>
<p>${escape(report.subtitle)}</p>
${report.blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}

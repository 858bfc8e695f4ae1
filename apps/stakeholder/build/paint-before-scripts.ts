import type { Plugin } from 'vite';

/**
 * index.html arranged so the page's first paint waits for nothing but the HTML itself: the host writes the page's
 * frame, heading and text into it (apps/api/src/page-shell.ts), and the app's first render replaces them later.
 *
 * - The start-up stylesheet becomes a `<style>` element instead of a `<link rel="stylesheet">`: a stylesheet link
 *   blocks the first paint until it has arrived, another connection and round trip after the HTML on a phone's slow
 *   network (~4.5 KB more per page with brotli; the Content-Security-Policy allows inline styles). Lazy pages' own
 *   stylesheets are untouched: Vite still loads them with their chunks.
 * - The start-up scripts (the entry and its `modulepreload`s) are fetched with `fetchpriority="low"`: nothing on the
 *   first screen needs them, so the browser need not treat them as render-blocking (Lighthouse's simulation counts
 *   every high-priority script that has arrived before the first paint as blocking it, ~2 s of slow 4G for ~140 KB).
 *   They are still the only requests of the page at that point, so they arrive no later.
 */
export function paintBeforeScripts(): Plugin {
  return {
    name: 'musyawarah:paint-before-scripts',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html
          .replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, fileName: string) => {
            const asset = bundle[fileName];
            if (!asset || asset.type !== 'asset') return link;
            const css =
              typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
            // `</style` inside the CSS (a string or comment) would end the element early.
            if (/<\/style/i.test(css)) return link;
            return `<style>${css}</style>`;
          })
          .replace(
            /<script type="module" crossorigin src=/g,
            '<script type="module" crossorigin fetchpriority="low" src=',
          )
          .replace(
            /<link rel="modulepreload" crossorigin href=/g,
            '<link rel="modulepreload" crossorigin fetchpriority="low" href=',
          );
      },
    },
  };
}

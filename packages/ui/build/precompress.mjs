// vite-plugin-compression2 in both apps (kept, small, and it writes the files in Vite's own bundle step; the same in
// node:zlib by hand would be ours to keep): every built asset is written beside itself as .br (quality 11) and
// .gz (level 9) at build time, so the host (apps/api/src/static.ts) sends the smaller file with no CPU per request.
// Not HTML: the host writes a page's shell into index.html per request and compresses that itself. Not source maps:
// only DevTools fetch them. Files that do not get smaller are skipped, and the host sends the original.
import { constants } from 'node:zlib';
import { compression } from 'vite-plugin-compression2';

/** @type {import('vite-plugin-compression2').ViteCompressionPluginOption} */
const OPTIONS = {
  algorithms: [
    ['brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }],
    ['gzip', { level: 9 }],
  ],
  include: /\.(js|mjs|css|svg|json|txt|woff|ttf|otf|xml|ico|webmanifest)$/,
  exclude: /\.(map|html)$/,
  threshold: 512,
  skipIfLargerOrEqual: true,
  deleteOriginalAssets: false,
  logLevel: 'silent',
};

export const precompressAssets = () => compression(OPTIONS);

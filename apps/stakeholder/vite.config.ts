import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noscriptInEveryLanguage } from '../../packages/ui/build/noscript-plugin.mjs';
import { precompressAssets } from '../../packages/ui/build/precompress.mjs';
import { productionReactRouter } from '../../packages/ui/build/production-router.mjs';
import { paintBeforeScripts } from './build/paint-before-scripts';

const api = process.env.MUSYAWARAH_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    productionReactRouter(),
    noscriptInEveryLanguage(),
    paintBeforeScripts(),
    precompressAssets(),
  ],
  base: '/',
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/trpc': api, '/healthz': api, '/files': api },
  },
  preview: {
    port: 5173,
    strictPort: true,
    proxy: { '/trpc': api, '/healthz': api, '/files': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // A lazy page's dependencies are not announced with <link rel="modulepreload"> elements added at run time: the
    // first page's route starts loading while the start-up module is evaluated, and adding ~20 links there cost
    // ~40 ms of main thread (~170 ms at Lighthouse's 4x slowdown) inside the start-up task. The browser finds the same
    // files from the page's own imports instead; the start-up files stay preloaded from index.html.
    modulePreload: {
      resolveDependencies: (_file, dependencies, { hostType }) => (hostType === 'html' ? dependencies : []),
    },
    // Fonts stay files: the Content-Security-Policy (font-src 'self') refuses data: URLs, and small Noto subsets were inlined.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
});

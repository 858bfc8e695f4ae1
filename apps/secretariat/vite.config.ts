import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noscriptInEveryLanguage } from '../../packages/ui/build/noscript-plugin.mjs';
import { precompressAssets } from '../../packages/ui/build/precompress.mjs';
import { productionReactRouter } from '../../packages/ui/build/production-router.mjs';

const api = process.env.MUSYAWARAH_API_URL ?? 'http://localhost:3000';

/** Served under /secretariat/ next to the stakeholder app; the router's basename matches. */
export default defineConfig({
  plugins: [react(), productionReactRouter(), noscriptInEveryLanguage(), precompressAssets()],
  base: '/secretariat/',
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/trpc': api, '/healthz': api, '/files': api },
  },
  preview: {
    port: 5174,
    strictPort: true,
    proxy: { '/trpc': api, '/healthz': api, '/files': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Fonts stay files: the Content-Security-Policy (font-src 'self') refuses data: URLs, and small Noto subsets were inlined.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
});

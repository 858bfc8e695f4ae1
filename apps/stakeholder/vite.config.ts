import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noscriptInEveryLanguage } from '../../packages/ui/build/noscript-plugin.mjs';
import { precompressAssets } from '../../packages/ui/build/precompress.mjs';

const api = process.env.MUSYAWARAH_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), noscriptInEveryLanguage(), precompressAssets()],
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
    // Fonts stay files: the Content-Security-Policy (font-src 'self') refuses data: URLs, and small Noto subsets were inlined.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
});

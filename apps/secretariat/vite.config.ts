import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.MUSYAWARAH_API_URL ?? 'http://localhost:3000';

/** Served under /secretariat/ next to the stakeholder app; the router's basename matches. */
export default defineConfig({
  plugins: [react()],
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
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});

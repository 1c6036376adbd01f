import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web console, built into dist/web where the API serves it at `/` (apps/api/src/http/web-console.ts).
 * No inline script or style is emitted, so the strict Content-Security-Policy the API sends holds.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // a phone on a pickup: one small bundle, no source maps shipped
    sourcemap: false,
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    // `npx vite --config apps/web/vite.config.ts` beside a running API: the same origin for /graphql
    proxy: { '/graphql': 'http://localhost:3000', '/reports': 'http://localhost:3000' },
  },
});

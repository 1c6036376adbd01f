import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * GraphiQL's stylesheet embeds its fonts (Roboto, Fira Code) as data: URLs, which the console's
 * Content-Security-Policy (font-src 'self') refuses: the explorer uses the system's fonts instead
 * (GraphiQL's font stacks end in sans-serif and monospace), and its chunk is 300 kB lighter.
 */
function graphiqlWithoutEmbeddedFonts(): Plugin {
  return {
    name: 'graphiql-without-embedded-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]graphiql[\\/]dist[\\/]style\.css(\?|$)/.test(id)) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
    },
  };
}

/**
 * The web console, built into dist/web where the API serves it at `/` (apps/api/src/http/web-console.ts).
 * No inline script or style is emitted, so the strict Content-Security-Policy the API sends holds.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), graphiqlWithoutEmbeddedFonts()],
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

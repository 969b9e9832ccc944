// Vite builds the client into dist/ (served by nginx under `make up` and docker compose); Vitest runs
// src/**/*.test.ts. Everything is bundled: no CDN at run time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // assetsInlineLimit 0: fonts as files, not data: URIs (the CSP's font-src is 'self').
  build: { outDir: 'dist', assetsInlineLimit: 0, sourcemap: false, chunkSizeWarningLimit: 2000 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});

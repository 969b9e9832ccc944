// Vite builds the client into dist/ (served by nginx under `make up` and docker compose); Vitest runs
// src/**/*.test.ts. Everything is bundled: no CDN at run time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});

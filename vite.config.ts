/** Builds the web client from src/web into dist/web (served by `mutual serve`) and reports bundle sizes. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleReport } from './scripts/bundle-report.ts';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react(), bundleReport(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite` for UI work: API and WebSocket go to a running `mutual serve` on :8080.
    proxy: { '/api': { target: 'http://localhost:8080', ws: true } },
  },
});

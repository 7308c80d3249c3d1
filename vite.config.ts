import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Cross-origin isolation: makes SharedArrayBuffer (and so Pyodide interrupts) available.
 * WSGI_PLAYGROUND_NO_ISOLATION=1 serves without it, as a plain static host would — the
 * end-to-end tests check that Stop and the time limit work in both setups.
 */
const isolation: Record<string, string> = process.env.WSGI_PLAYGROUND_NO_ISOLATION
  ? {}
  : {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  // Pyodide's files are served from public/pyodide; don't pre-bundle the package.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        // The benchmark baseline: a page that only boots Pyodide (scripts/measure-load.mjs).
        bareBoot: fileURLToPath(new URL('bench/bare-boot.html', import.meta.url)),
        // The tracer's overhead against plain wsgiref in one Pyodide (scripts/bench.mjs).
        chunks: fileURLToPath(new URL('bench/chunks.html', import.meta.url)),
      },
    },
  },
});

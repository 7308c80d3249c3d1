import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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

/** The page's tiny entry, which starts the Python worker, and the page proper it loads. */
const PAGE_ENTRY = fileURLToPath(new URL('app/main.tsx', import.meta.url));
const SHELL_ENTRY = fileURLToPath(new URL('app/bootstrap.tsx', import.meta.url));

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** The modules `entry` imports statically, directly or not, itself included. */
function staticGraph(graph: ModuleGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

interface PageChunks {
  /** What the entry loads to start the worker early (`app/earlyBoot.ts` and its imports). */
  early: Set<string>;
  /** Everything else the shell needs, but `app/bootstrap.tsx` itself. */
  shell: Set<string>;
}

/** The page's chunks, worked out once per chunking pass (the graph object is reused). */
const chunksByGraph = new WeakMap<ModuleGraph, PageChunks>();

function pageChunksOf(graph: ModuleGraph): PageChunks {
  let chunks = chunksByGraph.get(graph);
  if (!chunks) {
    const early = staticGraph(graph, PAGE_ENTRY);
    early.delete(PAGE_ENTRY);
    const shell = new Set([...staticGraph(graph, SHELL_ENTRY)].filter((m) => !early.has(m)));
    // The entry itself stays out: it awaits the embed page's chunk, which imports the shell.
    shell.delete(SHELL_ENTRY);
    chunks = { early, shell };
    chunksByGraph.set(graph, chunks);
  }
  return chunks;
}

/** Which of the page's chunks module `id` goes in; null: wherever the bundler puts it. */
function chunkOf(id: string, graph: ModuleGraph): 'early' | 'shell' | null {
  const { early, shell } = pageChunksOf(graph);
  if (early.has(id)) return 'early';
  return shell.has(id) ? 'shell' : null;
}

/**
 * The service worker that makes a repeat visit work offline and boot from the cache: Workbox's
 * generateSW, through vite-plugin-pwa, precaches every file of the build — the page, Monaco's
 * chunks and font, the Python worker's bundle, and everything in pyodide/ (the runtime, the
 * stdlib, the lock file, the interpreter image). Cached responses keep the headers they were
 * served with, so a page served from the cache is cross-origin isolated exactly when the host
 * isolates it (e2e/offline-repeat-visit.spec.ts checks both). A new build's worker waits until
 * the "new version" notice is taken (app/serviceWorkerUpdates.ts). The page registers it after
 * its first trace (app/serviceWorkerRegistration.ts); none in dev mode.
 */
const serviceWorker = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*', 'pyodide/**/*'],
    globIgnores: ['**/*.map'],
    // pyodide.asm.wasm is 9.6 MB, Monaco's editor.api 2.7 MB, the interpreter image ~6 MB; a
    // larger file fails the build instead of being left out of the cache.
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    // Workbox's runtime inside sw.js: no importScripts from Google's CDN, no extra file.
    inlineWorkboxRuntime: true,
    // The first visit's page is controlled as soon as the precache is complete.
    clientsClaim: true,
  },
});

export default defineConfig({
  plugins: [react(), serviceWorker],
  server: { headers: isolation },
  preview: { headers: isolation },
  // Pyodide's files are served from public/pyodide; don't pre-bundle the package.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // Left alone, the bundler puts every module the lazy panels share with the shell in a
        // chunk of its own: 19 scripts before the shell paints, many under 1 KB. Grouped: the
        // entry, an `early` chunk that starts the worker, and one `shell` chunk — 6 scripts,
        // and the shell paints ~30 ms sooner (A/B over 20 page loads: 319 → 290 ms).
        codeSplitting: {
          groups: [{ name: (id, graph) => chunkOf(id, graph), debugName: 'page' }],
        },
      },
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        // The benchmark baseline: a page that only boots Pyodide (scripts/bench.mjs).
        bareBoot: fileURLToPath(new URL('bench/bare-boot.html', import.meta.url)),
        // The tracer's overhead against plain wsgiref in one Pyodide (scripts/bench.mjs).
        chunks: fileURLToPath(new URL('bench/chunks.html', import.meta.url)),
      },
    },
  },
});

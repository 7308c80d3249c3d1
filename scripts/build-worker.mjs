// Bundle the Python worker (src/runtime/worker.ts, with Pyodide's loader) into one file,
// public/sandbox/python-worker.js. The sandbox frame starts it from a blob URL of its bytes
// (src/runtime/sandbox/frameMain.ts), where a module cannot import any other file of the
// site: so it must be self-contained, in `npm run dev` as in the build. Run after
// build-image.mjs: the worker is no secure context (no crypto.subtle), so the interpreter
// image's key is worked out here and built in.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const image = await import(pathToFileURL(join(root, 'dist-cli', 'image', 'imageEntry.mjs')).href);
const key = await image.imageKey(image.pyodideVersion);
await build({
  configFile: false,
  define: { __WSGI_IMAGE_KEY__: JSON.stringify(key) },
  // Pyodide's loader imports Node's modules behind a runtime check; the browser build stubs
  // them, and says so once for each — errors only.
  logLevel: 'error',
  publicDir: false,
  build: {
    lib: {
      entry: join(root, 'src', 'runtime', 'worker.ts'),
      formats: ['es'],
      fileName: () => 'python-worker.js',
    },
    outDir: join(root, 'public', 'sandbox'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
console.log(
  `worker: public/sandbox/python-worker.js in ${Math.round(performance.now() - started)} ms`,
);

// Build the command-line tool (src/cli/main.ts) into dist-cli/cli.mjs with Vite, so that
// `npx wsgi-playground` works in a fresh clone right after `npm install` (run as `prepare`).
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: false, // the interpreter image lives beside the CLI
    minify: false,
    rollupOptions: { output: { entryFileNames: 'cli.mjs' } },
  },
  ssr: { external: ['pyodide'] },
});
console.log('cli: built dist-cli/cli.mjs');
await import('./build-image.mjs');

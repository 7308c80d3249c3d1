// Make the interpreter image (src/runtime/image.ts): a Pyodide memory snapshot with the server
// object imported and warmed up. Writes public/pyodide/wsgi-image.bin.gz and its manifest for
// the site, and dist-cli/wsgi-image.bin for the Node host. Does nothing when both are already
// there for this Pyodide and these server sources (the key says which).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'public', 'pyodide');
const cli = join(root, 'dist-cli');

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/runtime/imageEntry.ts',
    outDir: join(cli, 'image'),
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'imageEntry.mjs' } },
  },
  ssr: { external: ['pyodide'] },
});
const entry = await import(pathToFileURL(join(cli, 'image', 'imageEntry.mjs')).href);
const key = await entry.imageKey(entry.pyodideVersion);
const manifestPath = join(site, entry.IMAGE_MANIFEST_FILE);
const keyPath = join(cli, entry.NODE_IMAGE_FILE + '.key');

/** Both images are there, made for this key. */
function upToDate() {
  try {
    return (
      JSON.parse(readFileSync(manifestPath, 'utf8')).key === key &&
      readFileSync(keyPath, 'utf8') === key &&
      existsSync(join(site, entry.IMAGE_FILE)) &&
      existsSync(join(cli, entry.NODE_IMAGE_FILE))
    );
  } catch {
    return false;
  }
}

const mb = (n) => (n / 2 ** 20).toFixed(1);

if (upToDate()) {
  console.log(`image: up to date (${key.slice(0, 12)})`);
} else {
  const started = performance.now();
  const image = await entry.makeNodeImage();
  const gzipped = gzipSync(image.bytes, { level: 6 });
  mkdirSync(site, { recursive: true });
  mkdirSync(cli, { recursive: true });
  writeFileSync(join(site, entry.IMAGE_FILE), gzipped);
  /** @type {import('../src/runtime/image.ts').ImageManifest} */
  const manifest = {
    format: 1,
    pyodideVersion: entry.pyodideVersion,
    key,
    bytes: image.bytes.length,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(cli, entry.NODE_IMAGE_FILE), image.bytes);
  writeFileSync(keyPath, key);
  console.log(
    `image: ${mb(image.bytes.length)} MB, ${mb(gzipped.length)} MB gzipped, made in ${Math.round(performance.now() - started)} ms (${key.slice(0, 12)})`,
  );
}

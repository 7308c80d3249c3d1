// Copy the Pyodide runtime files the browser needs into public/pyodide/, so the site serves
// them itself (no CDN). Not committed; run by `npm run dev` and `npm run build`.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', 'pyodide');
const to = join(root, 'public', 'pyodide');
const FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

mkdirSync(to, { recursive: true });
for (const file of FILES) {
  const source = join(from, file);
  const target = join(to, file);
  let fresh = false;
  try {
    fresh = statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    // not copied yet
  }
  if (!fresh) copyFileSync(source, target);
}
console.log(`pyodide: ${FILES.length} files in public/pyodide`);

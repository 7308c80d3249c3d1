// Layers import one way: `node scripts/check-layers.mjs` fails when two folders of src/ or app/
// import each other, directly or round a longer cycle (STYLE.md, habit 3). A folder is the
// first two segments of a path, and the files directly in app/ or src/ are the folder
// `app/(root)` / `src/(root)`: app/'s root is the composition root (App.tsx, the entries), so
// nothing below it may import it. Tests are left out — a test may reach for any layer.
//
// It reads every non-test .ts/.tsx file, resolves its relative imports (static, `export … from`,
// `import(…)`, `import.meta.glob`) and prints each import on a folder cycle as
// `file → imported file`. `--graph` prints which folder imports which. The graph itself is in
// layerGraph.mjs; which folder may import which, in layerRules.mjs (an unlisted import fails).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cyclicImports, folderGraph, specifiersOf, unlistedImports } from './layerGraph.mjs';
import { LAYER_IMPORTS } from './layerRules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERED = ['src', 'app'];
const TEST = /\.test\.tsx?$|\.testing\.tsx?$/;

/** Every non-test .ts/.tsx file under `dir`, as a repository-relative posix path. */
function sourcesUnder(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) && !TEST.test(entry.name) ? [path] : [];
  });
}

/** The file a relative specifier names, or null for a package or a path outside the layers. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const path = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/, '')));
  if (!LAYERED.includes(path.split('/')[0])) return null;
  if (path.includes('*')) return path; // a glob: its folder is what counts
  const candidates = [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`];
  const found = candidates.find(
    (c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile(),
  );
  if (!found) throw new Error(`${from}: cannot resolve ${specifier}`);
  return found;
}

const imports = LAYERED.flatMap(sourcesUnder).flatMap((from) =>
  specifiersOf(readFileSync(join(ROOT, from), 'utf8'))
    .map((specifier) => resolveImport(from, specifier))
    .filter((to) => to !== null)
    .map((to) => ({ from, to })),
);

if (process.argv.includes('--graph')) {
  for (const [folder, to] of folderGraph(imports)) console.log(`${folder} → ${to.join(', ')}`);
}

const cyclic = cyclicImports(imports);
if (cyclic.length > 0) {
  console.error(`Folders that import each other (${relative(process.cwd(), ROOT) || '.'}):`);
  for (const { from, to } of cyclic) console.error(`  ${from} → ${to}`);
  console.error('Layers import one way: move the shared piece down, or to a folder of its own.');
  process.exit(1);
}

const unlisted = unlistedImports(imports, LAYER_IMPORTS);
if (unlisted.length > 0) {
  console.error('Imports that go against the layers (scripts/layerRules.mjs):');
  for (const { from, to, reason } of unlisted) console.error(`  ${from} → ${to}: ${reason}`);
  console.error(
    'Import downward only; a new folder or edge goes in layerRules.mjs and the README.',
  );
  process.exit(1);
}
console.log(
  `check-layers: ${imports.length} imports, no folder imports one that imports it back, each as layerRules.mjs allows.`,
);

// Format-check and lint the repo's Python with Ruff, run from npm as WebAssembly
// (@astral-sh/ruff-wasm-nodejs), so no Python toolchain is needed. Settings: ruff.toml.
//
//   node scripts/lint-python.mjs         print `path:line:col code message` and unformatted files,
//                                        exit 1 if there are any
//   node scripts/lint-python.mjs --fix   apply Ruff's safe fixes and format, then report the rest
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['.git', 'node_modules', 'dist', 'dist-cli', 'public', 'test-results']);

// The WebAssembly API hands back every fix without Ruff's safe/unsafe label, so --fix applies
// only these, which Ruff's docs call safe: import sorting, unused imports (not in an
// `__init__.py`, where an import can be an export), f-strings without fields, and pyupgrade's
// plain rewrites. Whitespace is the formatter's (W291's fix is unsafe inside strings).
const SAFE_FIX = /^(I001|F401|F541|UP004|UP009|UP012|UP015|UP025|UP034|UP039)$/;

/** ruff.toml as Ruff's options object; only `[a.b]` tables and `key = <JSON-like value>`. */
function readSettings(path) {
  const settings = {};
  let table = settings;
  let pending = '';
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = (pending + ' ' + raw.replace(/#.*$/, '')).trim();
    if (!line) continue;
    if (line.startsWith('[')) {
      table = settings;
      for (const key of line.slice(1, -1).split('.')) table = table[key] ??= {};
      continue;
    }
    const [key, value] = [
      line.slice(0, line.indexOf('=')).trim(),
      line.slice(line.indexOf('=') + 1),
    ];
    if ((value.match(/\[/g) ?? []).length > (value.match(/\]/g) ?? []).length) {
      pending = line; // an array that goes on over the next lines
      continue;
    }
    pending = '';
    table[key] = JSON.parse(value.replace(/,\s*\]/g, ']'));
  }
  return settings;
}

/** Every .py file under `dir`, outside build output, dependencies and `excluded` (repo paths). */
function pythonFiles(dir, excluded) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (excluded.has(relative(root, path).replaceAll('\\', '/'))) return [];
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : pythonFiles(path, excluded);
    return entry.name.endsWith('.py') ? [path] : [];
  });
}

/** `source` with the non-overlapping edits of `diagnostics`' fixes applied (UTF-16 columns). */
function applyFixes(source, diagnostics) {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const offset = ({ row, column }) => lineStarts[row - 1] + column - 1;
  const fixes = diagnostics
    .map((d) =>
      d.fix.edits.map((e) => ({ ...e, start: offset(e.location), end: offset(e.end_location) })),
    )
    .map((edits) => edits.sort((a, b) => a.start - b.start));
  let result = source;
  let floor = Infinity; // fixes are applied last to first; each must end before the last began
  for (const edits of fixes.sort((a, b) => b[0].start - a[0].start)) {
    if (edits.at(-1).end > floor) continue;
    for (const edit of edits.toReversed()) {
      result = result.slice(0, edit.start) + (edit.content ?? '') + result.slice(edit.end);
    }
    floor = edits[0].start;
  }
  return result;
}

const fix = process.argv.includes('--fix');
const settings = readSettings(join(root, 'ruff.toml'));
const workspace = new Workspace(settings, PositionEncoding.Utf16);
let problems = 0;

for (const path of pythonFiles(root, new Set(settings['extend-exclude']))) {
  const name = relative(root, path);
  const original = readFileSync(path, 'utf8');
  let source = original;
  const isInit = name.endsWith('__init__.py');
  const safe = (d) => d.fix && SAFE_FIX.test(d.code ?? '') && !(isInit && d.code === 'F401');
  let formatted;
  try {
    // Each pass applies the fixes that do not overlap; one fix can make room for another.
    for (let pass = 0; pass < 10; pass++) {
      const fixes = fix ? workspace.check(source).filter(safe) : [];
      if (fixes.length === 0) break;
      source = applyFixes(source, fixes);
    }
    formatted = workspace.format(source);
  } catch {
    formatted = source; // Ruff cannot parse it: the syntax error is reported below
  }
  if (fix) {
    source = formatted;
    if (source !== original) writeFileSync(path, source);
  } else if (formatted !== source) {
    console.log(`${name}: not formatted (run: npm run lint:python -- --fix)`);
    problems++;
  }
  for (const d of workspace.check(source)) {
    const { row, column } = d.start_location;
    console.log(`${name}:${row}:${column} ${d.code ?? 'syntax'} ${d.message}`);
    problems++;
  }
}
process.exit(problems > 0 ? 1 : 0);

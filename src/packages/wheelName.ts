/**
 * Wheel filenames (PEP 427, the binary distribution format):
 * `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, where each tag may be a
 * compressed set (`py2.py3`), and which of them CPython 3.14 in Pyodide can install.
 */

/** A wheel filename taken apart; compressed tag sets are expanded. */
export interface WheelName {
  /** The distribution name as in the file (`MarkupSafe`). */
  name: string;
  /** The name by PEP 503 (`markupsafe`): lowercase, runs of `-_.` as one `-`. */
  normalized: string;
  version: string;
  build?: string;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** A project name by PEP 503: lowercase, each run of `-`, `_` and `.` as one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A wheel filename read, or null when it is not `name-version(-build)?-py-abi-plat.whl`. */
export function parseWheelName(filename: string): WheelName | null {
  const base = filename.split('/').pop() ?? filename;
  if (!base.toLowerCase().endsWith('.whl')) return null;
  const parts = base.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return null;
  if (parts.some((part) => part === '')) return null;
  const [name = '', version = ''] = parts;
  const [python = '', abi = '', platform = ''] = parts.slice(-3);
  const build = parts.length === 6 ? parts[2] : undefined;
  if (build !== undefined && !/^\d/.test(build)) return null;
  return {
    name,
    normalized: normalizeName(name),
    version,
    ...(build === undefined ? {} : { build }),
    pythonTags: python.split('.'),
    abiTags: abi.split('.'),
    platformTags: platform.split('.'),
  };
}

/** The wheel's tags as in its filename (`py2.py3-none-any`). */
export function wheelTags(wheel: WheelName): string {
  return [wheel.pythonTags, wheel.abiTags, wheel.platformTags]
    .map((tags) => tags.join('.'))
    .join('-');
}

/** Each (python, abi, platform) triple a wheel's compressed tags stand for. */
function tagTriples(wheel: WheelName): [string, string, string][] {
  return wheel.pythonTags.flatMap((python) =>
    wheel.abiTags.flatMap((abi) =>
      wheel.platformTags.map((platform): [string, string, string] => [python, abi, platform]),
    ),
  );
}

/** Whether the wheel has a pure-Python tag (abi `none`, platform `any`). */
export function isPurePython(wheel: WheelName): boolean {
  return tagTriples(wheel).some(([, abi, platform]) => abi === 'none' && platform === 'any');
}

/** The Python minor version Pyodide 314.0.7 runs (CPython 3.14). */
const MINOR = 14;

function minorOf(tag: string, prefix: 'py3' | 'cp3'): number | null {
  const match = new RegExp(`^${prefix}(\\d+)$`).exec(tag);
  return match ? Number(match[1]) : null;
}

/**
 * Python tags pip accepts for CPython 3.14 with no ABI (packaging's `compatible_tags`):
 * `py3`, `py3X` for X ≤ 14 (written for 3.X, runs on later 3.x), and `cp314` only —
 * `cp313-none-any` claims to need CPython 3.13 exactly, so pip passes it over on 3.14.
 */
function fitsPurePython(python: string): boolean {
  if (python === 'py3' || python === 'cp314') return true;
  const minor = minorOf(python, 'py3');
  return minor !== null && minor <= MINOR;
}

/**
 * Pyodide's platform tags. These wheels are the compiled ones (e.g. MarkupSafe's speedups);
 * which builds exist for this Pyodide is for its own lock file (pyodide-lock.json) to say —
 * here a tag that names the platform is enough. Pyodide 314 tags its own builds with its ABI
 * as PEP 783 spells it (`pyemscripten_2026_0_wasm32`, the lock's `info.abi_version`).
 */
function isPyodidePlatform(platform: string): boolean {
  return (
    platform === 'pyemscripten_2026_0_wasm32' ||
    platform === 'pyodide_2025_0_wasm32' ||
    /^emscripten_\d+_\d+_\d+_wasm32$/.test(platform)
  );
}

/** One tag triple accepted by CPython 3.14 in Pyodide. */
function tripleFits([python, abi, platform]: [string, string, string]): boolean {
  if (platform === 'any') return abi === 'none' && fitsPurePython(python);
  if (!isPyodidePlatform(platform)) return false;
  if (abi === 'none') return fitsPurePython(python);
  if (abi === 'cp314') return python === 'cp314';
  // The stable ABI: built for 3.X, loads on every later CPython 3 (abi3 begins at 3.2).
  const minor = minorOf(python, 'cp3');
  return abi === 'abi3' && minor !== null && minor >= 2 && minor <= MINOR;
}

/**
 * Whether Pyodide 314.0.7 (CPython 3.14, wasm32) can install the wheel: a pure-Python wheel
 * whose Python tag fits 3.14 (`py3`, `py3X` with X ≤ 14, `cp314`; `none`/`any`), or a compiled
 * one for Pyodide's platform (`pyemscripten_2026_0_wasm32`, `pyodide_2025_0_wasm32`,
 * `emscripten_*_wasm32`) with abi `cp314`, the stable `abi3` (from `cp3X`, X ≤ 14), or `none`.
 */
export function fitsPyodide(wheel: WheelName): boolean {
  return tagTriples(wheel).some(tripleFits);
}

/** Whether the wheel is built for Pyodide's platform (preferred over a pure one, as pip does). */
export function isPyodideBuild(wheel: WheelName): boolean {
  return tagTriples(wheel).some((triple) => triple[2] !== 'any' && tripleFits(triple));
}

/**
 * Pyodide's own distribution as candidates: the compiled wheels its `pyodide-lock.json` lists
 * for this exact build (numpy, MarkupSafe's speedups, pydantic-core…), which no index serves
 * for Pyodide. The lock gives each file's name, sha256 and dependencies but no METADATA, so a
 * small one is written from those; the files come from Pyodide's CDN. Pure wheels in the lock
 * are left to the index, which has every version of them rather than one.
 */
import type { Candidate } from './candidates.ts';
import { PYODIDE_VERSION } from './environment.ts';
import { isPurePython, parseWheelName } from './wheelName.ts';

/** A candidate that says where its file is served. */
export interface LocatedCandidate extends Candidate {
  sha256: string;
  url: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Where Pyodide's CDN serves a file of the distribution. */
export function pyodideCdnUrl(version: string, filename: string): string {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/${filename}`;
}

/** One lock entry as a candidate, or null for a pure wheel, a shared library or a zip. */
function entryCandidate(entry: unknown, version: string): LocatedCandidate | null {
  if (!isRecord(entry) || entry.package_type !== 'package') return null;
  const { name, version: release, file_name: filename, sha256, depends } = entry;
  if (!isText(name) || !isText(release) || !isText(filename) || !isText(sha256)) return null;
  const wheel = parseWheelName(filename);
  if (!wheel || isPurePython(wheel)) return null;
  const requires = (Array.isArray(depends) ? depends : [])
    .filter(isText)
    .map((dependency) => `Requires-Dist: ${dependency}\n`);
  return {
    filename,
    sha256: sha256.toLowerCase(),
    metadata: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${release}\n${requires.join('')}`,
    url: pyodideCdnUrl(version, filename),
  };
}

/**
 * The compiled wheels of a pyodide-lock.json text (its `info.version` names the CDN folder;
 * this Pyodide's version when it has none, as 314.0.7's does not); an Error if it cannot be read.
 */
export function pyodideLockCandidates(text: string): LocatedCandidate[] | Error {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    return new Error(`Pyodide's pyodide-lock.json cannot be read: ${String(error)}`);
  }
  if (!isRecord(lock) || !isRecord(lock.packages)) {
    return new Error("Pyodide's pyodide-lock.json has no packages");
  }
  const info = isRecord(lock.info) ? lock.info : {};
  const version = isText(info.version) ? info.version : PYODIDE_VERSION;
  return Object.values(lock.packages).flatMap((entry) => entryCandidate(entry, version) ?? []);
}

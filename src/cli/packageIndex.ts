/**
 * Candidates from a PyPI-compatible index (`--index-url`, PyPI by default), found as the
 * resolution needs them: a requirement's project page first, then each dependency the
 * resolver reports missing. A wheel's METADATA is fetched alone where the index serves it
 * (PEP 658), else read from the downloaded wheel. Every file installed is checked against the
 * sha256 the index gives, and kept in a cache folder by that hash; a cached file is checked
 * again before use (a cache can be tampered with), and one that fails is fetched anew.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fitsPyodide,
  normalizeName,
  parseRequirement,
  parseWheelName,
  PYODIDE_ENVIRONMENT,
  resolve,
  type Candidate,
  type Resolution,
} from '../packages/index.ts';
import {
  parseProjectPage,
  projectUrl,
  SIMPLE_ACCEPT,
  type IndexFile,
} from '../packages/simpleIndex.ts';
import { sha256Hex, wheelMetadata } from '../packages/wheelArchive.ts';

/** Where packages come from and go. */
export interface IndexSource {
  indexUrl: string;
  cacheDir: string;
}

/** How many project pages a resolution may fetch. */
const MAX_PAGES = 100;

async function fetchOk(url: string, accept?: string): Promise<Response | null> {
  let response: Response;
  try {
    response = await fetch(url, accept ? { headers: { Accept: accept } } : {});
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`cannot reach the package index at ${url} (offline? ${cause})`, {
      cause: error,
    });
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`the package index answered ${response.status} for ${url}`);
  return response;
}

/** A wheel's bytes, from the cache or the index, checked against `file.sha256`. */
export async function wheelBytes(file: IndexFile, cacheDir: string): Promise<Uint8Array> {
  if (!file.sha256) {
    throw new Error(
      `the index gives no sha256 for ${file.filename}: it is not installed unchecked`,
    );
  }
  const cached = join(cacheDir, `${file.sha256}-${file.filename}`);
  if (existsSync(cached)) {
    const bytes = new Uint8Array(readFileSync(cached));
    if ((await sha256Hex(bytes)) === file.sha256) return bytes;
    rmSync(cached); // changed since it was cached: fetch it again
  }
  const response = await fetchOk(file.url);
  if (!response) throw new Error(`${file.filename} is listed but not found at ${file.url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const actual = await sha256Hex(bytes);
  if (actual !== file.sha256) {
    throw new Error(
      `hash mismatch: ${file.filename} from ${file.url} has sha256 ${actual}, the index says ${file.sha256}: not installed`,
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, bytes);
  return bytes;
}

/** The candidates of one project page: wheels Pyodide can take with their METADATA, and the
 * others named only (so the resolver can say they need a compiled extension). */
async function pageCandidates(
  source: IndexSource,
  name: string,
  files: Map<string, IndexFile>,
): Promise<Candidate[]> {
  const url = projectUrl(source.indexUrl, name);
  const response = await fetchOk(url, SIMPLE_ACCEPT);
  if (!response) return [];
  const listed = parseProjectPage(
    await response.text(),
    response.headers.get('content-type') ?? '',
    url,
  );
  const wheels = listed.filter((file) => !file.yanked && file.filename.endsWith('.whl'));
  return Promise.all(
    wheels.map(async (file): Promise<Candidate> => {
      files.set(file.filename, file);
      const wheel = parseWheelName(file.filename);
      const sha256 = file.sha256 ?? undefined;
      if (!wheel || !fitsPyodide(wheel)) {
        const metadata = `Name: ${wheel?.name ?? name}\nVersion: ${wheel?.version ?? '0'}\n`;
        return { filename: file.filename, metadata, ...(sha256 ? { sha256 } : {}) };
      }
      let metadata: string | null = null;
      if (file.hasMetadata)
        metadata = (await (await fetchOk(`${file.url}.metadata`))?.text()) ?? null;
      if (metadata === null) {
        const read = wheelMetadata(file.filename, await wheelBytes(file, source.cacheDir));
        if (read instanceof Error) throw read;
        metadata = read;
      }
      return { filename: file.filename, metadata, ...(sha256 ? { sha256 } : {}) };
    }),
  );
}

/**
 * Resolve `requirements` over `local` candidates (the `--find-links` folders) and the index:
 * a project page is fetched for each requirement, then for each dependency not yet known.
 */
export async function resolveWithIndex(
  requirements: readonly string[],
  local: readonly Candidate[],
  source: IndexSource,
): Promise<{ resolution: Resolution; files: Map<string, IndexFile> }> {
  const files = new Map<string, IndexFile>();
  const candidates = [...local];
  const fetched = new Set<string>();
  let wanted = requirements.flatMap((text) => {
    try {
      return [parseRequirement(text).normalized];
    } catch {
      return []; // the resolver reports it
    }
  });
  for (let pages = 0; ;) {
    for (const name of wanted.filter((each) => !fetched.has(each))) {
      fetched.add(name);
      pages++;
      candidates.push(...(await pageCandidates(source, name, files)));
    }
    const resolution = resolve([...requirements], candidates, PYODIDE_ENVIRONMENT);
    const missing =
      !resolution.ok && resolution.error.kind === 'not-found' && resolution.error.package;
    if (!missing || fetched.has(normalizeName(missing)) || pages >= MAX_PAGES) {
      return { resolution, files };
    }
    wanted = [normalizeName(missing)];
  }
}

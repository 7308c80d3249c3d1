/**
 * Candidates from a PyPI-compatible index (PEP 691/503), fetched as the resolution reaches
 * them, as pip does: the search (resolve.ts) stops at a project whose page is not read yet or
 * a version whose METADATA is not, that one thing is fetched, and the search runs again. So a
 * page's hundreds of old versions cost nothing unless tried. METADATA comes alone where the
 * index serves it (PEP 658), else from the downloaded and checked wheel. Environment-neutral:
 * the network and the cache come in through the PrepareWorld.
 */
import type { Candidate } from './candidates.ts';
import { PYODIDE_ENVIRONMENT } from './environment.ts';
import { indexError } from './packageErrors.ts';
import type { PrepareWorld } from './prepareWorld.ts';
import { parseRequirement } from './requirement.ts';
import { resolve, type Resolution } from './resolve.ts';
import { parseProjectPage, projectUrl, SIMPLE_ACCEPT, type IndexFile } from './simpleIndex.ts';
import { fetchOk, type WheelRef } from './verifiedWheels.ts';
import { compareVersions, parseVersion, type Version } from './version.ts';
import { wheelMetadata } from './wheelArchive.ts';
import { fitsPyodide, parseWheelName } from './wheelName.ts';

/** How many pages and METADATA files one resolution may fetch. */
const MAX_FETCHES = 300;

/** What resolving against an index reaches for. */
export interface IndexSession {
  indexUrl: string;
  world: PrepareWorld;
  /** A wheel's checked bytes (verifiedWheels), for a METADATA the index does not serve alone. */
  wheelBytes: (ref: WheelRef, says: string) => Promise<Uint8Array>;
}

/** What is known so far: candidates, the pages read, the candidates whose METADATA is not. */
interface Known {
  candidates: Candidate[];
  pages: Set<string>;
  pending: Map<Candidate, IndexFile>;
  files: Map<string, IndexFile>;
}

/** The files a project page lists, yanked ones left out. */
async function listFiles(session: IndexSession, name: string): Promise<IndexFile[]> {
  const url = projectUrl(session.indexUrl, name);
  session.world.onProgress?.({ stage: 'resolving', project: name });
  const response = await fetchOk(session.world, url, SIMPLE_ACCEPT);
  if (!response) return [];
  const type = response.headers.get('content-type') ?? '';
  try {
    return parseProjectPage(await response.text(), type, url).filter((file) => !file.yanked);
  } catch (error) {
    throw indexError(`the index's page for ${name} at ${url} cannot be read: ${String(error)}`);
  }
}

/** Fetch a candidate's METADATA: alone (PEP 658), else from its checked wheel. */
async function loadMetadata(session: IndexSession, known: Known, candidate: Candidate) {
  const file = known.pending.get(candidate);
  if (!file) return;
  const alone = file.hasMetadata ? await fetchOk(session.world, `${file.url}.metadata`) : null;
  if (alone) candidate.metadata = await alone.text();
  // A file without a hash is never unpacked; the resolver may still pick it by its name, and
  // then that missing hash is what the person is told.
  else if (file.sha256) {
    const bytes = await session.wheelBytes({ ...file, sha256: file.sha256 }, 'the index');
    const read = wheelMetadata(file.filename, bytes);
    if (read instanceof Error) throw indexError(read.message);
    candidate.metadata = read;
  }
  known.pending.delete(candidate);
}

/**
 * Read a project's page: each wheel a candidate, named by its filename until its METADATA is
 * fetched (a wheel Pyodide cannot take is only ever named, for the resolver's message). The
 * newest version's METADATA is fetched at once: it is nearly always the one tried.
 */
async function readPage(session: IndexSession, known: Known, name: string) {
  known.pages.add(name);
  const wheels = (await listFiles(session, name)).filter((file) => file.filename.endsWith('.whl'));
  const fitting: [Candidate, Version][] = [];
  for (const file of wheels) {
    known.files.set(file.filename, file);
    const wheel = parseWheelName(file.filename);
    const python = file.requiresPython ? `Requires-Python: ${file.requiresPython}\n` : '';
    const metadata = `Name: ${wheel?.name ?? name}\nVersion: ${wheel?.version ?? '0'}\n${python}`;
    const hash = file.sha256 ? { sha256: file.sha256 } : {};
    const candidate: Candidate = { filename: file.filename, metadata, ...hash };
    known.candidates.push(candidate);
    const version = wheel && fitsPyodide(wheel) ? parseVersion(wheel.version) : null;
    if (!version) continue;
    known.pending.set(candidate, file);
    fitting.push([candidate, version]);
  }
  const newest = fitting
    .map(([, version]) => version)
    .sort(compareVersions)
    .at(-1);
  const ofNewest = fitting.filter(([, version]) => newest && !compareVersions(version, newest));
  await Promise.all(ofNewest.map(([candidate]) => loadMetadata(session, known, candidate)));
}

/** The PEP 503 names the requirements ask for (an unreadable one is the resolver's to report). */
function requiredNames(requirements: readonly string[]): string[] {
  return requirements.flatMap((text) => {
    try {
      return [parseRequirement(text).normalized];
    } catch {
      return [];
    }
  });
}

/**
 * Resolve `requirements` over `local` candidates (files added by hand, Pyodide's own builds)
 * and the index; `files`: every file the pages read list, by filename. The projects named in
 * `provided` (normalized: those of files added by hand) are not looked up on the index: the
 * person chose those files, and the run needs no network for them.
 */
export async function resolveWithIndex(
  requirements: readonly string[],
  local: readonly Candidate[],
  session: IndexSession,
  provided: ReadonlySet<string> = new Set(),
): Promise<{ resolution: Resolution; files: Map<string, IndexFile> }> {
  const known: Known = {
    candidates: [...local],
    pages: new Set(provided),
    pending: new Map(),
    files: new Map(),
  };
  const names = [...new Set(requiredNames(requirements))].filter((name) => !provided.has(name));
  await Promise.all(names.map((name) => readPage(session, known, name)));
  const options = {
    known: {
      project: (name: string) => known.pages.has(name),
      metadata: (candidate: Candidate) => !known.pending.has(candidate),
    },
  };
  for (let fetches = names.length; ; fetches++) {
    const resolution = resolve(requirements, known.candidates, PYODIDE_ENVIRONMENT, options);
    if (resolution.ok || !resolution.needs) return { resolution, files: known.files };
    if (fetches >= MAX_FETCHES) {
      const message = `Gave up after ${fetches} fetches from the package index: the requirements reach too many projects and versions; pin some versions (name==1.2) to narrow it`;
      return {
        resolution: { ok: false, error: { kind: 'too-many-steps', message } },
        files: known.files,
      };
    }
    const need = resolution.needs;
    if ('project' in need) await readPage(session, known, need.project);
    else await loadMetadata(session, known, need.candidate);
  }
}

/**
 * A PyPI-compatible index for tests, on 127.0.0.1: project pages as PEP 691 JSON (METADATA
 * served alone, as PEP 658 says) or PEP 503 HTML (METADATA only inside the wheel), the files
 * under /files/, every request counted — so no test of packages needs the internet, and a
 * test can prove that a path asked the index nothing.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';

/** A file a project page lists. */
export interface ListedFile {
  filename: string;
  bytes: Uint8Array;
  /** The sha256 the page gives: the real one by default, null for none. */
  sha256?: string | null;
}

/** A project the index serves. */
export interface IndexProject {
  /** Its PEP 503 name (the page's path). */
  name: string;
  files: ListedFile[];
  /** PEP 691 JSON with PEP 658 metadata (the default), or PEP 503 HTML without. */
  format?: 'json' | 'html';
}

/** A running index. */
export interface TestIndex {
  /** The simple index's URL (`http://127.0.0.1:PORT/simple/`). */
  url: string;
  /** Where a file is served. */
  fileUrl(filename: string): string;
  /** The path of each request, in order. */
  requests: string[];
  stop(): Promise<void>;
}

/** The sha256 of `bytes`, hex. */
export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const listedHash = (file: ListedFile) =>
  file.sha256 === undefined ? sha256Of(file.bytes) : file.sha256;

/** A fetch that fails every call as an unreachable network does, counting the calls. */
export function unreachable(): { calls: string[]; fetch: typeof globalThis.fetch } {
  const calls: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    calls.push(String(input));
    throw new TypeError('Failed to fetch');
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function projectPage(project: IndexProject): { type: string; body: string } {
  if (project.format === 'html') {
    const links = project.files.map((file) => {
      const fragment = listedHash(file) === null ? '' : `#sha256=${listedHash(file)}`;
      return `<a href="../../files/${file.filename}${fragment}">${file.filename}</a>`;
    });
    const body = `<!DOCTYPE html><html><body>${links.join('<br/>')}</body></html>`;
    return { type: 'text/html', body };
  }
  const files = project.files.map((file) => ({
    filename: file.filename,
    url: `/files/${file.filename}`,
    hashes: listedHash(file) === null ? {} : { sha256: listedHash(file) },
    'core-metadata': true,
  }));
  const body = JSON.stringify({ meta: { 'api-version': '1.1' }, name: project.name, files });
  return { type: 'application/vnd.pypi.simple.v1+json', body };
}

function metadataOf(bytes: Uint8Array): string {
  const entries = unzipSync(bytes, { filter: (f) => f.name.endsWith('.dist-info/METADATA') });
  return strFromU8(Object.values(entries)[0] ?? new Uint8Array());
}

/** Start an index serving `projects`, and `extra` files under /files/ that no page lists. */
export async function startTestIndex(
  projects: readonly IndexProject[],
  extra: readonly { filename: string; bytes: Uint8Array }[] = [],
): Promise<TestIndex> {
  const pages = new Map(projects.map((project) => [project.name, project]));
  const files = new Map<string, Uint8Array>();
  for (const file of [...projects.flatMap((project) => project.files), ...extra])
    files.set(file.filename, file.bytes);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const page = /^\/simple\/([^/]+)\/$/.exec(url);
    const project = page ? pages.get(page[1] ?? '') : undefined;
    if (project) {
      const { type, body } = projectPage(project);
      return response.writeHead(200, { 'Content-Type': type }).end(body);
    }
    const file = /^\/files\/([^/]+?)(\.metadata)?$/.exec(url);
    const bytes = file ? files.get(file[1] ?? '') : undefined;
    if (!file || !bytes) return response.writeHead(404).end();
    if (file[2]) return response.end(metadataOf(bytes));
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length };
    response.writeHead(200, headers).end(bytes);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/simple/`,
    fileUrl: (filename) => `${origin}/files/${filename}`,
    requests,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// A PyPI-compatible "simple" index over a folder of wheels, on 127.0.0.1, for the Playwright
// specs and the benchmark: `startPackageIndex({ wheelsDir })`, or from a shell
// `node scripts/packageIndexServer.mjs DIR [PORT]` (it prints the index's URL).
//
// It serves what src/packages/simpleIndex.ts reads: each project's page as PEP 691 JSON when
// the Accept header asks for `application/vnd.pypi.simple.v1+json`, else as PEP 503 HTML
// (names normalized, a sha256 for every file, PEP 658's METADATA alone at `FILE.metadata`),
// and the files themselves. The playground page is cross-origin isolated (COEP require-corp)
// and on another origin, so every response allows any origin (CORS) and cross-origin
// embedding (CORP), and a preflight is answered. Nothing is cached (`no-store`): a request the
// page makes always reaches `requests`, so a test can tell the page used its own cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const JSON_TYPE = 'application/vnd.pypi.simple.v1+json';
const METADATA = /^[^/]+\.dist-info\/METADATA$/;

/** Headers on every response: readable from any origin, embeddable under COEP require-corp. */
const OPEN = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'no-store',
};

/** PEP 503's normalized name: runs of `-`, `_` and `.` become one `-`, lower case. */
export function normalizeName(name) {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A header of a METADATA file (the first one named `field`), or null. */
function metadataField(text, field) {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const prefix = `${field.toLowerCase()}:`;
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

/** Every wheel of `dir` with its hash and METADATA, by normalized project name. */
function readWheels(dir) {
  const projects = new Map();
  for (const filename of readdirSync(dir).sort()) {
    if (!filename.endsWith('.whl')) continue;
    const bytes = readFileSync(join(dir, filename));
    const [metadataBytes] = Object.values(
      unzipSync(bytes, { filter: (file) => METADATA.test(file.name) }),
    );
    if (!metadataBytes) throw new Error(`${filename} has no *.dist-info/METADATA`);
    const metadata = strFromU8(metadataBytes);
    const name = normalizeName(metadataField(metadata, 'Name') ?? filename.split('-')[0] ?? '');
    const wheel = {
      filename,
      bytes,
      sha256: sha256(bytes),
      metadata: Buffer.from(metadataBytes),
      metadataSha256: sha256(metadataBytes),
      requiresPython: metadataField(metadata, 'Requires-Python'),
    };
    projects.set(name, [...(projects.get(name) ?? []), wheel]);
  }
  return projects;
}

const escapeHtml = (text) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A project's page as PEP 691 JSON. */
function jsonPage(name, wheels, fileUrl) {
  const files = wheels.map((wheel) => ({
    filename: wheel.filename,
    url: fileUrl(wheel.filename),
    hashes: { sha256: wheel.sha256 },
    'requires-python': wheel.requiresPython,
    'core-metadata': { sha256: wheel.metadataSha256 },
    'dist-info-metadata': { sha256: wheel.metadataSha256 },
    size: wheel.bytes.length,
    yanked: false,
  }));
  return JSON.stringify({ meta: { 'api-version': '1.1' }, name, files });
}

/** A project's page as PEP 503 HTML. */
function htmlPage(name, wheels, fileUrl) {
  const links = wheels.map((wheel) => {
    const attributes = [
      `href="${escapeHtml(`${fileUrl(wheel.filename)}#sha256=${wheel.sha256}`)}"`,
      ...(wheel.requiresPython
        ? [`data-requires-python="${escapeHtml(wheel.requiresPython)}"`]
        : []),
      `data-core-metadata="sha256=${wheel.metadataSha256}"`,
      `data-dist-info-metadata="sha256=${wheel.metadataSha256}"`,
    ];
    return `    <a ${attributes.join(' ')}>${escapeHtml(wheel.filename)}</a><br/>`;
  });
  const title = `Links for ${escapeHtml(name)}`;
  return `<!DOCTYPE html>\n<html>\n  <head><meta name="pypi:repository-version" content="1.1"><title>${title}</title></head>\n  <body>\n    <h1>${title}</h1>\n${links.join('\n')}\n  </body>\n</html>\n`;
}

/** The root page: every project, as JSON or HTML. */
function rootPage(names, json) {
  if (json) {
    const projects = names.map((name) => ({ name }));
    return JSON.stringify({ meta: { 'api-version': '1.1' }, projects });
  }
  const links = names.map((name) => `    <a href="${name}/">${name}</a><br/>`);
  return `<!DOCTYPE html>\n<html>\n  <body>\n${links.join('\n')}\n  </body>\n</html>\n`;
}

/**
 * Serve the wheels of `wheelsDir` as a simple index on 127.0.0.1 (`port` 0: any free port).
 * Resolves once it listens, with the index's URL (`http://127.0.0.1:PORT/simple/`), the path
 * of every request it got, in order, and `close()`.
 *
 * @example
 * const index = await startPackageIndex({ wheelsDir: 'node_modules/.cache/debian-wheels' });
 * // … point the page at index.url …
 * await index.close();
 */
export async function startPackageIndex({ wheelsDir, port = 0 }) {
  const projects = readWheels(wheelsDir);
  const files = new Map([...projects.values()].flat().map((wheel) => [wheel.filename, wheel]));
  const requests = [];
  let origin = '';
  const fileUrl = (filename) => `${origin}/files/${encodeURIComponent(filename)}`;

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const send = (status, type, body, extra = {}) => {
      response.writeHead(status, { ...OPEN, 'Content-Type': type, ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...OPEN,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      return response.end();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(405, 'text/plain', 'GET, HEAD or OPTIONS\n', { Allow: 'GET, HEAD, OPTIONS' });
    }
    const json = (request.headers.accept ?? '').includes(JSON_TYPE);
    const pageType = json ? JSON_TYPE : 'text/html; charset=utf-8';
    if (path === '/simple/') {
      return send(200, pageType, rootPage([...projects.keys()], json), { Vary: 'Accept' });
    }
    const page = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (page) {
      const asked = decodeURIComponent(page[1] ?? '');
      const name = normalizeName(asked);
      const wheels = projects.get(name);
      if (!wheels) return send(404, 'text/plain', `no project ${asked}\n`);
      if (asked !== name || !path.endsWith('/')) {
        return send(301, 'text/plain', '', { Location: `/simple/${name}/` });
      }
      const body = (json ? jsonPage : htmlPage)(name, wheels, fileUrl);
      return send(200, pageType, body, { Vary: 'Accept' });
    }
    const file = /^\/files\/([^/]+?)(\.metadata)?$/.exec(path);
    const wheel = file && files.get(decodeURIComponent(file[1] ?? ''));
    if (file && wheel) {
      return file[2]
        ? send(200, 'text/plain; charset=utf-8', wheel.metadata)
        : send(200, 'application/octet-stream', wheel.bytes, {
            'Content-Length': String(wheel.bytes.length),
          });
    }
    return send(404, 'text/plain', `not found: ${path}\n`);
  });

  await new Promise((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', listening);
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/simple/`,
    requests,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [wheelsDir = 'node_modules/.cache/debian-wheels', port = '0'] = process.argv.slice(2);
  const index = await startPackageIndex({ wheelsDir, port: Number(port) });
  console.log(index.url);
}

// A plain static file server for the benchmark: `node scripts/staticServer.mjs DIR PORT`.
//
// It serves the built site as a static host's edge cache would: the files as they are, with
// the cross-origin isolation headers, and no work per request. `vite preview` instead gzips
// every script, stylesheet and JSON file again on each request, on the same two cores the
// browser under test is using — a cost no real host charges, and one that grows with the
// page's JavaScript, so it would blur the playground-vs-bare comparison.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serve `dir` on `port`; resolves once listening. */
export function serveStatic(dir, port) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(root, path));
      if (!file.startsWith(root + sep)) throw new Error('outside the served folder');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) => server.listen(port, () => ready(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '4179'] = process.argv.slice(2);
  await serveStatic(dir, Number(port));
}

/**
 * The cases the gunicorn and waitress personalities are checked on against the real servers:
 * the fidelity table's apps and requests under its wsgiref-origin settings (HTTP/1.1; HTTP/1.0
 * behind the mount point /app), and every gallery example with its own request — each on
 * both servers. Client faults are left out (the harness's client reads everything), and so are
 * the examples that need packages.
 */
import { EXAMPLES, exampleRequest } from '../examples/gallery.ts';
import { exampleProject } from '../examples/example.ts';
import type { Settings } from '../trace/schema.ts';
import { MODELLED_SERVERS, type ModelledServer } from '../trace/personalityNames.ts';
import { loadFidelityCases, withoutDate, type FidelityCase } from '../python/fidelityCases.ts';

/** One case on one server. */
export type ServerCase = FidelityCase & { server: ModelledServer; source: 'table' | 'gallery' };

/** The settings of a case on `server`, as far as a real server can be configured alike. */
function serverSettings(server: ModelledServer, settings: Partial<Settings>): Partial<Settings> {
  return {
    personality: server,
    httpVersion: settings.httpVersion ?? '1.1',
    scriptName: settings.scriptName ?? '',
  };
}

/** Every case on every modelled server. */
export function loadServerCases(): ServerCase[] {
  const table = loadFidelityCases().filter((c) => c.settings.personality === 'http');
  // The examples with requirements (the Frameworks chapter) are left out: the real servers
  // run on this machine's python3, where Flask, Django… are not installed, and the Pyodide
  // session here is shared by every case, so a case cannot install wheels of its own.
  const gallery: FidelityCase[] = EXAMPLES.filter((example) => !example.requirements).map(
    (example) => ({
      name: `gallery ${example.id}`,
      project: exampleProject(example),
      request: exampleRequest(example),
      settings: example.settings?.httpVersion ? { httpVersion: example.settings.httpVersion } : {},
    }),
  );
  const onServer = (server: ModelledServer, source: ServerCase['source']) => (c: FidelityCase) => ({
    ...c,
    name: `${c.name} on ${server}`,
    server,
    source,
    settings: serverSettings(server, c.settings),
  });
  return MODELLED_SERVERS.flatMap((server) => [
    ...table.map(onServer(server, 'table')),
    ...gallery.map(onServer(server, 'gallery')),
  ]);
}

/** The wire without its `Date` and `Server` lines (the clock, and the server's version). */
export function comparableWire(wire: Uint8Array): string {
  const text = withoutDate(wire);
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end + 4);
  return head.replace(/^Server: [^\r\n]*\r\n/m, '') + (end < 0 ? '' : text.slice(end + 4));
}

/**
 * Server fidelity: the gunicorn and waitress personalities, traced in Pyodide, put the same
 * bytes on the wire as the real servers (Debian's python3-gunicorn and python3-waitress,
 * started by `tests/real_servers.py` on 127.0.0.1 and stopped by it) for the fidelity table
 * and every gallery example — `Date` and `Server` aside. `npm run fidelity:servers` runs this
 * file alone and prints the counts that docs/fidelity.md lists.
 *
 * Under either server, the rules find nothing in a gallery example that they do not find
 * under wsgiref, apart from the rules about what the server itself did (`server-*`) and
 * those the server's own refusals cause (waitress raises on hop-by-hop headers).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparableWire, loadServerCases } from './serverCases.testing.ts';
import { runRules } from '../rules/index.ts';
import { fromBase64 } from '../trace/bytes.ts';
import { traceFromJson } from './engine.ts';
import { createPyodideSession } from './nodeEngine.ts';
import type { PyodideSession } from './pyodideSession.ts';
import { toRunJob } from './runInput.ts';

const cases = loadServerCases();
/** Compared by their findings only: what they send holds memory addresses. */
const UNCOMPARABLE: Record<string, string> = {
  'gallery environ-dump':
    "prints the repr of every environ value: the server's objects (wsgi.input, wsgi.errors, gunicorn.socket, waitress.client_disconnected) show memory addresses and file descriptors",
};
const SERVER_PYTHON = process.env.SERVER_PYTHON ?? '/usr/bin/python3';

interface RealResult {
  wireBase64: string;
  clientPort: number;
  serverPort: number;
}

/** Serve every case on its real server; the releases found and what each sent. */
function realServers(): { releases: Record<string, string>; results: RealResult[] } {
  const out = execFileSync(SERVER_PYTHON, ['-m', 'tests.real_servers'], {
    cwd: join(import.meta.dirname, '..', 'python'),
    input: JSON.stringify(cases.map((c) => toRunJob(c))),
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.toString()) as { releases: Record<string, string>; results: RealResult[] };
}

let session: PyodideSession;
beforeAll(async () => {
  session = await createPyodideSession();
});

describe('wire fidelity with the real gunicorn and waitress', () => {
  it('covers the table and the gallery on both servers', () => {
    expect(cases.filter((c) => c.source === 'gallery').length).toBeGreaterThanOrEqual(100);
    expect(cases.length).toBeGreaterThanOrEqual(700);
  });

  it('matches the real servers byte for byte, Date and Server aside', () => {
    const { releases, results } = realServers();
    expect(results.length).toBe(cases.length);
    const counts = new Map<string, { cases: number; identical: number }>();
    const mismatches: string[] = [];
    for (const [i, c] of cases.entries()) {
      const real = results[i];
      if (!real) throw new Error(`no result for ${c.name}`);
      const job = toRunJob({
        ...c,
        settings: { ...c.settings, serverPort: real.serverPort, clientPort: real.clientPort },
      });
      const trace = traceFromJson(session.runJson(job));
      const same =
        comparableWire(fromBase64(trace.response.wireBase64)) ===
        comparableWire(fromBase64(real.wireBase64));
      if (c.name.replace(/ on \w+$/, '') in UNCOMPARABLE) continue;
      const key = `${c.server} ${releases[c.server]} (${c.source})`;
      const count = counts.get(key) ?? { cases: 0, identical: 0 };
      count.cases++;
      if (same) count.identical++;
      else mismatches.push(c.name);
      counts.set(key, count);
    }
    for (const [key, { cases: n, identical }] of counts)
      console.log(`server fidelity: ${key}: ${identical} of ${n} cases byte-identical`);
    expect(mismatches).toEqual([]);
  });

  it('finds nothing new in the gallery under a real server but what the server did', () => {
    // The server's own doing: its rules; the app's hop-by-hop header that waitress refuses
    // (an app-raised 500); and gunicorn's head sent before start_response, without any
    // Content-Type (wsgiref answers with its 500 page instead).
    const own = /^server-|^hop-by-hop-header$|^app-raised$|^missing-content-type$/;
    const surprises: string[] = [];
    for (const c of cases.filter((each) => each.source === 'gallery')) {
      const under = (settings: object) =>
        new Set(
          runRules(traceFromJson(session.runJson(toRunJob({ ...c, settings })))).map(
            (finding) => finding.rule,
          ),
        );
      const wsgiref = under({ ...c.settings, personality: 'http' });
      for (const rule of under(c.settings))
        if (!wsgiref.has(rule) && !own.test(rule)) surprises.push(`${c.name}: ${rule}`);
    }
    expect(surprises).toEqual([]);
  });
});

// The CLI as another project gets it: `npm pack` this package, install the tarball into a
// fresh folder, and trace an app there with `npx wsgi-playground`. Fails unless the trace
// completes with the app's body. The tarball's two dependencies (pyodide, valibot) come from
// npm's cache when `npm ci` put them there, else from the npm registry, as for any user.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'wsgi-playground-tarball-'));
const ms = (from) => Math.round(performance.now() - from);
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
try {
  const started = performance.now();
  run('npm', ['pack', '--silent', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const fresh = join(work, 'fresh');
  run('mkdir', ['-p', fresh], work);
  writeFileSync(
    join(fresh, 'package.json'),
    '{"name": "fresh", "version": "1.0.0", "private": true}\n',
  );
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)],
    fresh,
  );
  writeFileSync(
    join(fresh, 'app.py'),
    'def application(environ, start_response):\n' +
      "    start_response('200 OK', [('Content-Type', 'text/plain')])\n" +
      "    return [b'traced from a tarball']\n",
  );
  const traced = performance.now();
  const out = JSON.parse(
    run('npx', ['--no-install', 'wsgi-playground', 'trace', 'app.py', '--json'], fresh),
  );
  const trace = out.trace ?? out;
  const body = Buffer.from(trace.response.bodyBase64, 'base64').toString();
  if (trace.outcome !== 'complete' || body !== 'traced from a tarball') {
    throw new Error(`the installed CLI traced ${trace.outcome}: ${JSON.stringify(body)}`);
  }
  console.log(
    `tarball: ${tarball} installed into a fresh folder traces an app (pack + install ${ms(started) - ms(traced)} ms, trace ${ms(traced)} ms)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

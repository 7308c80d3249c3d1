// Make sure the tools the tests drive exist: Chromium (end-to-end tests) and python3 (the
// server object's suite on CPython, and the native fidelity reference). On a fresh Debian
// machine, as root, install them from Debian's packages; otherwise say exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPython = spawnSync(process.env.PYTHON ?? 'python3', ['--version']).status === 0;
// The real gunicorn and waitress the server personalities are checked against (Debian's).
const serverPython = process.env.SERVER_PYTHON ?? '/usr/bin/python3';
const hasServers = spawnSync(serverPython, ['-c', 'import gunicorn, waitress']).status === 0;
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(hasPython ? [] : ['python3']),
  ...(hasServers ? [] : ['python3-gunicorn', 'python3-waitress']),
];

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`tests need ${missing.join(' and ')}; install with: sudo ${command}`);
    console.error('(or set CHROMIUM_PATH / PYTHON / SERVER_PYTHON to ones you have)');
    process.exit(1);
  }
  console.log(`test tools: installing ${missing.join(', ')} from Debian (${command})`);
  execFileSync('sh', ['-c', `${command} >/dev/null`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
console.log(`test tools: chromium at ${chromium}, python3, gunicorn and waitress present`);

// Wheels of Debian 13's Flask, Django, Bottle and Falcon for the framework tests
// (src/cli/frameworks.test.ts): built once, where Debian's archive is reachable.
const wheels = join(import.meta.dirname, '..', 'node_modules', '.cache', 'debian-wheels');
if (!existsSync(wheels) && existsSync('/usr/bin/apt-get') && existsSync('/usr/bin/dpkg-deb')) {
  try {
    execFileSync(process.execPath, [join(import.meta.dirname, 'debian-wheels.mjs'), wheels], {
      stdio: 'ignore',
    });
    console.log(`test tools: framework wheels from Debian 13 in ${wheels}`);
  } catch (error) {
    rmSync(wheels, { recursive: true, force: true });
    console.log(`test tools: no framework wheels (Debian unreachable? ${error.message})`);
  }
}

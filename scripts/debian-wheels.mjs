// Fetch Debian 13's Flask, Django, Bottle and Falcon (and their dependencies) and build
// pure-Python wheels of them, for the framework tests: no machine here reaches PyPI, but they
// reach Debian, and Debian 13 ("trixie") packages the releases that run on Python 3.14.
//
//   node scripts/debian-wheels.mjs [OUT]     (default OUT: node_modules/.cache/debian-wheels)
//
// The machine's own apt sources are left alone (apt-get reads a sources list of our own, as
// ../shared/RECIPE.md shows). A Debian package is not a wheel: this takes each one's files
// under dist-packages, leaves out compiled modules (.so: the wheels must be pure Python, and
// Falcon and MarkupSafe fall back to their .py modules) and bytecode, turns an .egg-info into
// a .dist-info, and zips them with METADATA, WHEEL and RECORD (PEP 427). Prints the folder.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';

/** The Debian 13 packages: the four frameworks and what they depend on. */
export const DEBIAN_PACKAGES = [
  'python3-flask',
  'python3-werkzeug',
  'python3-jinja2',
  'python3-markupsafe',
  'python3-itsdangerous',
  'python3-click',
  'python3-blinker',
  'python3-bottle',
  'python3-falcon',
  'python3-django',
  'python3-asgiref',
  'python3-sqlparse',
];

const out =
  process.argv[2] ?? join(import.meta.dirname, '..', 'node_modules', '.cache', 'debian-wheels');

/** Download the packages' .deb files into `work` with a sources list of our own. */
function download(work) {
  writeFileSync(join(work, 'sources.list'), 'deb http://deb.debian.org/debian trixie main\n');
  for (const dir of ['lists/partial', 'cache/archives/partial'])
    mkdirSync(join(work, dir), { recursive: true });
  const apt = [
    '-o',
    `Dir::Etc::sourcelist=${join(work, 'sources.list')}`,
    '-o',
    'Dir::Etc::sourceparts=-',
    '-o',
    `Dir::State::Lists=${join(work, 'lists')}`,
    '-o',
    `Dir::Cache=${join(work, 'cache')}`,
  ];
  execFileSync('apt-get', [...apt, 'update'], { stdio: 'ignore' });
  execFileSync('apt-get', [...apt, 'download', ...DEBIAN_PACKAGES], { cwd: work, stdio: 'ignore' });
  return readdirSync(work).filter((name) => name.endsWith('.deb'));
}

/** Every file under `dir`, as paths relative to it. */
function walk(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stats = lstatSync(path);
    // A link points into another Debian package (Django's admin jQuery): not part of this one.
    if (stats.isSymbolicLink()) return [];
    if (stats.isDirectory()) return name === '__pycache__' ? [] : walk(path, root);
    return [relative(root, path)];
  });
}

/** `requires.txt` of an .egg-info as Requires-Dist lines (sections are extras or markers). */
function requiresDist(text) {
  const lines = [];
  let marker = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const [extra, condition] = section[1].split(':');
      const parts = [extra ? `extra == "${extra}"` : '', condition ?? ''].filter(Boolean);
      marker = parts.join(' and ');
      continue;
    }
    lines.push(`Requires-Dist: ${line}${marker ? `; ${marker}` : ''}`);
  }
  return lines;
}

/** One wheel from the files of one Debian package's dist-packages folder. */
function wheelOf(packages) {
  const files = walk(packages).filter((path) => !/\.(so|pyc)$/.test(path));
  const infoDir = readdirSync(packages).find((name) => /\.(dist|egg)-info$/.test(name));
  if (!infoDir) throw new Error(`no .dist-info or .egg-info in ${packages}`);
  const isEgg = infoDir.endsWith('.egg-info');
  let metadata = readFileSync(join(packages, infoDir, isEgg ? 'PKG-INFO' : 'METADATA'), 'utf8');
  const field = (name) => new RegExp(`^${name}: (.*)$`, 'm').exec(metadata)?.[1]?.trim();
  const name = field('Name');
  const version = field('Version');
  if (isEgg && existsSync(join(packages, infoDir, 'requires.txt'))) {
    const extra = requiresDist(readFileSync(join(packages, infoDir, 'requires.txt'), 'utf8'));
    const [head, ...body] = metadata.split('\n\n');
    metadata = [head.trimEnd(), ...extra].join('\n') + '\n\n' + body.join('\n\n');
  }
  const dist = `${name.replace(/[-.]+/g, '_')}-${version}`;
  const entries = {};
  for (const path of files) {
    if (path.startsWith(infoDir + '/')) continue;
    entries[path] = new Uint8Array(readFileSync(join(packages, path)));
  }
  entries[`${dist}.dist-info/METADATA`] = strToU8(metadata);
  entries[`${dist}.dist-info/WHEEL`] = strToU8(
    'Wheel-Version: 1.0\nGenerator: wsgi-playground debian-wheels\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  );
  const record = [...Object.keys(entries), `${dist}.dist-info/RECORD`].map((path) => `${path},,`);
  entries[`${dist}.dist-info/RECORD`] = strToU8(record.join('\n') + '\n');
  return { filename: `${dist}-py3-none-any.whl`, bytes: zipSync(entries) };
}

const work = mkdtempSync(join(tmpdir(), 'debian-wheels-'));
try {
  mkdirSync(out, { recursive: true });
  for (const deb of download(work)) {
    const root = join(work, deb.replace(/\.deb$/, ''));
    execFileSync('dpkg-deb', ['-x', join(work, deb), root]);
    const { filename, bytes } = wheelOf(join(root, 'usr', 'lib', 'python3', 'dist-packages'));
    writeFileSync(join(out, filename), bytes);
  }
  console.log(out);
} finally {
  rmSync(work, { recursive: true, force: true });
}

import { describe, expect, it } from 'vitest';
import { parseCommand } from './args.ts';
import { appTarget } from './appTarget.ts';
import { loadProject } from './loadProject.ts';
import { MAX_FOLDERS, readProjectFolder, type ProjectFileSystem } from './projectFolder.ts';

/** A file system of `tree` (path → text; a value of null is a symbolic link). */
function fakeFs(tree: Record<string, string | null>): ProjectFileSystem {
  const encoder = new TextEncoder();
  return {
    readFile: (path) => {
      const text = tree[path.replace(/^\.\//, '')];
      if (typeof text !== 'string') throw new Error(`ENOENT: ${path}`);
      return text.startsWith('\xff') ? new Uint8Array([0xff, 0xfe]) : encoder.encode(text);
    },
    readDir: (path) => {
      const prefix = path === '.' ? '' : `${path.replace(/^\.\//, '')}/`;
      const names = new Map<string, 'file' | 'dir' | 'other'>();
      for (const [key, value] of Object.entries(tree)) {
        if (!key.startsWith(prefix)) continue;
        const [name = '', ...rest] = key.slice(prefix.length).split('/');
        names.set(name, rest.length ? 'dir' : value === null ? 'other' : 'file');
      }
      if (names.size === 0) throw new Error(`ENOENT: ${path}`);
      return [...names].map(([name, kind]) => ({ name, kind }));
    },
  };
}

const TREE = {
  'site/app.py': 'from shop.views import app\n',
  'site/shop/__init__.py': '',
  'site/shop/views.py': 'def app(e, s): ...\n',
  'site/shop/deep/er/most.py': 'X = 1\n',
  'site/shop/templates/index.html': '<p>not .py</p>',
  'site/shop/__pycache__/views.cpython-311.py': 'cached',
  'site/.git/hooks/x.py': 'not the app',
  'site/.venv/lib/site.py': 'installed',
  'site/env/pyvenv.cfg': 'home = /usr',
  'site/env/lib/flask.py': 'installed',
  'site/node_modules/x/y.py': 'not python',
  'site/linked.py': null,
  'site/a:b.py': 'no path may be so named',
};

describe('the app a command line names', () => {
  it('takes a file, or module:callable in --chdir (here by default)', () => {
    expect(appTarget('app.py', undefined, undefined)).toEqual({
      kind: 'file',
      path: 'app.py',
      callable: null,
    });
    expect(appTarget('app.py', 'make()', 'site')).toEqual({
      kind: 'file',
      path: 'site/app.py',
      callable: 'make()',
    });
    expect(appTarget('shop.views:app', undefined, undefined)).toEqual({
      kind: 'entry',
      entry: 'shop.views:app',
      directory: '.',
    });
    expect(appTarget('shop.views', 'app', 'site')).toEqual({
      kind: 'entry',
      entry: 'shop.views:app',
      directory: 'site',
    });
  });

  it('says what is wrong with a name that is neither', () => {
    expect(appTarget('my-app', undefined, undefined)).toEqual({
      error:
        'my-app is neither a file (app.py) nor module:callable as gunicorn takes it (pkg.web:app)',
    });
    expect(appTarget('app:a', 'b', undefined)).toEqual({
      error: 'app:a names its callable already; drop --callable b',
    });
    expect(appTarget('app', 'a b', undefined)).toMatchObject({ error: /--callable must be/ });
    expect(parseCommand(['trace', 'x:y:z'], () => new Uint8Array())).toMatchObject({
      kind: 'error',
      message: /neither a file/,
    });
  });
});

describe('a folder read as a project', () => {
  it('reads .py files and packages, skipping caches, dot-folders, environments and links', () => {
    expect(readProjectFolder(fakeFs(TREE), 'site')).toEqual({
      files: {
        'app.py': 'from shop.views import app\n',
        'shop/__init__.py': '',
        'shop/views.py': 'def app(e, s): ...\n',
        'shop/deep/er/most.py': 'X = 1\n',
      },
    });
  });

  it('refuses a folder over the caps, or a file that is not UTF-8, and says why', () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`r/m${i}.py`, '']));
    expect(readProjectFolder(fakeFs(many), 'r')).toEqual({
      error: "r holds more than 64 .py files (the most a project has): is it the app's own folder?",
    });
    const folders = Object.fromEntries(
      Array.from({ length: MAX_FOLDERS + 1 }, (_, i) => [`r/d${i}/x.txt`, '']),
    );
    expect(readProjectFolder(fakeFs(folders), 'r')).toMatchObject({
      error: /more than 500 folders/,
    });
    const big = { 'r/a.py': 'x'.repeat(3_000_000), 'r/b.py': 'x'.repeat(1_500_000) };
    expect(readProjectFolder(fakeFs(big), 'r')).toMatchObject({
      error: /over 4 million characters/,
    });
    expect(readProjectFolder(fakeFs({ 'r/a.py': '\xff' }), 'r')).toEqual({
      error: 'r/a.py is not UTF-8 text',
    });
    expect(readProjectFolder(fakeFs({}), 'nowhere')).toMatchObject({
      error: /cannot read nowhere/,
    });
  });
});

describe('the project of a command line', () => {
  const fs = fakeFs(TREE);

  it("is APP.py's folder, entered at its module, the file first", () => {
    const loaded = loadProject(fs, { kind: 'file', path: 'site/shop/views.py', callable: null });
    expect(loaded).toMatchObject({ project: { entry: 'views' }, notes: [] });
    expect('project' in loaded && Object.keys(loaded.project.files)).toEqual([
      'views.py',
      '__init__.py',
      'deep/er/most.py',
    ]);
    expect(loadProject(fs, { kind: 'file', path: 'site/app.py', callable: 'app' })).toMatchObject({
      project: { entry: 'app:app' },
    });
  });

  it('is a lone file when its name is no module name', () => {
    const lone = fakeFs({ 'my-app.py': 'app = None\n', 'other.py': '' });
    expect(loadProject(lone, { kind: 'file', path: 'my-app.py', callable: null })).toEqual({
      project: { files: { 'my-app.py': 'app = None\n' }, entry: 'app' },
      notes: [
        "my-app.py is no module name, so it runs alone (its folder's other files are left out)",
      ],
    });
  });

  it('is the --chdir folder for module:callable, when it holds the module', () => {
    const loaded = loadProject(fs, { kind: 'entry', entry: 'shop.views:app', directory: 'site' });
    expect('project' in loaded && Object.keys(loaded.project.files)[0]).toBe('shop/views.py');
    expect(loadProject(fs, { kind: 'entry', entry: 'shop', directory: 'site' })).toMatchObject({
      project: { entry: 'shop' },
    });
    expect(loadProject(fs, { kind: 'entry', entry: 'shop.web:app', directory: 'site' })).toEqual({
      error:
        'no module shop.web in site (no shop/web.py or shop/web/__init__.py); --chdir names the folder to look in',
    });
    expect(loadProject(fs, { kind: 'file', path: 'site/none.py', callable: null })).toMatchObject({
      error: /cannot read site\/none.py/,
    });
  });
});

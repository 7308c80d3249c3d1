import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidates.ts';
import { PYODIDE_ENVIRONMENT } from './environment.ts';
import { resolve, type Resolution } from './resolve.ts';

interface Offer {
  deps?: string[];
  requiresPython?: string;
  tags?: string;
  extras?: string[];
}

/** A fake wheel: its filename and a METADATA text written the way real ones are. */
function offer(name: string, version: string, options: Offer = {}): Candidate {
  const lines = ['Metadata-Version: 2.4', `Name: ${name}`, `Version: ${version}`];
  if (options.requiresPython) lines.push(`Requires-Python: ${options.requiresPython}`);
  for (const extra of options.extras ?? []) lines.push(`Provides-Extra: ${extra}`);
  for (const dep of options.deps ?? []) lines.push(`Requires-Dist: ${dep}`);
  const file = name.replace(/-/g, '_');
  return {
    filename: `${file}-${version}-${options.tags ?? 'py3-none-any'}.whl`,
    metadata: `${lines.join('\n')}\n\nThe description.\n`,
    sha256: `sha-${name}-${version}`,
  };
}

function pins(resolution: Resolution): string[] {
  if (!resolution.ok) throw new Error(resolution.error.message);
  return resolution.pins.map((pin) => `${pin.name}==${pin.version}`);
}

function failure(resolution: Resolution) {
  if (resolution.ok) throw new Error(`resolved: ${pins(resolution).join(' ')}`);
  return resolution.error;
}

const FLASK_DEPS = [
  'Werkzeug>=3.1',
  'Jinja2>=3.1.2',
  'itsdangerous>=2.2',
  'click>=8.1.3',
  'blinker>=1.9',
  "importlib-metadata>=3.6; python_version < '3.10'",
  "asgiref>=3.2; extra == 'async'",
  "python-dotenv; extra == 'dotenv'",
];

const INDEX: Candidate[] = [
  offer('Flask', '3.1.1', { deps: FLASK_DEPS, requiresPython: '>=3.9', extras: ['async'] }),
  offer('Flask', '3.0.3', { deps: FLASK_DEPS.slice(0, 5), requiresPython: '>=3.8' }),
  offer('Werkzeug', '3.1.3', { deps: ['MarkupSafe>=2.1.1'] }),
  offer('Werkzeug', '3.0.6', { deps: ['MarkupSafe>=2.1.1'] }),
  offer('Jinja2', '3.1.6', { deps: ['MarkupSafe>=2.0'] }),
  offer('MarkupSafe', '3.0.2', { tags: 'cp314-cp314-pyodide_2025_0_wasm32' }),
  offer('MarkupSafe', '3.0.2', { tags: 'cp314-cp314-manylinux_2_17_x86_64' }),
  offer('itsdangerous', '2.2.0'),
  offer('click', '8.2.1', { deps: ['colorama; platform_system == "Windows"'] }),
  offer('blinker', '1.9.0'),
  offer('importlib-metadata', '8.7.0'),
  offer('asgiref', '3.9.1'),
  offer('bottle', '0.12.25'),
  offer('bottle', '0.13.2'),
  offer('bottle', '0.14.0.dev1'),
];

describe('resolve', () => {
  it('resolves a Flask-like chain, dependencies first, newest versions', () => {
    const resolution = resolve(['flask'], INDEX);
    expect(pins(resolution)).toEqual([
      'MarkupSafe==3.0.2',
      'Werkzeug==3.1.3',
      'Jinja2==3.1.6',
      'itsdangerous==2.2.0',
      'click==8.2.1',
      'blinker==1.9.0',
      'Flask==3.1.1',
    ]);
    if (!resolution.ok) return;
    const markupsafe = resolution.pins[0];
    expect(markupsafe?.filename).toBe('MarkupSafe-3.0.2-cp314-cp314-pyodide_2025_0_wasm32.whl');
    expect(markupsafe?.sha256).toBe('sha-MarkupSafe-3.0.2');
    expect(markupsafe?.requestedBy).toEqual(['Werkzeug 3.1.3', 'Jinja2 3.1.6']);
    expect(resolution.pins.at(-1)?.requestedBy).toEqual(['requirements']);
  });

  it('follows the markers of another environment (Python 3.9 pulls importlib-metadata)', () => {
    const py39 = { ...PYODIDE_ENVIRONMENT, python_version: '3.9', python_full_version: '3.9.18' };
    expect(pins(resolve(['flask'], INDEX, py39))).toContain('importlib-metadata==8.7.0');
    expect(pins(resolve(['flask'], INDEX))).not.toContain('importlib-metadata==8.7.0');
  });

  it('skips a dependency whose marker excludes emscripten', () => {
    const index = [
      offer('Django', '5.2', {
        deps: ['asgiref>=3.6.0,<4', 'sqlparse>=0.3.1', 'tzdata; sys_platform == "win32"'],
      }),
      offer('asgiref', '3.9.1'),
      offer('asgiref', '4.0.0'),
      offer('sqlparse', '0.5.3'),
    ];
    expect(pins(resolve(['django'], index))).toEqual([
      'asgiref==3.9.1',
      'sqlparse==0.5.3',
      'Django==5.2',
    ]);
    const windows = { ...PYODIDE_ENVIRONMENT, sys_platform: 'win32' };
    expect(failure(resolve(['django'], index, windows)).kind).toBe('not-found');
  });

  it('pulls the dependencies of an extra, also when asked for later', () => {
    expect(pins(resolve(['flask[async]'], INDEX))).toContain('asgiref==3.9.1');
    expect(pins(resolve(['flask', 'Flask[Async]'], INDEX))).toContain('asgiref==3.9.1');
    expect(pins(resolve(['flask[async]==3.0.3'], INDEX))).not.toContain('asgiref==3.9.1');
  });

  it('skips a requirement whose marker does not hold, and blank and comment lines', () => {
    expect(
      pins(resolve(['bottle; sys_platform == "win32"', '', '# none', 'blinker'], INDEX)),
    ).toEqual(['blinker==1.9.0']);
  });

  it('takes pre-releases only when asked or when nothing else fits', () => {
    expect(pins(resolve(['bottle'], INDEX))).toEqual(['bottle==0.13.2']);
    expect(pins(resolve(['bottle>=0.14.0.dev0'], INDEX))).toEqual(['bottle==0.14.0.dev1']);
    expect(pins(resolve(['bottle>0.13.2'], INDEX))).toEqual(['bottle==0.14.0.dev1']);
  });

  it('backs up when a later constraint rules out a pick (A 2.0 needs C<1, B needs C>=1)', () => {
    const index = [
      offer('A', '2.0', { deps: ['C<1'] }),
      offer('A', '1.0', { deps: ['C'] }),
      offer('B', '1.0', { deps: ['C>=1'] }),
      offer('C', '0.9'),
      offer('C', '1.0'),
    ];
    expect(pins(resolve(['A', 'B'], index))).toEqual(['C==1.0', 'A==1.0', 'B==1.0']);
  });

  it('backs up past a version already chosen', () => {
    // D is chosen (2.0) before E asks for D<2 through F.
    const index = [
      offer('D', '2.0'),
      offer('D', '1.0'),
      offer('E', '1.0', { deps: ['F'] }),
      offer('F', '1.0', { deps: ['D<2'] }),
    ];
    expect(pins(resolve(['D', 'E'], index))).toEqual(['D==1.0', 'F==1.0', 'E==1.0']);
  });

  it('passes over versions whose Requires-Python leaves 3.14 out', () => {
    const index = [
      offer('django', '5.2', { requiresPython: '>=3.10,<3.13' }),
      offer('django', '5.1', { requiresPython: '>=3.10' }),
    ];
    expect(pins(resolve(['django'], index))).toEqual(['django==5.1']);
  });
});

describe('resolve errors', () => {
  it('not-found', () => {
    expect(failure(resolve(['flsk'], INDEX))).toEqual({
      kind: 'not-found',
      message: "No package named 'flsk' in the index or the folders given",
      package: 'flsk',
    });
    const index = [offer('app', '1.0', { deps: ['missing>=1'] })];
    expect(failure(resolve(['app'], index)).message).toBe(
      "No package named 'missing' in the index or the folders given (needed by app 1.0)",
    );
  });

  it('no-version', () => {
    expect(failure(resolve(['bottle==9.9'], INDEX))).toEqual({
      kind: 'no-version',
      message: 'No version of bottle satisfies ==9.9 (found: 0.12.25, 0.13.2, 0.14.0.dev1)',
      package: 'bottle',
    });
  });

  it('no-pure-wheel', () => {
    const index = [
      offer('numpy', '2.1.0', { tags: 'cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64' }),
      offer('numpy', '2.1.0', { tags: 'cp312-cp312-win_amd64' }),
      offer('numpy', '2.1.0', { tags: 'cp313-cp313-macosx_14_0_arm64' }),
    ];
    expect(failure(resolve(['numpy'], index))).toEqual({
      kind: 'no-pure-wheel',
      message:
        'numpy 2.1.0 has only compiled wheels (cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64, cp312-cp312-win_amd64, …): it needs a compiled extension that Pyodide does not build',
      package: 'numpy',
    });
    const old = [offer('oldlib', '1.0', { tags: 'py2-none-any' })];
    expect(failure(resolve(['oldlib'], old)).message).toBe(
      'oldlib 1.0 has no wheel for Python 3.14 (py2-none-any)',
    );
  });

  it('requires-python', () => {
    const index = [offer('django', '5.2', { requiresPython: '>=3.10,<3.13' })];
    expect(failure(resolve(['django'], index))).toEqual({
      kind: 'requires-python',
      message: 'django 5.2 needs Python >=3.10,<3.13; Pyodide runs 3.14',
      package: 'django',
    });
  });

  it('conflict between two requirements, naming who asked for what', () => {
    const index = [
      offer('A', '1.0', { deps: ['C<1'] }),
      offer('B', '1.0', { deps: ['C>=1'] }),
      offer('C', '0.9'),
      offer('C', '1.0'),
    ];
    expect(failure(resolve(['A', 'B'], index))).toEqual({
      kind: 'conflict',
      message:
        'No version of C satisfies everything asked of it: A 1.0 asks for C<1; B 1.0 asks for C>=1 (found: 0.9, 1.0)',
      package: 'C',
    });
    // The same when the clash is with a version chosen earlier.
    const error = failure(resolve(['C>=1', 'A'], index));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe(
      'No version of C satisfies everything asked of it: the requirements ask for C>=1; A 1.0 asks for C<1 (found: 0.9, 1.0)',
    );
  });

  it('bad-requirement, given or in a wheel', () => {
    expect(failure(resolve(['flask>='], INDEX))).toEqual({
      kind: 'bad-requirement',
      message: "Cannot read the requirement 'flask>=': '>=' has no version after it",
    });
    expect(failure(resolve(['pip @ https://example.com/pip.whl'], INDEX)).kind).toBe(
      'bad-requirement',
    );
    const index = [offer('broken', '1.0', { deps: ['dep; python_versoin < "3"'] })];
    expect(failure(resolve(['broken'], index)).message).toBe(
      "Cannot read the requirement 'dep; python_versoin < \"3\"': 'python_versoin' is not a marker variable in 'python_versoin < \"3\"' (in the metadata of broken 1.0)",
    );
  });

  it('too-many-steps', () => {
    // Ten versions each of P and Q, every pair clashing over R: the search needs 110 steps.
    const index = [
      ...Array.from({ length: 10 }, (_, n) => offer('P', `1.${n}`, { deps: ['R<1'] })),
      ...Array.from({ length: 10 }, (_, n) => offer('Q', `1.${n}`, { deps: ['R>=1'] })),
      offer('R', '0.5'),
      offer('R', '1.5'),
    ];
    const error = failure(resolve(['P', 'Q'], index, PYODIDE_ENVIRONMENT, { maxSteps: 50 }));
    expect(error).toEqual({
      kind: 'too-many-steps',
      message:
        'Gave up after trying 50 versions: the requirements leave too many combinations to search; pin some versions (name==1.2) to narrow it',
    });
    expect(failure(resolve(['P', 'Q'], index)).kind).toBe('conflict');
  });
});

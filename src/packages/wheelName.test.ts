import { describe, expect, it } from 'vitest';
import {
  fitsPyodide,
  isPurePython,
  normalizeName,
  parseWheelName,
  wheelTags,
} from './wheelName.ts';

function wheel(filename: string) {
  const parsed = parseWheelName(filename);
  if (parsed === null) throw new Error(`not a wheel: ${filename}`);
  return parsed;
}

describe('parseWheelName', () => {
  it('reads a pure-Python wheel', () => {
    expect(parseWheelName('Flask-3.1.1-py3-none-any.whl')).toEqual({
      name: 'Flask',
      normalized: 'flask',
      version: '3.1.1',
      pythonTags: ['py3'],
      abiTags: ['none'],
      platformTags: ['any'],
    });
  });

  it('expands compressed tag sets and keeps a build tag', () => {
    expect(wheel('six-1.16.0-py2.py3-none-any.whl').pythonTags).toEqual(['py2', 'py3']);
    const numpy = wheel('numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    expect(numpy.platformTags).toEqual(['manylinux_2_17_x86_64', 'manylinux2014_x86_64']);
    expect(wheel('pkg-1.0-1build-py3-none-any.whl').build).toBe('1build');
    expect(wheelTags(wheel('six-1.16.0-py2.py3-none-any.whl'))).toBe('py2.py3-none-any');
  });

  it('refuses names that are not wheels', () => {
    expect(parseWheelName('flask-3.1.1.tar.gz')).toBeNull();
    expect(parseWheelName('flask-3.1.1-none-any.whl')).toBeNull();
    expect(parseWheelName('pkg-1.0-build-py3-none-any.whl')).toBeNull();
  });

  it('normalises names by PEP 503', () => {
    expect(normalizeName('Zope.Interface__x')).toBe('zope-interface-x');
    expect(wheel('importlib_metadata-8.0.0-py3-none-any.whl').normalized).toBe(
      'importlib-metadata',
    );
  });
});

describe('fitsPyodide', () => {
  it.each([
    ['Flask-3.1.1-py3-none-any.whl', true],
    ['six-1.16.0-py2.py3-none-any.whl', true],
    ['old-1.0-py2-none-any.whl', false],
    ['future-1.0-py314-none-any.whl', true],
    ['toonew-1.0-py315-none-any.whl', false],
    ['exact-1.0-cp314-none-any.whl', true],
    ['exact-1.0-cp313-none-any.whl', false],
    ['MarkupSafe-2.1.5-cp314-cp314-pyodide_2025_0_wasm32.whl', true],
    ['MarkupSafe-2.1.5-cp313-cp313-pyodide_2025_0_wasm32.whl', false],
    ['stable-1.0-cp38-abi3-emscripten_4_0_9_wasm32.whl', true],
    // Pyodide 314's own builds (its pyodide-lock.json), and one for another Pyodide ABI.
    ['markupsafe-3.0.3-cp314-cp314-pyemscripten_2026_0_wasm32.whl', true],
    ['cffi-2.0.0-cp39-abi3-pyemscripten_2026_0_wasm32.whl', true],
    ['pyxel-2.0-py3-none-pyemscripten_2026_0_wasm32.whl', true],
    ['markupsafe-3.0.3-cp314-cp314-pyemscripten_2027_0_wasm32.whl', false],
    ['numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', false],
    ['numpy-2.1.0-cp314-cp314-manylinux_2_17_x86_64.whl', false],
    ['odd-1.0-py3-cp314-any.whl', false],
  ])('%s → %s', (filename, fits) => {
    expect(fitsPyodide(wheel(filename))).toBe(fits);
  });

  it('tells pure-Python wheels from compiled ones', () => {
    expect(isPurePython(wheel('six-1.16.0-py2.py3-none-any.whl'))).toBe(true);
    expect(isPurePython(wheel('MarkupSafe-2.1.5-cp314-cp314-pyodide_2025_0_wasm32.whl'))).toBe(
      false,
    );
  });
});

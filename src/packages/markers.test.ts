import { describe, expect, it } from 'vitest';
import { PYODIDE_ENVIRONMENT, type MarkerEnvironment } from './environment.ts';
import { evaluateMarker, MarkerError, parseMarker } from './markers.ts';

function holds(marker: string, env: MarkerEnvironment = PYODIDE_ENVIRONMENT): boolean {
  return evaluateMarker(parseMarker(marker), env);
}

describe('evaluateMarker in Pyodide', () => {
  it.each([
    ['python_version < "3.10"', false],
    ['python_version >= "3.9"', true],
    // As versions, not strings: "3.14" < "3.9" as text, but 3.14 > 3.9.
    ['python_version > "3.9"', true],
    ['python_full_version >= "3.14.1"', true],
    ["python_version ~= '3.12'", true],
    ['python_version == "3.*"', true],
    ['sys_platform == "win32"', false],
    ['sys_platform != "win32"', true],
    ['sys_platform == "emscripten" and platform_machine == "wasm32"', true],
    ['os_name == "nt" or platform_system == "Emscripten"', true],
    ['(os_name == "nt" or os_name == "posix") and implementation_name == "cpython"', true],
    ['os_name == "nt" or os_name == "posix" and python_version < "3"', false],
    ['"linux" in sys_platform', false],
    ['"emscripten" not in sys_platform', false],
    ['"3.8" < python_version', true],
    ['platform_python_implementation === "CPython"', true],
    ['platform_release == ""', true],
    ['implementation_version < "3.14.2"', false],
  ])('%s → %s', (marker, expected) => {
    expect(holds(marker)).toBe(expected);
  });

  it('compares extra by normalised name, and no extra as none', () => {
    expect(holds('extra == "async"')).toBe(false);
    expect(holds('extra == "async"', { ...PYODIDE_ENVIRONMENT, extra: 'async' })).toBe(true);
    expect(holds("extra == 'Async_Stuff'", { ...PYODIDE_ENVIRONMENT, extra: 'async-stuff' })).toBe(
      true,
    );
  });

  it('compares other variables as strings', () => {
    // Not a version variable: "10" < "9" as text.
    const env = { ...PYODIDE_ENVIRONMENT, platform_version: '10' };
    expect(holds('platform_version < "9"', env)).toBe(true);
  });
});

describe('parseMarker errors', () => {
  it.each([
    ['python_verison < "3"', "'python_verison' is not a marker variable"],
    ['python_version <', 'expected a variable or a quoted string at the end'],
    ['python_version "3"', 'expected an operator at token 2'],
    ['(os_name == "nt"', "expected ')' at the end"],
    ['os_name == "nt" os_name', "expected 'and', 'or' or the end"],
    ['os_name not "nt"', "expected 'in' after 'not'"],
    ['os_name == "nt', "unexpected '\"nt'"],
    ['', 'expected a comparison'],
  ])('%s', (marker, message) => {
    expect(() => parseMarker(marker)).toThrow(MarkerError);
    expect(() => parseMarker(marker)).toThrow(message);
  });
});

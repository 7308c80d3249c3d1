import { describe, expect, it } from 'vitest';
import { PYODIDE_ENVIRONMENT } from './environment.ts';
import { evaluateMarker } from './markers.ts';
import { parseRequirement, RequirementError } from './requirement.ts';

describe('parseRequirement', () => {
  it('reads a bare name and a pinned one', () => {
    const flask = parseRequirement('flask');
    expect([
      flask.name,
      flask.normalized,
      flask.extras,
      flask.specifier.text,
      flask.marker,
    ]).toEqual(['flask', 'flask', [], '', null]);
    expect(parseRequirement('bottle==0.13.2').specifier.text).toBe('==0.13.2');
    expect(parseRequirement('Werkzeug>=3.0.0').normalized).toBe('werkzeug');
  });

  it("reads Flask 3.1.1's Requires-Dist", () => {
    const lines = [
      'Werkzeug>=3.1',
      'Jinja2>=3.1.2',
      'itsdangerous>=2.2',
      'click>=8.1.3',
      'blinker>=1.9',
      "importlib-metadata>=3.6; python_version < '3.10'",
      "asgiref>=3.2; extra == 'async'",
      "python-dotenv; extra == 'dotenv'",
    ];
    const parsed = lines.map(parseRequirement);
    expect(parsed.map((r) => `${r.normalized}${r.specifier.text}`)).toEqual([
      'werkzeug>=3.1',
      'jinja2>=3.1.2',
      'itsdangerous>=2.2',
      'click>=8.1.3',
      'blinker>=1.9',
      'importlib-metadata>=3.6',
      'asgiref>=3.2',
      'python-dotenv',
    ]);
    const inPyodide = parsed.map((r) =>
      r.marker === null ? true : evaluateMarker(r.marker, PYODIDE_ENVIRONMENT),
    );
    expect(inPyodide).toEqual([true, true, true, true, true, false, false, false]);
  });

  it("reads Django's", () => {
    const asgiref = parseRequirement('asgiref>=3.6.0,<4');
    expect(asgiref.specifier.specifiers.map((s) => s.operator)).toEqual(['>=', '<']);
    const tzdata = parseRequirement('tzdata; sys_platform == "win32"');
    expect(tzdata.marker && evaluateMarker(tzdata.marker, PYODIDE_ENVIRONMENT)).toBe(false);
    expect(parseRequirement('sqlparse>=0.3.1').specifier.text).toBe('>=0.3.1');
  });

  it('reads extras and parenthesised specifiers', () => {
    const req = parseRequirement('name[Extra1, extra_2] (>=1.0)');
    expect(req.extras).toEqual(['extra1', 'extra-2']);
    expect(req.specifier.text).toBe('>=1.0');
    expect(parseRequirement('flask[]').extras).toEqual([]);
  });

  it.each([
    ['', "Cannot read the requirement '': it is empty"],
    ['>=1.0', "Cannot read the requirement '>=1.0': it does not start with a project name"],
    ['flask>=', "Cannot read the requirement 'flask>=': '>=' has no version after it"],
    ['flask==x.y', "Cannot read the requirement 'flask==x.y': 'x.y' in '==x.y' is not a version"],
    ['flask[async', "Cannot read the requirement 'flask[async': a '[' is not closed"],
    ['flask[a b]', "'a b' is not an extra's name"],
    ['flask!!', "'!!' is not a version specifier (expected one like >=1.0)"],
    ['flask (>=1.0', "a '(' is not closed"],
    ['flask; ', "nothing follows ';' (expected a marker)"],
    ['flask; python_version <', 'expected a variable or a quoted string at the end'],
  ])('explains %j', (text, message) => {
    expect(() => parseRequirement(text)).toThrow(RequirementError);
    expect(() => parseRequirement(text)).toThrow(message);
  });

  it('refuses a direct URL as unsupported', () => {
    try {
      parseRequirement('pip @ https://github.com/pypa/pip/archive/1.3.1.zip');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequirementError);
      expect((error as RequirementError).problem).toBe('url');
      expect((error as RequirementError).message).toContain('direct URL references');
    }
  });
});

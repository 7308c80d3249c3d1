import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_URL, indexUrlProblem, ProjectSchema } from './project.ts';
import { hasPackages, packagesKey, projectPackages, withPackages } from './projectPackages.ts';

const ONE = { files: { 'app.py': 'x' }, entry: 'app' };
const WHEEL = { filename: 'mylib-0.1-py3-none-any.whl', sha256: 'a'.repeat(64) };

describe("a project's packages", () => {
  it('default to none, from PyPI, and are stored only when they differ', () => {
    expect(projectPackages(ONE)).toEqual({
      requirements: [],
      indexUrl: DEFAULT_INDEX_URL,
      handWheels: [],
    });
    expect(hasPackages(ONE)).toBe(false);
    const flask = withPackages(ONE, { requirements: ['flask'] });
    expect(flask).toEqual({ ...ONE, requirements: ['flask'] });
    expect(hasPackages(flask)).toBe(true);
    expect(withPackages(flask, { requirements: [], indexUrl: DEFAULT_INDEX_URL })).toEqual(ONE);
    expect(hasPackages(withPackages(ONE, { handWheels: [WHEEL] }))).toBe(true);
  });

  it('name the same installs with the same key, whatever order the wheels were added in', () => {
    const other = { ...WHEEL, sha256: 'b'.repeat(64) };
    const a = withPackages(ONE, { requirements: ['flask'], handWheels: [WHEEL, other] });
    const b = withPackages(ONE, { requirements: ['flask'], handWheels: [other, WHEEL] });
    expect(packagesKey(a)).toBe(packagesKey(b));
    expect(packagesKey(a)).not.toBe(packagesKey(withPackages(a, { requirements: ['bottle'] })));
    expect(packagesKey(a)).not.toBe(
      packagesKey(withPackages(a, { indexUrl: 'http://127.0.0.1:1/simple/' })),
    );
  });

  it('take an http(s) index only, without credentials', () => {
    expect(indexUrlProblem('https://pypi.org/simple/')).toBeNull();
    expect(indexUrlProblem('http://127.0.0.1:8123/simple/')).toBeNull();
    for (const bad of ['pypi.org/simple', 'file:///tmp/simple', 'https://u:p@example.test/'])
      expect(indexUrlProblem(bad), bad).toMatch(/./);
  });

  it('are checked by the schema: wheel names and sha256s, the index', () => {
    const ok = { ...ONE, requirements: ['flask'], handWheels: [WHEEL] };
    expect(v.safeParse(ProjectSchema, ok).success).toBe(true);
    for (const bad of [
      { ...ONE, handWheels: [{ ...WHEEL, filename: '../x.whl' }] },
      { ...ONE, handWheels: [{ ...WHEEL, sha256: 'ABC' }] },
      { ...ONE, indexUrl: 'javascript:alert(1)' },
      { ...ONE, requirements: [1] },
    ])
      expect(v.safeParse(ProjectSchema, bad).success, JSON.stringify(bad)).toBe(false);
  });
});

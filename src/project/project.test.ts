import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  entryFile,
  moduleFile,
  moduleOf,
  parseEntry,
  pathProblem,
  ProjectSchema,
  singleFileProject,
} from './project.ts';

describe('project paths and entries', () => {
  it('takes relative paths with folders, and says what is wrong with others', () => {
    expect(pathProblem('pkg/__init__.py')).toBeNull();
    expect(pathProblem('templates/index.html')).toBeNull();
    for (const bad of ['', '/etc/passwd', '../x.py', 'a//b.py', 'a\\b.py', 'a:b.py', 'x\u0001.py'])
      expect(pathProblem(bad), bad).toMatch(/./);
  });

  it("reads gunicorn's module:callable form", () => {
    expect(parseEntry('app')).toEqual({ module: 'app', callable: null });
    expect(parseEntry('pkg.web:make_app()')).toEqual({ module: 'pkg.web', callable: 'make_app()' });
    expect(parseEntry('app:')).toBeNull();
    expect(parseEntry('a-b:app')).toBeNull();
    expect(parseEntry('a:b:c')).toBeNull();
  });

  it('finds the file of a module, a package before nothing', () => {
    const files = { 'app.py': '', 'pkg/__init__.py': '', 'pkg/views.py': '' };
    expect(moduleFile(files, 'pkg.views')).toBe('pkg/views.py');
    expect(moduleFile(files, 'pkg')).toBe('pkg/__init__.py');
    expect(moduleFile(files, 'missing')).toBeNull();
    expect(moduleOf('pkg/__init__.py')).toBe('pkg');
    expect(moduleOf('templates/a.html')).toBeNull();
    expect(entryFile({ files, entry: 'pkg:app' })).toBe('pkg/__init__.py');
  });

  it('makes one file a project named after it, and validates projects', () => {
    expect(singleFileProject('x', 'hello.py', 'wsgi')).toEqual({
      files: { 'hello.py': 'x' },
      entry: 'hello:wsgi',
    });
    expect(v.is(ProjectSchema, singleFileProject('x'))).toBe(true);
    expect(v.is(ProjectSchema, { files: {}, entry: 'app' })).toBe(false);
    expect(v.is(ProjectSchema, { files: { '../x.py': '' }, entry: 'app' })).toBe(false);
  });
});

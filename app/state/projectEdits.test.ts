import { describe, expect, it } from 'vitest';
import { addFile, deleteFile, entryCode, renameFile, withFile } from './projectEdits.ts';

const PROJECT = { files: { 'app.py': 'import views\n', 'views.py': 'x = 1\n' }, entry: 'app' };

describe('project edits', () => {
  it('adds a file, and refuses a bad path or one that exists', () => {
    const added = addFile(PROJECT, 'pkg/__init__.py');
    expect('project' in added && Object.keys(added.project.files)).toEqual([
      'app.py',
      'views.py',
      'pkg/__init__.py',
    ]);
    expect(addFile(PROJECT, 'views.py')).toEqual({ problem: 'views.py exists already.' });
    expect(addFile(PROJECT, '../x.py')).toHaveProperty('problem');
  });

  it('renames in place, and the entry follows its file', () => {
    const renamed = renameFile({ ...PROJECT, entry: 'app:make' }, 'app.py', 'main.py');
    expect(renamed).toEqual({
      project: {
        files: { 'main.py': 'import views\n', 'views.py': 'x = 1\n' },
        entry: 'main:make',
      },
    });
    const other = renameFile(PROJECT, 'views.py', 'pages.py');
    expect('project' in other && other.project.entry).toBe('app');
  });

  it('deletes a file but not the entry file', () => {
    expect(deleteFile(PROJECT, 'views.py')).toEqual({
      project: { files: { 'app.py': 'import views\n' }, entry: 'app' },
    });
    expect(deleteFile(PROJECT, 'app.py')).toHaveProperty('problem');
  });

  it('reads and writes the entry file as "the code"', () => {
    expect(entryCode(PROJECT)).toBe('import views\n');
    expect(withFile(PROJECT, 'views.py', 'x = 1\n')).toBe(PROJECT);
  });
});

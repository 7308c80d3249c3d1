import { describe, expect, it } from 'vitest';
import { textToBase64 } from '../trace/bytes.ts';
import { diffProjects, diffRequests, diffSettings } from './inputsDiff.ts';

const request = (target: string, body = '') => ({
  method: 'GET',
  target,
  headers: [['Host', 'x']] as [string, string][],
  bodyBase64: textToBase64(body),
});

describe('inputs compared', () => {
  it('names the request fields that differ', () => {
    expect(diffRequests(request('/a'), request('/b', 'hi'))).toEqual([
      { field: 'Target', a: '/a', b: '/b' },
      { field: 'Body', a: '', b: 'hi' },
    ]);
    expect(diffRequests(request('/a'), request('/a'))).toEqual([]);
  });

  it('names the settings that differ', () => {
    expect(
      diffSettings(
        { personality: 'http', disconnectAfter: null },
        { personality: 'cgi', disconnectAfter: 80 },
      ),
    ).toEqual([
      { field: 'personality', a: '"http"', b: '"cgi"' },
      { field: 'disconnectAfter', a: '—', b: '80' },
    ]);
  });

  it('lists each file of the two projects with its change', () => {
    const files = diffProjects(
      { files: { 'app.py': 'a', 'old.py': 'x' }, entry: 'app' },
      { files: { 'app.py': 'b', 'new.py': 'y' }, entry: 'app' },
    );
    expect(files.map((file) => [file.path, file.change])).toEqual([
      ['app.py', 'changed'],
      ['old.py', 'removed'],
      ['new.py', 'added'],
    ]);
  });
});

/**
 * `ResolveOptions.known`: the search stops at the first project page or METADATA its caller
 * has not fetched yet (what indexResolver.ts fetches before it runs the search again).
 */
import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidates.ts';
import { PYODIDE_ENVIRONMENT } from './environment.ts';
import { resolve } from './resolve.ts';

const wheel = (name: string, version: string, deps: string[] = []): Candidate => ({
  filename: `${name}-${version}-py3-none-any.whl`,
  metadata: [`Name: ${name}`, `Version: ${version}`, ...deps.map((d) => `Requires-Dist: ${d}`)]
    .map((line) => `${line}\n`)
    .join(''),
  sha256: `sha-${name}-${version}`,
});

describe('resolve with known', () => {
  const app = wheel('app', '2.0', ['dep>=1']);
  const candidates = [app, wheel('app', '1.0'), wheel('dep', '1.0')];

  it('stops at the newest METADATA not fetched, then at the page of a dependency', () => {
    const pages = new Set(['app']);
    const known = {
      project: (name: string) => pages.has(name),
      metadata: (candidate: Candidate) => candidate !== app,
    };
    const run = () => resolve(['app'], candidates, PYODIDE_ENVIRONMENT, { known });
    expect(run()).toMatchObject({ ok: false, needs: { candidate: app } });
    known.metadata = () => true;
    // Not app 1.0 (which needs nothing): dep's page is read before the search backs up.
    expect(run()).toMatchObject({ ok: false, needs: { project: 'dep' } });
    pages.add('dep');
    const resolution = run();
    expect(resolution.ok && resolution.pins.map((pin) => pin.filename)).toEqual([
      'dep-1.0-py3-none-any.whl',
      'app-2.0-py3-none-any.whl',
    ]);
  });
});

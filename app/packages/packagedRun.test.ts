/** packagedRun: a run with packages waits for them, then runs with the set; Stop meanwhile stops it. */
import { describe, expect, it } from 'vitest';
import type { PackageSet, RunInput, Trace } from '../../src/index.ts';
import { packagedRun, type PackageSource } from './packagedRun.ts';

const SET: PackageSet = { key: 'k', wheels: [], imports: ['flask'] };
const REQUEST = { method: 'GET', target: '/', headers: [], bodyBase64: '' };
const project = (requirements: string[]) => ({
  files: { 'app.py': 'app = None\n' },
  entry: 'app:app',
  requirements,
});

function source(ready: Promise<PackageSet>): PackageSource & { notes: (string | null)[] } {
  const notes: (string | null)[] = [];
  return { notes, prepareFor: () => ready, engineNote: (note) => void notes.push(note) };
}

describe('packagedRun', () => {
  it('runs a project without packages straight through, and one with packages with its set', async () => {
    const seen: RunInput[] = [];
    const run = packagedRun(
      async (input) => {
        seen.push(input);
        return {} as Trace;
      },
      source(Promise.resolve(SET)),
    );
    await run({ project: project([]), request: REQUEST });
    await run({ project: project(['flask']), request: REQUEST });
    expect(seen.map((input) => input.packages?.key ?? null)).toEqual([null, 'k']);
  });

  it('stops the run as soon as it reaches the engine when Stop was pressed while preparing', async () => {
    let presses = 0;
    let stopped = 0;
    let release: ((set: PackageSet) => void) | undefined;
    const ready = new Promise<PackageSet>((resolve) => (release = resolve));
    const run = packagedRun(
      async () => ({ stoppedAt: stopped }) as unknown as Trace,
      source(ready),
      {
        count: () => presses,
        stop: () => void stopped++,
      },
    );
    const pending = run({ project: project(['flask']), request: REQUEST });
    presses++; // Stop, while the packages download
    release?.(SET);
    await pending;
    expect(stopped).toBe(1);
    // A later run, with no Stop pressed during it, is not stopped.
    await run({ project: project(['flask']), request: REQUEST });
    expect(stopped).toBe(1);
  });
});

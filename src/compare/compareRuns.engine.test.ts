/**
 * Comparing real runs: the Node engine (real Pyodide, the real server object) runs an app
 * before and after an edit, and a bug beside its fix; the comparison must line up what both
 * runs did and point at exactly what the edit changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleProject } from '../examples/example.ts';
import { exampleById, exampleRequest } from '../examples/gallery.ts';
import { singleFileProject, type Project } from '../project/project.ts';
import { runRules } from '../rules/index.ts';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import { compareRuns, differenceCounts, type CompareSide } from './compareRuns.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const REQUEST: HttpRequest = {
  method: 'GET',
  target: '/',
  headers: [['Host', 'localhost']],
  bodyBase64: '',
};

const app = (type: string) =>
  [
    'def application(environ, start_response):',
    `    start_response('200 OK', [('Content-Type', '${type}'), ('X-Same', '1')])`,
    '    yield b\'{"a": 1}\\n\'',
    "    yield b'done\\n'",
    '',
  ].join('\n');

async function side(
  project: Project,
  request = REQUEST,
  settings?: Partial<Settings>,
): Promise<CompareSide> {
  const trace = await engine.run({ project, request, ...(settings ? { settings } : {}) });
  return { trace, findings: runRules(trace), project };
}

function runExample(id: string): Promise<CompareSide> {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return side(exampleProject(example), exampleRequest(example), example.settings);
}

describe('compareRuns on real runs', () => {
  it('finds the one header an edit changed, with the events lined up', async () => {
    const before = await side(singleFileProject(app('text/plain')));
    const after = await side(singleFileProject(app('application/json')));
    const comparison = compareRuns(before, after);

    const differing = comparison.headers.filter((row) => row.change !== 'same');
    expect(differing).toEqual([
      { name: 'Content-Type', a: 'text/plain', b: 'application/json', change: 'changed' },
    ]);
    // Same kinds of events in the same order; only start_response and the commit say otherwise.
    expect(comparison.events).toHaveLength(before.trace.events.length);
    expect(
      comparison.events.filter((row) => row.change !== 'same').map((row) => row.b?.kind),
    ).toEqual(['start_response', 'headers.commit']);
    expect(comparison.body.identical).toBe(true);
    const wire = comparison.wire.rows.filter((row) => row.change !== 'same');
    expect(wire).toEqual([
      {
        change: 'changed',
        a: 'Content-Type: text/plain\r\n',
        b: 'Content-Type: application/json\r\n',
      },
    ]);
    expect(comparison.files.map((file) => file.change)).toEqual(['changed']);
    expect(differenceCounts(comparison)).toMatchObject({
      headers: 1,
      events: 2,
      body: 0,
      wire: 1,
      inputs: 0,
    });
  });

  it('compares a run with itself as the same in everything but time', async () => {
    const project = singleFileProject(app('text/plain'));
    const comparison = compareRuns(await side(project), await side(project));
    const counts = differenceCounts(comparison);
    expect(counts).toEqual({
      summary: 0,
      events: 0,
      headers: 0,
      body: 0,
      wire: 0,
      findings: 0,
      inputs: 0,
      files: 0,
    });
  });

  it('shows what the fix of the disconnect leak changed', async () => {
    const comparison = compareRuns(
      await runExample('debug-disconnect-leak'),
      await runExample('debug-disconnect-finally'),
    );
    // The fix writes "lock released" to wsgi.errors after close; the leak never does.
    const added = comparison.events.filter((row) => row.change === 'added').map((row) => row.b);
    expect(
      added.some((event) => event?.kind === 'errors.write' && event.text.includes('released')),
    ).toBe(true);
    expect(comparison.files[0]?.change).toBe('changed');
    expect(comparison.inputs).toEqual([]);
  });

  it('names the settings that differ between two runs', async () => {
    const project = singleFileProject(app('text/plain'));
    const comparison = compareRuns(
      await side(project),
      await side(project, REQUEST, { personality: 'cgi' }),
    );
    expect(comparison.inputs.map((change) => change.field)).toEqual(['personality']);
    expect(comparison.summary.find((row) => row.label === 'Status')?.change).toBe('same');
    expect(comparison.summary.find((row) => row.label === 'Server')).toMatchObject({
      a: 'HTTP/1.1 origin server (wsgiref)',
      b: 'CGI gateway (wsgiref)',
      change: 'changed',
    });
    expect(comparison.wire.rows.some((row) => row.change !== 'same')).toBe(true);
  });
});

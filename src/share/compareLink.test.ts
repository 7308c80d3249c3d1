import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import { encodeCompareFragment, parseFragment, type SharedRun } from './shareLink.ts';
import { encodePayloadData } from './payloadData.ts';
import { toPayload } from './sharePayload.ts';
import { requestFieldsOf } from './shareRequestFields.ts';

const run = (type: string, settings: SharedRun['settings'] = {}): SharedRun => ({
  project: {
    files: {
      'app.py': `def application(environ, start_response):\n    start_response('200 OK', [('Content-Type', '${type}')])\n    return [b'{}']\n`,
    },
    entry: 'app',
  },
  request: { method: 'GET', target: '/x', headers: [row('Host', 'localhost')], body: EMPTY_BODY },
  settings,
});

/** The route of a compare link holding `data`. */
const routeOf = async (data: unknown) =>
  parseFragment(`compare/v2/${await encodePayloadData(data)}`);

describe('compare links', () => {
  it('carry two runs, each with its project, request and settings', async () => {
    const a = run('text/plain');
    const b = run('application/json', { personality: 'cgi' });
    const fragment = await encodeCompareFragment({ a, b });
    expect(fragment).toMatch(/^compare\/v2\/[A-Za-z0-9_-]+$/);
    const route = await parseFragment(`#${fragment}`);
    expect(route).toMatchObject({ kind: 'compare', version: 2 });
    if (route.kind !== 'compare') return;
    expect(route.pair.a.project).toEqual(a.project);
    expect(route.pair.b.project).toEqual(b.project);
    expect(route.pair.a.request).toEqual(a.request);
    expect(route.pair.b.settings).toMatchObject({ personality: 'cgi' });
  });

  it('cost little more than one share link when the two runs are alike', async () => {
    const one = await encodeCompareFragment({ a: run('text/plain'), b: run('text/plain') });
    const pair = await encodeCompareFragment({ a: run('text/plain'), b: run('application/json') });
    expect(pair.length).toBeLessThan(one.length + 40);
  });

  it('read sides in the version-1 format as share links of version 1 are read', async () => {
    const v1 = { c: 'def app(e, s): pass\n', ...requestFieldsOf(run('x').request, {}) };
    const route = await parseFragment(`compare/v1/${await encodePayloadData([v1, v1])}`);
    expect(route).toMatchObject({ kind: 'compare', version: 1 });
  });

  it('are an error value, never a crash, when damaged', async () => {
    expect(await routeOf({ c: 'x' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('two runs'),
    });
    expect(await routeOf([toPayload(run('x')), 5])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Run B: /),
    });
    expect(await parseFragment('compare/v99/abc')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('v99'),
    });
    expect(await parseFragment('compare/v2/!!!')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('corrupted'),
    });
    expect(await parseFragment('compare/nonsense')).toMatchObject({ kind: 'error' });
  });
});

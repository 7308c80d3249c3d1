import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { exampleProject } from './example.ts';
import { EXAMPLES, exampleById, exampleRequest } from './gallery.ts';
import type { Trace } from '../trace/schema.ts';

/** The inner app's chunks and the commit of the headers, in order (what stepping walks). */
const appSteps = (trace: Trace) =>
  trace.events
    .filter(
      (event) =>
        event.kind === 'headers.commit' || (event.kind === 'layer.yield' && event.actor === 'app'),
    )
    .map((event) => event.kind);

/** Run a gallery example with its own settings and return its Trace. */
async function runExample(engine: NodeEngine, id: string, clientFault = true) {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return engine.run({
    project: exampleProject(example),
    request: exampleRequest(example),
    ...(clientFault && example.settings ? { settings: example.settings } : {}),
  });
}

describe('the debugging chapter', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  it('leaks the lock when the client goes away, and releases it when it stays', async () => {
    const gone = await runExample(engine, 'debug-disconnect-leak');
    expect(gone.outcome).toBe('disconnected');
    expect(gone.errorLog).toBe('lock taken\n');
    const stays = await runExample(engine, 'debug-disconnect-leak', false);
    expect(stays.outcome).toBe('complete');
    expect(stays.errorLog).toBe('lock taken\nlock released\n');
  });

  it('releases it in finally even when the client goes away', async () => {
    const gone = await runExample(engine, 'debug-disconnect-finally');
    expect(gone.outcome).toBe('disconnected');
    expect(gone.errorLog).toBe('lock taken\nlock released\n');
  });

  it('stores a cut-short upload as if it were whole', async () => {
    const short = await runExample(engine, 'debug-short-upload');
    expect(atob(short.response.bodyBase64)).toBe('stored 6 bytes\n');
  });

  it('buffers every chunk behind the Content-Length middleware, and streams behind its fix', async () => {
    const buffered = await runExample(engine, 'debug-buffering-middleware');
    expect(appSteps(buffered)).toEqual([
      'layer.yield',
      'layer.yield',
      'layer.yield',
      'headers.commit',
    ]);
    const streamed = await runExample(engine, 'debug-streaming-middleware');
    expect(appSteps(streamed)).toEqual([
      'layer.yield',
      'headers.commit',
      'layer.yield',
      'layer.yield',
    ]);
    expect(atob(streamed.response.bodyBase64)).toBe(atob(buffered.response.bodyBase64));
  });

  it('names, for each fix, the example it fixes (offered compared in the gallery)', () => {
    const fixes = EXAMPLES.filter((example) => example.compareWith !== undefined);
    expect(fixes.map((fix) => fix.id)).toEqual([
      'debug-disconnect-finally',
      'debug-streaming-middleware',
      'flask-stream-with-context',
      'flask-middleware-rewinds-form',
    ]);
    for (const fix of fixes) expect(exampleById(fix.compareWith ?? '')?.group).toBe(fix.group);
  });
});

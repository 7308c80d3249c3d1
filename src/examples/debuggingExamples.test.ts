import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { exampleProject } from './example.ts';
import { exampleById, exampleRequest } from './gallery.ts';

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
});

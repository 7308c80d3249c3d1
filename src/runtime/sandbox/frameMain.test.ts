/**
 * The sandbox frame's script, run the way the frame runs it — from its text, with the frame's
 * globals passed in (a stand-in Worker) — so that it is known to need nothing from its module.
 */
import { resolveObjectURL } from 'node:buffer';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxDocument } from './frameMain.ts';

/** A Worker stand-in: it records Python workers, and does the unpacking worker's job. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static unpackers = 0;
  listeners: Record<string, ((event: unknown) => void)[]> = {};
  posted: { message: Record<string, unknown>; transfer: unknown[] }[] = [];
  terminated = false;
  constructor(
    public url: string,
    public options: { name?: string } = {},
  ) {
    if (options.name === 'unpack-image') FakeWorker.unpackers++;
    else FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  removeEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
  }
  emit(type: string, event: unknown) {
    for (const listener of this.listeners[type] ?? []) listener(event);
  }
  postMessage(message: Record<string, unknown>, transfer: unknown[]) {
    if (this.options.name !== 'unpack-image') return void this.posted.push({ message, transfer });
    const unpacked = new Uint8Array(gunzipSync(new Uint8Array(message as unknown as ArrayBuffer)));
    setTimeout(() => this.emit('message', { data: unpacked.buffer }), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const ORIGINS = ['http://localhost:4173'];
const WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]); // the empty module

/** Start the frame's script as the frame would, and connect to it like the page. */
function startFrame() {
  const html = sandboxDocument("default-src 'none'", ORIGINS);
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
  const windowListeners: ((event: unknown) => void)[] = [];
  const parent = {};
  const window = {
    parent,
    addEventListener: (_type: string, l: (event: unknown) => void) => windowListeners.push(l),
    removeEventListener: (_type: string, l: (event: unknown) => void) =>
      windowListeners.splice(windowListeners.indexOf(l), 1),
  };
  const frameGlobals = { crossOriginIsolated: true };
  new Function('window', 'Worker', 'globalThis', script)(window, FakeWorker, frameGlobals);
  const { port1, port2 } = new MessageChannel();
  const heard: Record<string, unknown>[] = [];
  port1.addEventListener('message', (event) => heard.push(event.data));
  port1.start();
  for (const listener of windowListeners.slice()) {
    listener({ source: parent, ports: [port2], data: { type: 'connect' } });
  }
  const file = (name: string, bytes: Uint8Array | string) => {
    // A copy that owns its ArrayBuffer (a Node Buffer may be a view into a shared pool).
    const buffer =
      typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
    port1.postMessage({ type: 'file', name, bytes: buffer.buffer }, [buffer.buffer]);
  };
  const start = (id: number) => {
    const { port2: workerPort } = new MessageChannel();
    port1.postMessage({ type: 'start', id }, [workerPort]);
  };
  return { port1, heard, file, start, windowListeners };
}

/** A wheel as the page registers it. */
const wheel = () => ({
  filename: 'tinyfw-1.0-py3-none-any.whl',
  bytes: new Uint8Array([1, 2]).buffer,
});

afterEach(() => {
  FakeWorker.made = [];
  FakeWorker.unpackers = 0;
});

describe('the sandbox frame', () => {
  it('starts each worker once the files are there, boots it when it listens, and owns its buffer', async () => {
    const frame = startFrame();
    await vi.waitFor(() => expect(frame.heard).toEqual([{ type: 'hello', isolated: true }]));
    expect(frame.windowListeners).toHaveLength(0); // the page connects once
    frame.start(1);
    frame.file('worker', 'export {}');
    frame.file('asm', 'export default () => {}');
    frame.file('stdlib', new Uint8Array([80, 75]));
    frame.file('lock', '{"info": {}}');
    frame.file('wasm', WASM);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeWorker.made).toHaveLength(0); // the image is not there yet
    frame.file('image', gzipSync('the snapshot'));
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(1));
    const worker = FakeWorker.made[0]!;
    const bootstrap = await resolveObjectURL(worker.url)!.text();
    expect(bootstrap).toMatch(/delete at\.importScripts/);
    expect(bootstrap).toMatch(/self\.takeBootMessages = /); // keeps the boot for the module
    expect(bootstrap).toMatch(/import\("blob:nodedata:/);
    expect(worker.posted).toHaveLength(1);
    const { message, transfer } = worker.posted[0]!;
    expect(message).toMatchObject({ type: 'boot', connect: ORIGINS });
    const runtime = message.runtime as { lock: string; wasm: unknown; asm: ArrayBuffer };
    expect(runtime.lock).toBe('{"info": {}}');
    expect(runtime.wasm).toBeInstanceOf(WebAssembly.Module);
    expect(new TextDecoder().decode(runtime.asm)).toBe('export default () => {}');
    const image = message.image as { bytes: ArrayBuffer };
    expect(new TextDecoder().decode(image.bytes)).toBe('the snapshot'); // unpacked
    expect(FakeWorker.unpackers).toBe(1); // off the frame's thread
    expect(transfer[0]).toBeInstanceOf(MessagePort);
    expect(transfer).toContain(image.bytes); // a copy of its own, handed over

    const buffer = message.interruptBuffer as Int32Array;
    expect(buffer.buffer).toBeInstanceOf(SharedArrayBuffer);
    frame.port1.postMessage({ type: 'interrupt', id: 1 });
    await vi.waitFor(() => expect(Atomics.load(buffer, 0)).toBe(2));
    worker.emit('error', { message: 'out of memory', preventDefault: () => {} });
    await vi.waitFor(() =>
      expect(frame.heard).toContainEqual({ type: 'crashed', id: 1, message: 'out of memory' }),
    );
    frame.port1.postMessage({ type: 'terminate', id: 1 });
    await vi.waitFor(() => expect(worker.terminated).toBe(true));

    frame.start(2); // the next worker gets the same files, in copies of its own
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(2));
    const next = FakeWorker.made[1]!.posted[0]!.message as { image: { bytes: ArrayBuffer } };
    expect(new TextDecoder().decode(next.image.bytes)).toBe('the snapshot');
    expect(next.image.bytes).not.toBe(image.bytes);
    frame.port1.close();
  });

  it('says why a worker could not start, and boots plainly when the image is missing', async () => {
    const frame = startFrame();
    frame.port1.postMessage({ type: 'file', name: 'wasm', error: 'pyodide.asm.wasm answered 404' });
    frame.start(7);
    await vi.waitFor(() =>
      expect(frame.heard).toContainEqual({
        type: 'crashed',
        id: 7,
        message: expect.stringMatching(
          /files could not be loaded: Error: pyodide.asm.wasm answered 404/,
        ),
      }),
    );
    expect(FakeWorker.made).toHaveLength(0);

    const other = startFrame();
    for (const name of ['worker', 'asm', 'stdlib', 'lock']) other.file(name, 'x');
    other.file('wasm', WASM);
    other.port1.postMessage({
      type: 'file',
      name: 'image',
      error: 'wsgi-image.bin.gz answered 404',
    });
    other.start(1);
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(1));
    expect(FakeWorker.made[0]!.posted[0]?.message.image).toEqual({
      missing: 'wsgi-image.bin.gz answered 404',
    });
    frame.port1.close();
    other.port1.close();
  });

  it('boots workers from a registered package set, or to make its image, with copies of their own', async () => {
    const frame = startFrame();
    for (const name of ['worker', 'asm', 'stdlib', 'lock']) frame.file(name, 'x');
    frame.file('wasm', WASM);
    frame.file('image', 'the server image');
    const image = new TextEncoder().encode('the flask image').buffer;
    frame.port1.postMessage(
      { type: 'packages', key: 'k1', image, wheels: [wheel()], imports: ['tinyfw'] },
      [image],
    );
    const { port2: one } = new MessageChannel();
    frame.port1.postMessage({ type: 'start', id: 1, packages: 'k1' }, [one]);
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(1));
    const boot = FakeWorker.made[0]!.posted[0]!;
    const packages = boot.message.packages as { key: string; wheels: { bytes: Uint8Array }[] };
    expect(packages).toMatchObject({ key: 'k1', imports: ['tinyfw'] });
    expect([...packages.wheels[0]!.bytes]).toEqual([1, 2]);
    const restored = boot.message.image as { bytes: ArrayBuffer };
    expect(new TextDecoder().decode(restored.bytes)).toBe('the flask image');
    expect(boot.transfer).toContain(restored.bytes);
    expect(boot.transfer).toContain(packages.wheels[0]!.bytes.buffer);

    const { port2: two } = new MessageChannel();
    const make = { key: 'k2', wheels: [wheel()], imports: ['tinyfw'] };
    frame.port1.postMessage({ type: 'start', id: 2, make }, [two]);
    await vi.waitFor(() => expect(FakeWorker.made).toHaveLength(2));
    const making = FakeWorker.made[1]!.posted[0]!.message;
    expect(making.image).toBeNull();
    expect(making.packages).toMatchObject({ key: 'k2', make: true });

    const { port2: three } = new MessageChannel();
    frame.port1.postMessage({ type: 'start', id: 3, packages: 'unknown' }, [three]);
    await vi.waitFor(() =>
      expect(frame.heard).toContainEqual({
        type: 'crashed',
        id: 3,
        message: 'its package set is not registered',
      }),
    );
    expect(FakeWorker.made).toHaveLength(2);
    frame.port1.close();
  });
});

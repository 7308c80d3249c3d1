/**
 * The sandbox frame's script: it runs inside an iframe with `sandbox="allow-scripts"` (an
 * opaque origin: no IndexedDB, Cache Storage or cookies of the site's, no way into the page)
 * and starts the Python workers there, so they share the frame's origin and its policy.
 *
 * The page talks to it over one MessagePort (sandboxProtocol.ts): it sends Pyodide's files as
 * bytes — the frame's own requests would not go through the site's service worker, and the
 * site stays usable offline — and asks it to start, interrupt and terminate workers. Each
 * worker gets a port of the page's, so runs go straight between the page and the worker.
 *
 * It is injected into the frame as text (`String(sandboxFrameMain)`), so it uses nothing from
 * outside its own body.
 */
/* oxlint-disable unicorn/consistent-function-scoping -- its helpers must stay inside it */

/** The frame's entry; `connect` is the origins a run may reach (its policy says the same). */
export function sandboxFrameMain(connect: string[]): void {
  type Deferred = {
    promise: Promise<unknown>;
    resolve(value: unknown): void;
    reject(e: unknown): void;
  };
  const files = new Map<string, Deferred>();
  const file = (name: string): Deferred => {
    let entry = files.get(name);
    if (!entry) {
      const made: Partial<Deferred> = {};
      made.promise = new Promise((resolve, reject) => Object.assign(made, { resolve, reject }));
      made.promise.catch(() => {}); // reported to the worker that needs it
      entry = made as Deferred;
      files.set(name, entry);
    }
    return entry;
  };
  const isolated =
    globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  type Slot = { worker: Worker | null; interrupt: Int32Array | null; pause: Int32Array | null };
  const workers = new Map<number, Slot>();
  type Wheel = { filename: string; bytes: ArrayBuffer };
  type PackageSet = { image: ArrayBuffer | null; why: string; wheels: Wheel[]; imports: string[] };
  /** The package sets registered, newest last (a few are kept: each image is ~40 MB). */
  const packageSets = new Map<string, PackageSet>();
  let control: MessagePort | null = null;

  const report = (message: object): void => control?.postMessage(message);

  /**
   * The image, unpacked when it is gzip (a host may have unpacked it already), in a worker of
   * its own: inflating 30 MB takes ~200 ms, and this frame may share its thread with the page.
   */
  function unpack(bytes: ArrayBuffer): Promise<ArrayBuffer> {
    const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
    if (head[0] !== 0x1f || head[1] !== 0x8b) return Promise.resolve(bytes);
    const script = [
      'onmessage = async (event) => {',
      "  const stream = new Blob([event.data]).stream().pipeThrough(new DecompressionStream('gzip'));",
      '  try {',
      '    const unpacked = await new Response(stream).arrayBuffer();',
      '    postMessage(unpacked, [unpacked]);',
      '  } catch (error) {',
      '    postMessage(String(error));',
      '  }',
      '};',
    ];
    const url = URL.createObjectURL(new Blob([script.join('\n')], { type: 'text/javascript' }));
    const unpacker = new Worker(url, { name: 'unpack-image' });
    return new Promise((resolve, reject) => {
      const done = (): void => {
        unpacker.terminate();
        URL.revokeObjectURL(url);
      };
      unpacker.addEventListener('message', (event: MessageEvent) => {
        done();
        if (event.data instanceof ArrayBuffer) resolve(event.data);
        else reject(new Error(String(event.data)));
      });
      unpacker.addEventListener('error', (event) => {
        done();
        reject(new Error(event.message || 'the unpacking worker failed'));
      });
      unpacker.postMessage(bytes, [bytes]);
    });
  }

  function receive(name: string, bytes: ArrayBuffer | null, error: string | null): void {
    const entry = file(name);
    if (name === 'image') {
      // A missing image is no failure: the worker boots plainly (and says why, if it was meant
      // to have one).
      if (error !== null) return entry.resolve({ missing: error });
      if (!bytes) return entry.resolve(null);
      return void unpack(bytes).then(
        (unpacked) => entry.resolve({ bytes: unpacked }),
        (why: unknown) =>
          entry.resolve({ missing: `the image could not be unpacked (${String(why)})` }),
      );
    }
    if (error !== null || !bytes) return entry.reject(new Error(error ?? `${name} is missing`));
    if (name === 'wasm') return void WebAssembly.compile(bytes).then(entry.resolve, entry.reject);
    if (name === 'worker') return entry.resolve(workerBootstrap(bytes));
    entry.resolve(name === 'lock' ? new TextDecoder().decode(bytes) : bytes);
  }

  /**
   * A classic worker script that imports the worker's module. Chromium refuses module workers
   * from blob URLs in an opaque origin, but a classic one may import a module. It keeps the
   * boot message, which arrives before the module has loaded, until the module takes it (no
   * round trip: this frame may share its thread with the busy page). Workers have no use for
   * importScripts, and Pyodide refuses to run where it works: it is replaced first.
   */
  function workerBootstrap(bytes: ArrayBuffer): string {
    const blob = (parts: BlobPart[]) =>
      URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
    const module = blob([bytes]);
    return blob([
      'const pendingBoot = [];',
      'const keepBoot = (event) => pendingBoot.push(event);',
      "self.addEventListener('message', keepBoot);",
      'self.takeBootMessages = () => {',
      "  self.removeEventListener('message', keepBoot);",
      '  delete self.takeBootMessages;',
      '  return pendingBoot.splice(0);',
      '};',
      'for (let at = self; at; at = Object.getPrototypeOf(at)) delete at.importScripts;',
      "self.importScripts = () => { throw new Error('The sandbox has no importScripts: a run may not load scripts.'); };",
      `import(${JSON.stringify(module)}).catch((error) => setTimeout(() => { throw error; }));`,
    ]);
  }

  /** Remember a package set, forgetting the oldest past three. */
  function register(key: string, set: PackageSet): void {
    packageSets.delete(key);
    packageSets.set(key, set);
    for (const old of packageSets.keys()) {
      if (packageSets.size <= 3) break;
      packageSets.delete(old);
    }
  }

  type StartSpec = {
    packages?: string;
    make?: { key: string; wheels: Wheel[]; imports: string[] };
  };

  function start(id: number, port: MessagePort, spec: StartSpec): void {
    const slot: Slot = { worker: null, interrupt: null, pause: null };
    const set = spec.packages === undefined ? undefined : packageSets.get(spec.packages);
    if (spec.packages !== undefined && !set) {
      port.close();
      return report({ type: 'crashed', id, message: 'its package set is not registered' });
    }
    workers.set(id, slot);
    const names = ['worker', 'asm', 'stdlib', 'lock', 'wasm', 'image'];
    Promise.all(names.map((name) => file(name).promise)).then(
      ([url, asm, stdlib, lock, wasm, image]) => {
        if (workers.get(id) !== slot) return port.close(); // terminated before it started
        const worker = new Worker(url as string, { name: `python-${id}` });
        slot.worker = worker;
        slot.interrupt = isolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
        // A held run waits on this one for the page's command (see runtime/livePause.ts).
        slot.pause = isolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          report({ type: 'crashed', id, message: event.message || 'unknown error' });
        });
        // Each worker gets copies of its own, transferred (a run could write to shared ones).
        const own = (bytes: unknown) => (bytes as ArrayBuffer).slice(0);
        const base =
          image && 'bytes' in (image as object) ? (image as { bytes: unknown }).bytes : null;
        let snapshot = base ? own(base) : null;
        let chosen: unknown = snapshot ? { bytes: snapshot } : image;
        let packages: object | undefined;
        const moved: ArrayBuffer[] = [];
        const wheelsOf = (wheels: Wheel[]) =>
          wheels.map((wheel) => {
            const bytes = own(wheel.bytes);
            moved.push(bytes);
            return { filename: wheel.filename, bytes: new Uint8Array(bytes) };
          });
        if (set && spec.packages !== undefined) {
          snapshot = set.image ? own(set.image) : null;
          chosen = snapshot ? { bytes: snapshot } : { missing: set.why };
          packages = { key: spec.packages, wheels: wheelsOf(set.wheels), imports: set.imports };
        } else if (spec.make) {
          snapshot = null;
          chosen = null;
          packages = { ...spec.make, wheels: wheelsOf(spec.make.wheels), make: true };
        }
        const library = own(stdlib);
        const boot = {
          type: 'boot',
          interruptBuffer: slot.interrupt,
          pauseBuffer: slot.pause,
          runtime: { asm, stdlib: library, lock, wasm },
          image: chosen,
          connect,
          ...(packages ? { packages } : {}),
        };
        worker.postMessage(boot, [port, library, ...(snapshot ? [snapshot] : []), ...moved]);
      },
      (error: unknown) => {
        workers.delete(id);
        port.close();
        report({
          type: 'crashed',
          id,
          message: `Python's files could not be loaded: ${String(error)}`,
        });
      },
    );
  }

  /** Give a held run its command (as livePause.ts's sendCommand; this body stands alone). */
  function command(buffer: Int32Array, code: number): void {
    Atomics.store(buffer, 0, code);
    Atomics.notify(buffer, 0);
  }

  function handle(message: Record<string, unknown>, ports: readonly MessagePort[]): void {
    const id = typeof message.id === 'number' ? message.id : -1;
    if (message.type === 'file' && typeof message.name === 'string') {
      const bytes = message.bytes instanceof ArrayBuffer ? message.bytes : null;
      receive(message.name, bytes, typeof message.error === 'string' ? message.error : null);
    } else if (message.type === 'start' && ports[0]) {
      start(id, ports[0], {
        ...(typeof message.packages === 'string' ? { packages: message.packages } : {}),
        ...(message.make ? { make: message.make as NonNullable<StartSpec['make']> } : {}),
      });
    } else if (message.type === 'packages' && typeof message.key === 'string') {
      register(message.key, {
        image: message.image instanceof ArrayBuffer ? message.image : null,
        why: typeof message.why === 'string' ? message.why : 'no image was made',
        wheels: Array.isArray(message.wheels) ? (message.wheels as Wheel[]) : [],
        imports: Array.isArray(message.imports) ? (message.imports as string[]) : [],
      });
    } else if (message.type === 'interrupt') {
      const slot = workers.get(id);
      if (slot?.interrupt) Atomics.store(slot.interrupt, 0, 2);
      // A held run is let go to the end, so that Python meets the interrupt at once.
      if (slot?.pause) command(slot.pause, 3);
    } else if (message.type === 'resume' && typeof message.code === 'number') {
      const buffer = workers.get(id)?.pause;
      if (buffer && message.code >= 1 && message.code <= 3) command(buffer, message.code);
    } else if (message.type === 'terminate') {
      workers.get(id)?.worker?.terminate();
      workers.delete(id);
    }
  }

  // The page connects once, through a port of its own; later messages on the window (a run's
  // code cannot reach this window, but a page could) are ignored.
  window.addEventListener('message', function connectOnce(event: MessageEvent) {
    const port = event.ports[0];
    if (event.source !== window.parent || !port || control) return;
    window.removeEventListener('message', connectOnce);
    control = port;
    port.addEventListener('message', (m: MessageEvent) => handle(Object(m.data), m.ports));
    port.start();
    report({ type: 'hello', isolated });
  });
}

/** The frame's document: its policy and its script, for the iframe's `srcdoc`. */
export function sandboxDocument(policy: string, connect: readonly string[]): string {
  const script = String(sandboxFrameMain);
  if (/<\/script|<!--/i.test(script)) throw new Error('the sandbox script cannot be inlined');
  const args = JSON.stringify(connect).replaceAll('<', '\\u003c');
  const attribute = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attribute}">`,
    `</head><body><script>(${script})(${args});</script></body></html>`,
  ].join('');
}

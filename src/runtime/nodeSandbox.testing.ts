/**
 * A sandbox for engine tests in Node: `launch` and `addPackages` with the frame's behaviour
 * (sandbox/frameMain.ts — registered package sets, their images and wheels handed to each
 * worker as copies, and workers that make an image), over the real worker host and a real
 * Pyodide. It counts what it was asked to do.
 */
import { strToU8, zipSync } from 'fflate';
import { loadPyodide } from 'pyodide';
import type { PackageRegistry } from './sandbox/pageSandbox.ts';
import { bootPyodide, restorePyodide, type NodeImage } from './nodeImage.ts';
import { createWorkerHost } from './workerHost.ts';
import type { LaunchSpec, PackageBoot, WorkerLink } from './workerLink.ts';
import type { FromWorker, RuntimeFiles } from './workerProtocol.ts';

const NO_RUNTIME: RuntimeFiles = {
  asm: new ArrayBuffer(0),
  stdlib: new ArrayBuffer(0),
  lock: '{}',
  wasm: undefined as unknown as WebAssembly.Module,
};

/** A pure-Python wheel of `files` (PEP 427's layout, no RECORD hashes needed to unpack). */
export function tinyWheel(name: string, version: string, files: Record<string, string>) {
  const info = `${name}-${version}.dist-info`;
  const entries: Record<string, Uint8Array> = {
    [`${info}/METADATA`]: strToU8(`Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`),
    [`${info}/WHEEL`]: strToU8('Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
    [`${info}/RECORD`]: strToU8(''),
  };
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return { filename: `${name}-${version}-py3-none-any.whl`, bytes: zipSync(entries) };
}

/** A WorkerLink over `port` that cannot be interrupted or held (as an unisolated frame's). */
export function plainLink(port: MessagePort): WorkerLink {
  return {
    port,
    interrupt: () => false,
    resume: () => false,
    terminate: () => port.close(),
    onCrash: () => {},
  };
}

/** The sandbox stand-in: how many workers it started, and how many made an image. */
export function nodeSandbox(image: NodeImage) {
  const sets = new Map<string, { set: PackageBoot; image: ArrayBuffer | null; why?: string }>();
  const counts = { launched: 0, made: 0 };

  const addPackages: PackageRegistry = (set, bytes, why) => {
    const wheels = set.wheels.map((wheel) => ({ ...wheel, bytes: wheel.bytes.slice() }));
    const entry = { set: { ...set, wheels }, image: bytes ? bytes.slice(0) : null };
    sets.set(set.key, why ? { ...entry, why } : entry);
  };

  function launch(spec?: LaunchSpec): WorkerLink {
    counts.launched++;
    const { port1, port2 } = new MessageChannel();
    const handle = createWorkerHost({
      post: (message: FromWorker) => port2.postMessage(message),
      loadPyodide: async ({ _makeSnapshot: making, _loadSnapshot: snapshot }) => {
        if (making) return loadPyodide({ _makeSnapshot: true, stdout: () => {} });
        return snapshot ? restorePyodide(new Uint8Array(await snapshot)) : bootPyodide();
      },
      now: () => performance.now(),
    });
    port2.addEventListener('message', (event: MessageEvent) => handle(event.data));
    port2.start();
    const base = {
      type: 'boot' as const,
      interruptBuffer: null,
      pauseBuffer: null,
      runtime: NO_RUNTIME,
      connect: [],
    };
    const registered = spec && 'packages' in spec ? sets.get(spec.packages) : undefined;
    if (spec && 'makeImage' in spec) {
      counts.made++;
      handle({ ...base, image: null, packages: { ...spec.makeImage, make: true } });
    } else if (registered) {
      const wheels = registered.set.wheels.map((wheel) => ({
        ...wheel,
        bytes: wheel.bytes.slice(),
      }));
      const file = registered.image
        ? { bytes: registered.image.slice(0) }
        : { missing: registered.why ?? 'no image' };
      handle({ ...base, image: file, packages: { ...registered.set, wheels } });
    } else {
      handle({ ...base, image: { bytes: image.bytes.slice().buffer } });
    }
    return plainLink(port1);
  }

  return { launch, addPackages, counts };
}

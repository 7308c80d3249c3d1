/**
 * The page's side of the sandbox: a hidden iframe with `sandbox="allow-scripts"` (an opaque
 * origin, so a run's code cannot open the site's IndexedDB or Cache Storage, where the site and
 * its cached packages live) and a Content-Security-Policy that lets it connect only to the site
 * and the package index. The Python workers are started inside it (frameMain.ts); the page
 * fetches Pyodide's files — through its service worker, so a repeat visit works offline — and
 * hands them over as bytes.
 *
 * When the page is cross-origin isolated, so is the frame (`allow="cross-origin-isolated"`,
 * and a `srcdoc` document inherits the page's COEP): the frame then interrupts Python through a
 * shared buffer. Otherwise a stop terminates the worker.
 */
import type { LaunchSpec, LaunchWorker, PackageBoot, WorkerLink } from '../workerLink.ts';
import { sandboxDocument } from './frameMain.ts';
import { originsOf, sandboxPolicy } from './sandboxPolicy.ts';
import {
  parseFromSandbox,
  RUNTIME_FILE_NAMES,
  type RuntimeFileName,
  type ToSandbox,
} from './sandboxProtocol.ts';

/** Where the site serves each of Pyodide's files and the interpreter image (null: none). */
export type RuntimeFileURLs = Record<Exclude<RuntimeFileName, 'image'>, string> & {
  image: string | null;
};

/**
 * Register a package set: later `launch({ packages: key })` boots from `image` (null: there is
 * none, `why`) and writes the wheels. The bytes are copied, so the caller keeps its own.
 */
export type PackageRegistry = (set: PackageBoot, image: ArrayBuffer | null, why?: string) => void;

/** Copies of a set's wheels, to transfer. */
const wheelCopies = (set: PackageBoot) =>
  set.wheels.map((wheel) => ({ filename: wheel.filename, bytes: wheel.bytes.slice().buffer }));

/** What the sandbox needs from the page. */
export interface SandboxOptions {
  /** The document to put the frame in. */
  document: Document;
  files: RuntimeFileURLs;
  /** What runs may connect to besides nothing: the site and the package index (URLs or origins). */
  connect: readonly string[];
  fetch?: (url: string) => Promise<Response>;
}

/** The sandbox, as the engine uses it. */
export interface Sandbox {
  /** Start a Python worker in the frame. */
  launch: LaunchWorker;
  /** Register a package set with the frame (see PackageRegistry). */
  addPackages: PackageRegistry;
  /** Whether the frame can interrupt Python; null until the frame has said. */
  readonly isolated: boolean | null;
  /** Remove the frame, and every worker in it. */
  dispose(): void;
}

/** Fetch `url` whole; a failure says which file and why. */
async function fetchBytes(
  fetcher: (url: string) => Promise<Response>,
  url: string,
): Promise<ArrayBuffer> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Put the sandbox frame in the document, start fetching the runtime files for it, and return
 * the way to start workers there.
 *
 * @example
 * const sandbox = createSandbox({ document, files, connect: [location.origin] });
 * const link = sandbox.launch(); // link.port hears `progress`, then `ready`
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const { document } = options;
  const fetcher = options.fetch ?? ((url: string) => fetch(url));
  const connect = originsOf(options.connect);
  const control = new MessageChannel();
  const crashListeners = new Map<number, (message: string) => void>();
  let isolated: boolean | null = null;
  let nextId = 1;

  const send = (message: ToSandbox, transfer: Transferable[] = []): void =>
    control.port1.postMessage(message, transfer);

  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = 'Python sandbox';
  frame.hidden = true;
  frame.srcdoc = sandboxDocument(sandboxPolicy(connect), connect);
  frame.addEventListener(
    'load',
    // The frame's origin is opaque, so no target origin but '*' reaches it; the port is all
    // it gets, and only this frame's window receives it.
    () => frame.contentWindow?.postMessage({ type: 'connect' }, '*', [control.port2]),
    { once: true },
  );
  control.port1.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseFromSandbox(event.data);
    if (message?.type === 'hello') isolated = message.isolated;
    else if (message?.type === 'crashed') {
      const listener = crashListeners.get(message.id);
      crashListeners.delete(message.id);
      listener?.(message.message);
    }
  });
  control.port1.start();
  document.body.append(frame);

  for (const name of RUNTIME_FILE_NAMES) {
    const url = options.files[name];
    if (url === null) continue; // no image: the worker boots plainly
    fetchBytes(fetcher, url).then(
      (bytes) => send({ type: 'file', name, bytes }, [bytes]),
      (error: unknown) =>
        send({ type: 'file', name, error: error instanceof Error ? error.message : String(error) }),
    );
  }
  if (options.files.image === null) send({ type: 'file', name: 'image', bytes: null });

  const addPackages: PackageRegistry = (set, image, why) => {
    const wheels = wheelCopies(set);
    const copy = image ? image.slice(0) : null;
    const message: ToSandbox = {
      type: 'packages',
      key: set.key,
      image: copy,
      ...(why ? { why } : {}),
      wheels,
      imports: [...set.imports],
    };
    send(message, [...(copy ? [copy] : []), ...wheels.map((wheel) => wheel.bytes)]);
  };

  function launch(spec?: LaunchSpec): WorkerLink {
    const id = nextId++;
    const channel = new MessageChannel();
    if (spec && 'makeImage' in spec) {
      const { key, imports } = spec.makeImage;
      const wheels = wheelCopies(spec.makeImage);
      const make = { key, wheels, imports: [...imports] };
      send({ type: 'start', id, make }, [channel.port2, ...wheels.map((wheel) => wheel.bytes)]);
    } else {
      const packages = spec?.packages;
      send({ type: 'start', id, ...(packages ? { packages } : {}) }, [channel.port2]);
    }
    return {
      port: channel.port1,
      interrupt() {
        if (isolated !== true) return false;
        send({ type: 'interrupt', id });
        return true;
      },
      resume(code) {
        if (isolated !== true) return false;
        send({ type: 'resume', id, code });
        return true;
      },
      terminate() {
        crashListeners.delete(id);
        send({ type: 'terminate', id });
        channel.port1.close();
      },
      onCrash(listener) {
        crashListeners.set(id, listener);
      },
    };
  }

  return {
    launch,
    addPackages,
    get isolated() {
      return isolated;
    },
    dispose() {
      crashListeners.clear();
      control.port1.close();
      frame.remove();
    },
  };
}

/**
 * The interpreter image of each package set (DESIGN.md, "The interpreter's life"): an image of
 * the server with the set's wheels installed and its modules imported, so that a run of a Flask
 * app restores Flask already imported instead of importing it (1.9 s) every time. It comes from
 * the page's store (kept between visits), else it is made once in a worker of its own — one that
 * runs no app — and stored; then it is registered with the sandbox, whose workers boot from it.
 *
 * A set whose image cannot be made still runs: its workers boot plainly and import the set.
 */
import type { ImageStore, PackageSet } from './packageSet.ts';
import type { PackageRegistry } from './sandbox/pageSandbox.ts';
import type { LaunchWorker, PackageBoot } from './workerLink.ts';
import { parseFromWorker } from './workerProtocol.ts';

/** What making and keeping images needs. */
export interface PackageImageOptions {
  launch: LaunchWorker;
  addPackages: PackageRegistry;
  imageStore?: ImageStore | undefined;
  /** A making that takes longer than this has failed (default 3 minutes). */
  makeTimeoutMs?: number;
}

/** The names of a set's packages, for messages ("flask, werkzeug and 5 more"). */
export function packageNames(set: Pick<PackageSet, 'wheels'>): string {
  const names = set.wheels.map((wheel) => wheel.filename.split('-')[0] ?? wheel.filename);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

/** Make `set`'s image in a worker of its own; resolves with its bytes. */
export function makePackageImage(
  launch: LaunchWorker,
  set: PackageBoot,
  timeoutMs = 180_000,
): Promise<ArrayBuffer> {
  const link = launch({ makeImage: set });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<ArrayBuffer>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`it took longer than ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    link.onCrash((message) => reject(new Error(message)));
    link.port.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = parseFromWorker(event.data);
      if (message?.type === 'image') resolve(message.bytes);
      else if (message?.type === 'failed') reject(new Error(message.message));
      else if (!message) reject(new Error('the worker sent a malformed message'));
    });
    link.port.start();
  }).finally(() => {
    clearTimeout(timer);
    link.terminate();
  });
}

/** Create the keeper of package images. */
export function createPackageImages(options: PackageImageOptions) {
  const registered = new Map<string, Promise<void>>();
  /** The sets registered with an image (not those that boot plainly). */
  const imaged = new Set<string>();

  async function prepare(set: PackageSet, onProgress?: (message: string) => void): Promise<void> {
    const boot: PackageBoot = { key: set.key, wheels: set.wheels, imports: set.imports };
    let image = (await options.imageStore?.get(set.key).catch(() => null)) ?? null;
    if (image?.byteLength === 0) image = null; // forgotten (see `forget`)
    let why: string | undefined;
    if (!image) {
      onProgress?.(`Preparing Python with ${packageNames(set)} (once for these packages)…`);
      try {
        image = await makePackageImage(options.launch, boot, options.makeTimeoutMs);
        await options.imageStore?.put(set.key, image).catch(() => {});
      } catch (error) {
        why = `no image could be made for these packages (${error instanceof Error ? error.message : String(error)}), so each run imports them`;
      }
    }
    options.addPackages(boot, image, why);
    if (image) imaged.add(set.key);
  }

  return {
    /** Have `set`'s image registered with the sandbox (once per set in this page). */
    ensure(set: PackageSet, onProgress?: (message: string) => void): Promise<void> {
      let ready = registered.get(set.key);
      if (!ready) {
        ready = prepare(set, onProgress);
        registered.set(set.key, ready);
        ready.catch(() => registered.delete(set.key));
      }
      return ready;
    },
    /**
     * A worker of `key` could not restore its image (made for another version of the server):
     * forget it, here and in the store, so the next run makes it again.
     */
    forget(key: string): void {
      if (!imaged.delete(key)) return;
      registered.delete(key);
      void options.imageStore?.put(key, new ArrayBuffer(0)).catch(() => {});
    },
  };
}

/** The keeper's type. */
export type PackageImages = ReturnType<typeof createPackageImages>;

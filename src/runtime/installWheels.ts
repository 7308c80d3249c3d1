/**
 * Install wheel files into an interpreter before a run: each is unpacked into Pyodide's
 * site-packages (a wheel is a zip of the package and its `.dist-info`; nothing is compiled or
 * run). Each run gets an interpreter of its own, restored from the image with a file system of
 * its own, so what one run installs is gone for the next.
 */
import type { PyodideAPI } from 'pyodide';

/** Where pure-Python wheels go in Pyodide 314.0.7 (Python 3.14). */
export const SITE_PACKAGES = '/lib/python3.14/site-packages';

/** One wheel file to install: its name (it must end `.whl`) and its bytes. */
export interface WheelFile {
  filename: string;
  bytes: Uint8Array;
}

/** Unpack `wheels` into site-packages, then let `import` see them. */
export function installWheels(pyodide: PyodideAPI, wheels: readonly WheelFile[]): void {
  if (wheels.length === 0) return;
  for (const wheel of wheels) {
    if (!wheel.filename.endsWith('.whl')) throw new Error(`${wheel.filename} is not a wheel`);
    // unpackArchive refuses a Node Buffer ("Unknown typed array type"): hand it a plain view.
    const bytes = new Uint8Array(wheel.bytes.buffer, wheel.bytes.byteOffset, wheel.bytes.length);
    pyodide.unpackArchive(bytes, 'wheel', { extractDir: SITE_PACKAGES });
  }
  pyodide.runPython('import importlib; importlib.invalidate_caches()');
}

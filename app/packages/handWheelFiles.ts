/**
 * Wheel files the person adds by hand: checked to be wheels by name, hashed, and their bytes
 * kept in the page's store by sha256; the project lists them by file name and sha256.
 */
import type { HandWheelEntry } from '../../src/index.ts';
import { parseWheelName } from '../../src/packages/index.ts';
import type { PackageStore } from './packageStore.ts';
import { sha256Hex } from './sha256.ts';

/** A wheel file is at most this large (a pure-Python wheel is rarely over a few MB). */
export const MAX_WHEEL_BYTES = 64 * 1024 * 1024;

/** What a dropped or chosen file gives (a `File` does). */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why `file` cannot be added, or null. */
export function wheelFileProblem(file: Pick<ChosenFile, 'name' | 'size'>): string | null {
  if (!file.name.endsWith('.whl')) return `${file.name} is not a wheel (.whl) file.`;
  if (file.name.includes('/') || parseWheelName(file.name) === null)
    return `${file.name} is not named as a wheel is (name-version-python-abi-platform.whl).`;
  if (file.size > MAX_WHEEL_BYTES)
    return `${file.name} is larger than ${MAX_WHEEL_BYTES / 1024 / 1024} MB.`;
  return null;
}

/** `existing` with `added`: a file of the same name or sha256 is replaced, in its place. */
export function withHandWheels(
  existing: readonly HandWheelEntry[],
  added: readonly HandWheelEntry[],
): HandWheelEntry[] {
  const out = [...existing];
  for (const wheel of added) {
    const at = out.findIndex((w) => w.filename === wheel.filename || w.sha256 === wheel.sha256);
    if (at === -1) out.push(wheel);
    else out[at] = wheel;
  }
  return out;
}

/** Keep the wheel files among `files` in `store`; the wheels kept, and why others were not. */
export async function keepHandWheels(
  files: readonly ChosenFile[],
  store: Pick<PackageStore, 'handWheels'>,
): Promise<{ added: HandWheelEntry[]; refused: string[] }> {
  const added: HandWheelEntry[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const problem = wheelFileProblem(file);
    if (problem !== null) {
      refused.push(problem);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    await store.handWheels.put(sha256, { filename: file.name, bytes });
    added.push({ filename: file.name, sha256 });
  }
  return { added, refused };
}

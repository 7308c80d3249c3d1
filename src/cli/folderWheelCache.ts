/**
 * `--cache-dir`: the CLI's WheelCache, a folder of `${sha256}-${filename}` files. What it
 * returns is hashed again before use (verifiedWheels.ts), so a file changed in the folder is
 * fetched anew rather than installed.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WheelCache } from '../packages/index.ts';

/** A WheelCache in `folder` (made when the first file is kept). */
export function folderWheelCache(folder: string): WheelCache {
  const path = (sha256: string, filename: string) => join(folder, `${sha256}-${filename}`);
  return {
    async get(sha256, filename) {
      try {
        return new Uint8Array(await readFile(path(sha256, filename)));
      } catch {
        return null;
      }
    },
    async put(sha256, filename, bytes) {
      await mkdir(folder, { recursive: true });
      await writeFile(path(sha256, filename), bytes);
    },
    async delete(sha256, filename) {
      await rm(path(sha256, filename), { force: true });
    },
  };
}

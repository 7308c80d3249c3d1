/** Types of packageIndexServer.mjs, for the tests and specs that start it. */

/** A running index: its URL (`http://127.0.0.1:PORT/simple/`), the paths asked, `close()`. */
export interface PackageIndex {
  url: string;
  /** The path of every request it got, in order (for tests: did the page reach the index?). */
  requests: string[];
  close(): Promise<void>;
}

/** PEP 503's normalized name. */
export function normalizeName(name: string): string;

/** Serve the wheels of `wheelsDir` as a PEP 691/503 simple index on 127.0.0.1. */
export function startPackageIndex(options: {
  wheelsDir: string;
  port?: number;
}): Promise<PackageIndex>;

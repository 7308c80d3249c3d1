/**
 * The fidelity table for Node-side tests: every app in `tests/fidelity_apps/` × every request
 * × every setting of `tests/fidelity_matrix.json` (the Python tests read the same files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequest, Settings } from '../trace/schema.ts';

const TESTS_DIR = join(import.meta.dirname, 'tests');

/** One row of the table. */
export interface FidelityCase {
  name: string;
  code: string;
  request: HttpRequest;
  settings: Partial<Settings>;
}

interface Matrix {
  requests: Array<Omit<HttpRequest, 'bodyBase64'> & { bodyBase64?: string }>;
  settings: Array<Partial<Settings>>;
}

/** Load the whole table. */
export function loadFidelityCases(): FidelityCase[] {
  const matrix = JSON.parse(
    readFileSync(join(TESTS_DIR, 'fidelity_matrix.json'), 'utf8'),
  ) as Matrix;
  const appsDir = join(TESTS_DIR, 'fidelity_apps');
  const cases: FidelityCase[] = [];
  for (const file of readdirSync(appsDir)
    .filter((f) => f.endsWith('.py'))
    .sort()) {
    const code = readFileSync(join(appsDir, file), 'utf8');
    matrix.requests.forEach((request, r) => {
      matrix.settings.forEach((settings, s) => {
        cases.push({
          name: `${file.slice(0, -3)} [request ${r}, settings ${s}]`,
          code,
          request: { bodyBase64: '', ...request },
          settings,
        });
      });
    });
  }
  return cases;
}

/** Drop the `Date` header line from a response head (it differs by the second). */
export function withoutDate(wire: Uint8Array): string {
  const text = Buffer.from(wire).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end + 4);
  return head.replace(/^Date: [^\r\n]*\r\n/m, '') + (end < 0 ? '' : text.slice(end + 4));
}

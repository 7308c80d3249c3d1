/**
 * The fidelity table for Node-side tests: every app in `tests/fidelity_apps/` × every request
 * × every setting of `tests/fidelity_matrix.json` (the Python tests read the same files). An
 * app is one `.py` file, or a folder holding a project entered at `app` (`app.py`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Project } from '../project/project.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';

const TESTS_DIR = join(import.meta.dirname, 'tests');
const APPS_DIR = join(TESTS_DIR, 'fidelity_apps');

/** One row of the table: one file's code, or a project. */
export type FidelityCase = (
  { code: string; project?: undefined } | { project: Project; code?: undefined }
) & {
  name: string;
  request: HttpRequest;
  settings: Partial<Settings>;
};

interface Matrix {
  requests: Array<Omit<HttpRequest, 'bodyBase64'> & { bodyBase64?: string }>;
  settings: Array<Partial<Settings>>;
}

/** The files under `folder`, by path with "/", in sorted order. */
function readProject(folder: string, root = folder): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__pycache__') Object.assign(files, readProject(path, root));
    } else {
      files[relative(root, path).replaceAll('\\', '/')] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

type NamedApp = { name: string } & ({ code: string } | { project: Project });

/** Each app of the table by name: one file's code, or a project. */
function loadApps(): NamedApp[] {
  return readdirSync(APPS_DIR)
    .sort()
    .flatMap((name): NamedApp[] => {
      const path = join(APPS_DIR, name);
      if (name.endsWith('.py'))
        return [{ name: name.slice(0, -3), code: readFileSync(path, 'utf8') }];
      if (name !== '__pycache__' && statSync(path).isDirectory())
        return [{ name, project: { files: readProject(path), entry: 'app' } }];
      return [];
    });
}

/** Load the whole table. */
export function loadFidelityCases(): FidelityCase[] {
  const matrix = JSON.parse(
    readFileSync(join(TESTS_DIR, 'fidelity_matrix.json'), 'utf8'),
  ) as Matrix;
  const cases: FidelityCase[] = [];
  for (const { name, ...app } of loadApps()) {
    matrix.requests.forEach((request, r) => {
      matrix.settings.forEach((settings, s) => {
        cases.push({
          ...app,
          name: `${name} [request ${r}, settings ${s}]`,
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

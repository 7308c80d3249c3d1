/**
 * What a run saved before projects meant: one `code`, named by `settings.filename` and entered
 * at `settings.callable`. Links (v1), drafts (v1) and history entries (v1) read through it.
 */
import {
  DEFAULT_FILE,
  moduleOf,
  parseEntry,
  pathProblem,
  singleFileProject,
  type Project,
} from '../project/project.ts';
import type { Settings } from '../trace/schema.ts';

/** A run of one file as the project of that file, and its settings without the two the project
 * now carries (`filename`, `callable`). */
export function projectOfCode(
  code: string,
  settings: Partial<Settings>,
): { project: Project; settings: Partial<Settings> } {
  const { filename, callable, ...rest } = settings;
  // A name that no import could reach (`my-app.py`, `a/b.py`) only ever named the file in
  // tracebacks: the file becomes app.py. A callable no entry can name could never be found.
  const named =
    filename !== undefined &&
    !filename.includes('/') &&
    pathProblem(filename) === null &&
    moduleOf(filename) !== null;
  const entered = callable !== undefined && parseEntry(`app:${callable}`) !== null;
  return {
    project: singleFileProject(code, named ? filename : DEFAULT_FILE, entered ? callable : ''),
    settings: rest,
  };
}

/**
 * What a run saved before projects meant: one `code`, named by `settings.filename` and entered
 * at `settings.callable`. Links (v1), drafts (v1) and history entries (v1) read through it.
 */
import {
  DEFAULT_FILE,
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
  // The name only ever named the file in tracebacks: one in a folder (`a/b.py`) would now make a
  // package of the folder, so it becomes app.py. (A lone file whose name is no module name,
  // `my-app.py`, is still the entry: the server loads the one .py file of a project as such.)
  // A callable no entry can name could never be found.
  const named = filename !== undefined && !filename.includes('/') && pathProblem(filename) === null;
  const entered = callable !== undefined && parseEntry(`app:${callable}`) !== null;
  return {
    project: singleFileProject(code, named ? filename : DEFAULT_FILE, entered ? callable : ''),
    settings: rest,
  };
}

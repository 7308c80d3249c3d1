/**
 * The project a command line names: `trace app.py` reads the file's folder and enters at the
 * file's module; `trace module:callable` reads `--chdir` (default: here) and enters there.
 */
import {
  DEFAULT_ENTRY,
  moduleFile,
  moduleOf,
  parseEntry,
  type Project,
} from '../project/project.ts';
import type { AppTarget } from './appTarget.ts';
import { readProjectFolder, readText, type ProjectFileSystem } from './projectFolder.ts';

/** A project read for a run, and what the person should know about how it was read. */
export interface LoadedProject {
  project: Project;
  notes: string[];
}

/** The folder and the name of a file path (`src/app.py` → `src`, `app.py`). */
function splitPath(path: string): [folder: string, name: string] {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? ['.', path] : [path.slice(0, slash) || '/', path.slice(slash + 1)];
}

/** `files` in order with `first` at the front (the entry file reads first). */
const withFirst = (files: Record<string, string>, first: string): Record<string, string> => ({
  [first]: files[first] ?? '',
  ...files,
});

/** Read the project `target` names, or say why it cannot be read. */
export function loadProject(
  fs: ProjectFileSystem,
  target: AppTarget,
): LoadedProject | { error: string } {
  if (target.kind === 'entry') {
    const module = parseEntry(target.entry)?.module ?? target.entry;
    const read = readProjectFolder(fs, target.directory);
    if ('error' in read) return read;
    const file = moduleFile(read.files, module);
    if (!file) {
      const base = module.replaceAll('.', '/');
      return {
        error: `no module ${module} in ${target.directory} (no ${base}.py or ${base}/__init__.py); --chdir names the folder to look in`,
      };
    }
    return { project: { files: withFirst(read.files, file), entry: target.entry }, notes: [] };
  }
  const [folder, name] = splitPath(target.path);
  const code = readText(fs, target.path);
  if (typeof code !== 'string') return code;
  const module = moduleOf(name);
  const entry = (base: string) => (target.callable ? `${base}:${target.callable}` : base);
  if (module === null) {
    // No import can name it, so it cannot sit among other modules: it runs alone.
    return {
      project: { files: { [name]: code }, entry: entry(DEFAULT_ENTRY) },
      notes: [
        `${name} is no module name, so it runs alone (its folder's other files are left out)`,
      ],
    };
  }
  const read = readProjectFolder(fs, folder);
  if ('error' in read) return read;
  // The file itself, even if the folder's walk left it out (a symbolic link).
  return {
    project: { files: withFirst({ ...read.files, [name]: code }, name), entry: entry(module) },
    notes: [],
  };
}

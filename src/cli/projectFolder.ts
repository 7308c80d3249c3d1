/**
 * A folder read as a project, as gunicorn would import from it: its `.py` files and packages,
 * recursively, without what is never the app's own code — dot-folders, `__pycache__`,
 * `node_modules`, virtual environments — and within caps that keep a run from swallowing a
 * home directory.
 */
import { MAX_FILES, pathProblem } from '../project/project.ts';
import { utf8OrThrow } from '../trace/bytes.ts';

/** One entry of a folder (a symbolic link is `other`: links are not followed). */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'dir' | 'other';
}

/** The file system as the CLI reads a project (passed in, so tests can fake it). */
export interface ProjectFileSystem {
  readFile: (path: string) => Uint8Array;
  readDir: (path: string) => FolderEntry[];
}

/** Folders never read: caches, other tools' trees. */
const SKIPPED = new Set(['__pycache__', 'node_modules', 'site-packages']);
/** The files that mark a folder as an environment of installed packages, not the project. */
const ENVIRONMENT_MARKERS = ['pyvenv.cfg', 'conda-meta'];
/** At most this many characters of source in all. */
export const MAX_PROJECT_CHARS = 4_000_000;
/** At most this many folders are looked into. */
export const MAX_FOLDERS = 500;

/** The text of a file, or why it has none. */
export function readText(
  fs: Pick<ProjectFileSystem, 'readFile'>,
  path: string,
): string | { error: string } {
  let data: Uint8Array;
  try {
    data = fs.readFile(path);
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    return utf8OrThrow(data);
  } catch {
    return { error: `${path} is not UTF-8 text` };
  }
}

/** The `.py` files below `root` by relative path (`pkg/views.py`), or why they cannot be read. */
export function readProjectFolder(
  fs: ProjectFileSystem,
  root: string,
): { files: Record<string, string> } | { error: string } {
  const files: Record<string, string> = {};
  const pending: string[] = [''];
  let folders = 0;
  let chars = 0;
  for (let folder = pending.shift(); folder !== undefined; folder = pending.shift()) {
    if (++folders > MAX_FOLDERS)
      return {
        error: `${root} holds more than ${MAX_FOLDERS} folders: is it the app's own folder?`,
      };
    let entries: FolderEntry[];
    try {
      entries = fs.readDir(folder === '' ? root : `${root}/${folder}`);
    } catch (error) {
      // An unreadable subfolder is not the app's (Python could not import from it either).
      if (folder === '') return { error: `cannot read ${root}: ${(error as Error).message}` };
      continue;
    }
    if (folder !== '' && entries.some((entry) => ENVIRONMENT_MARKERS.includes(entry.name)))
      continue;
    for (const { name, kind } of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = folder === '' ? name : `${folder}/${name}`;
      if (kind === 'dir' && !name.startsWith('.') && !SKIPPED.has(name)) pending.push(path);
      if (kind !== 'file' || !name.endsWith('.py') || pathProblem(path) !== null) continue;
      if (Object.keys(files).length === MAX_FILES)
        return {
          error: `${root} holds more than ${MAX_FILES} .py files (the most a project has): is it the app's own folder?`,
        };
      const text = readText(fs, `${root}/${path}`);
      if (typeof text !== 'string') return text;
      chars += text.length;
      if (chars > MAX_PROJECT_CHARS)
        return {
          error: `${root} holds over ${MAX_PROJECT_CHARS / 1_000_000} million characters of .py files: is it the app's own folder?`,
        };
      files[path] = text;
    }
  }
  return { files };
}

/**
 * The file operations of the editor's file list, as pure functions over a project: each gives
 * the new project, or the reason it cannot be done (shown beside the file list).
 */
import {
  entryFile,
  MAX_FILES,
  moduleOf,
  parseEntry,
  pathProblem,
  type Project,
} from '../../src/index.ts';

/** A new project, or why the edit was refused. */
export type ProjectEdit = { project: Project } | { problem: string };

/** The entry file's text (what `setCode`/`getCode` of the test hook mean). */
export function entryCode(project: Project): string {
  return project.files[entryFile(project)] ?? '';
}

/** Set one file's text (a new file if the path is new). */
export function withFile(project: Project, path: string, text: string): Project {
  if (project.files[path] === text) return project;
  return { ...project, files: { ...project.files, [path]: text } };
}

/** Add an empty file at `path`. */
export function addFile(project: Project, path: string, text = ''): ProjectEdit {
  const problem = pathProblem(path);
  if (problem) return { problem };
  if (Object.hasOwn(project.files, path)) return { problem: `${path} exists already.` };
  if (Object.keys(project.files).length >= MAX_FILES)
    return { problem: `A project holds at most ${MAX_FILES} files.` };
  return { project: withFile(project, path, text) };
}

/** Rename `from` to `to`, keeping its place in the list; the entry follows its module. */
export function renameFile(project: Project, from: string, to: string): ProjectEdit {
  if (from === to) return { project };
  const problem = pathProblem(to);
  if (problem) return { problem };
  if (Object.hasOwn(project.files, to)) return { problem: `${to} exists already.` };
  const files = Object.fromEntries(
    Object.entries(project.files).map(([path, text]) => [path === from ? to : path, text]),
  );
  const parsed = parseEntry(project.entry);
  const module = moduleOf(to);
  const renamedEntry = entryFile(project) === from && parsed !== null && module !== null;
  const entry = renamedEntry
    ? parsed.callable === null
      ? module
      : `${module}:${parsed.callable}`
    : project.entry;
  return { project: { files, entry } };
}

/** Delete `path`; the entry file and the last file stay. */
export function deleteFile(project: Project, path: string): ProjectEdit {
  if (!Object.hasOwn(project.files, path)) return { problem: `There is no ${path}.` };
  if (entryFile(project) === path)
    return { problem: `${path} holds the entry (${project.entry}): change the entry first.` };
  const files = { ...project.files };
  delete files[path];
  return { project: { ...project, files } };
}

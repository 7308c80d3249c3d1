/**
 * The store's actions on the project: the files' texts, the file list, the entry, and which
 * file the editor shows. Each change goes through `changed` (so live mode re-runs).
 */
import {
  entryFile,
  projectPackages,
  withPackages,
  type ProjectPackages,
  type Project,
  type Trace,
} from '../../src/index.ts';
import { addFile, deleteFile, renameFile, withFile, type ProjectEdit } from './projectEdits.ts';

/** The part of the store's state these actions change. */
export interface ProjectSlice {
  readonly project: Project;
  readonly activeFile: string;
  readonly libraryFile: string | null;
  /** The run shown: the library files it names come with their text. */
  readonly shownTrace: Trace | null;
}

/** The project actions of a store with state `getState()`. */
export function createProjectActions(
  getState: () => ProjectSlice,
  changed: (change: Partial<ProjectSlice>) => void,
  update: (change: Partial<ProjectSlice>) => void,
) {
  function setFile(path: string, text: string): void {
    const { project } = getState();
    const next = withFile(project, path, text);
    if (next !== project) changed({ project: next });
  }

  /** Apply a file-list edit (and show `show`); the reason it was refused, or null. */
  function apply(edit: ProjectEdit, show: string | null): string | null {
    if ('problem' in edit) return edit.problem;
    changed({ project: edit.project, ...(show === null ? {} : { activeFile: show }) });
    return null;
  }

  return {
    /**
     * Show a project file, or a library or stdlib file of the shown run, read-only over the
     * project (its text came with the Trace).
     */
    openFile(path: string): void {
      const state = getState();
      if (Object.hasOwn(state.project.files, path)) {
        if (path !== state.activeFile || state.libraryFile !== null)
          update({ activeFile: path, libraryFile: null });
      } else if (state.shownTrace?.sources?.[path] !== undefined && path !== state.libraryFile) {
        update({ libraryFile: path });
      }
    },
    /** Close the library file, back to the project's file. */
    closeLibraryFile(): void {
      if (getState().libraryFile !== null) update({ libraryFile: null });
    },
    /** Replace the entry file's text (a one-file app's code). */
    setCode(code: string): void {
      const { project } = getState();
      setFile(entryFile(project), code);
    },
    /** Replace one file's text (a new file if the path is new). */
    setFile,
    /** Replace the whole project (an example, a link); the editor shows its entry file. */
    setProject(project: Project): void {
      const state = getState();
      if (project === state.project) return;
      const activeFile = Object.hasOwn(project.files, state.activeFile)
        ? state.activeFile
        : entryFile(project);
      changed({ project, activeFile });
    },
    /**
     * Change the project's packages (requirements, index, hand-added wheels). Live mode does
     * not re-run on this: a half-typed requirement would be resolved; Install or Run does.
     */
    setPackages(change: Partial<ProjectPackages>): void {
      const { project } = getState();
      const next = withPackages(project, change);
      if (JSON.stringify(projectPackages(next)) !== JSON.stringify(projectPackages(project)))
        update({ project: next });
    },
    /** Set the entry (`module:callable`). */
    setEntry(entry: string): void {
      const { project } = getState();
      if (entry !== project.entry) changed({ project: { ...project, entry } });
    },
    /** Add a file and show it; returns why not, or null. */
    addFile(path: string, text = ''): string | null {
      return apply(addFile(getState().project, path, text), path);
    },
    /** Rename a file (the editor keeps showing it); returns why not, or null. */
    renameFile(from: string, to: string): string | null {
      const showing = getState().activeFile === from;
      return apply(renameFile(getState().project, from, to), showing ? to : null);
    },
    /** Delete a file; returns why not, or null. */
    deleteFile(path: string): string | null {
      const showing = getState().activeFile === path;
      const edit = deleteFile(getState().project, path);
      return apply(edit, showing && 'project' in edit ? entryFile(edit.project) : null);
    },
  };
}

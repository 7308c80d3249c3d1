import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import './fileTabs.css';

/** What the file list shows and does; without the edit callbacks it is read-only (embed). */
export interface FileTabsProps {
  files: readonly string[];
  active: string;
  /** The file of the entry module (marked, and not deletable). */
  entryFile: string;
  onOpen: (path: string) => void;
  /** Each edit returns why it was refused, or null. */
  onAdd?: ((path: string) => string | null) | undefined;
  onRename?: ((from: string, to: string) => string | null) | undefined;
  onDelete?: ((path: string) => string | null) | undefined;
  /** More of the project beside its files (the Packages button). */
  extra?: ReactNode;
}

type Editing =
  { kind: 'add' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string };

/** A name for a new file that is not taken (`module.py`, `module2.py`, …). */
function freshName(files: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'module.py' : `module${n}.py`;
    if (!files.includes(name)) return name;
  }
}

/**
 * The project's files as tabs above the editor, with New file, Rename and Delete for the
 * shown one. Names are edited inline; Enter confirms, Escape cancels, a refusal says why.
 */
export function FileTabs({
  files,
  active,
  entryFile,
  onOpen,
  onAdd,
  onRename,
  onDelete,
  extra,
}: FileTabsProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const start = (next: Editing, initial: string): void => {
    setEditing(next);
    setName(initial);
    setProblem(null);
  };
  const stop = (): void => {
    setEditing(null);
    setProblem(null);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!editing) return;
    const path = name.trim();
    const refused =
      editing.kind === 'add'
        ? (onAdd?.(path) ?? null)
        : editing.kind === 'rename'
          ? (onRename?.(editing.path, path) ?? null)
          : (onDelete?.(editing.path) ?? null);
    if (refused) setProblem(refused);
    else stop();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') stop();
  };
  const editable = onAdd !== undefined;

  return (
    <div className="file-tabs">
      <div className="file-tabs__list" role="tablist" aria-label="Files">
        {files.map((path) => (
          <button
            key={path}
            type="button"
            role="tab"
            aria-selected={path === active}
            className="file-tabs__tab"
            title={path === entryFile ? `${path}: the entry module` : path}
            onClick={() => onOpen(path)}
          >
            {path}
            {path === entryFile && files.length > 1 && (
              <span className="file-tabs__entry"> · entry</span>
            )}
          </button>
        ))}
      </div>
      {editable && editing === null && (
        <div className="file-tabs__tools">
          {extra}
          <button
            type="button"
            className="file-tabs__tool"
            onClick={() => start({ kind: 'add' }, freshName(files))}
          >
            + New file
          </button>
          <button
            type="button"
            className="file-tabs__tool"
            aria-label={`Rename ${active}`}
            onClick={() => start({ kind: 'rename', path: active }, active)}
          >
            Rename
          </button>
          {active !== entryFile && (
            <button
              type="button"
              className="file-tabs__tool"
              aria-label={`Delete ${active}`}
              onClick={() => start({ kind: 'delete', path: active }, active)}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {editing !== null && (
        <form className="file-tabs__form" onSubmit={submit} onKeyDown={onKeyDown}>
          {editing.kind === 'delete' ? (
            <span>Delete {editing.path} and its text?</span>
          ) : (
            <input
              className="file-tabs__name"
              aria-label={editing.kind === 'add' ? 'New file name' : `New name for ${editing.path}`}
              value={name}
              autoFocus
              spellCheck={false}
              onChange={(event) => setName(event.target.value)}
            />
          )}
          <button type="submit" className="file-tabs__tool">
            {editing.kind === 'add' ? 'Add' : editing.kind === 'rename' ? 'Rename' : 'Delete'}
          </button>
          <button type="button" className="file-tabs__tool" onClick={stop}>
            Cancel
          </button>
          {problem && (
            <span className="file-tabs__problem" role="alert">
              {problem}
            </span>
          )}
        </form>
      )}
    </div>
  );
}

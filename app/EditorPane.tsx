import { useCallback, useMemo, type ReactNode } from 'react';
import { entryFile, eventPlace, traceEntryFile } from '../src/index.ts';
import { EditorBoundary } from './editor/EditorBoundary.tsx';
import { EditorFallback } from './editor/EditorFallback.tsx';
import type { EditorMarker } from './editor/editorMarkers.ts';
import { FileTabs } from './editor/FileTabs.tsx';
import { ProjectCodeView } from './editor/ProjectCodeView.tsx';
import type { PlaygroundState, PlaygroundStore } from './state/playgroundStore.ts';

const NO_MARKERS: EditorMarker[] = [];

/** What the editor pane needs from the page. */
export interface EditorPaneProps {
  store: PlaygroundStore;
  state: PlaygroundState;
  /** Whether Monaco may load yet (it waits for Python's first result). */
  editorWanted: boolean;
  markers: EditorMarker[];
  colorScheme: 'light' | 'dark';
  onRun: () => void;
  /** Beside the file tabs: the Packages button. */
  projectTools?: ReactNode;
}

/**
 * The project's files as tabs over the editor of the shown file (plain text until Monaco; the
 * plain code view on a touch-only screen, see ProjectCodeView).
 */
export function EditorPane({
  store,
  state,
  editorWanted,
  markers,
  colorScheme,
  onRun,
  projectTools,
}: EditorPaneProps) {
  const { project, shownTrace, libraryFile } = state;
  // A library file of the run, read-only, over the project's own (see store.openFile).
  const library = libraryFile === null ? undefined : shownTrace?.sources?.[libraryFile];
  const activeFile = library === undefined || libraryFile === null ? state.activeFile : libraryFile;
  const text = library ?? project.files[activeFile] ?? '';
  const setText = useCallback(
    (next: string) => store.setFile(activeFile, next),
    [store, activeFile],
  );
  const select = useCallback((seq: number | null) => store.select(seq), [store]);
  const openFile = useCallback((file: string) => store.openFile(file), [store]);
  // The plain-text stand-in edits only the project's own files.
  const editable = library === undefined ? setText : undefined;
  const files = useMemo(() => Object.keys(project.files), [project.files]);
  const selected = eventPlace(shownTrace, state.selectedSeq);
  const breakpointLines = useMemo(
    () => state.breakpoints.lines.filter((at) => at.file === activeFile).map((at) => at.line),
    [state.breakpoints.lines, activeFile],
  );
  const toggleBreakpoint = useCallback(
    (line: number) => store.toggleBreakLine(activeFile, line),
    [store, activeFile],
  );
  return (
    <div className="editor-frame">
      {library !== undefined && (
        <p className="editor-frame__library" role="status">
          <span>
            <code>{activeFile}</code>: a library file of this run, read-only.
          </span>
          <button type="button" className="tool-button" onClick={() => store.closeLibraryFile()}>
            Back to {state.activeFile}
          </button>
        </p>
      )}
      <FileTabs
        files={files}
        active={state.activeFile}
        entryFile={entryFile(project)}
        onOpen={openFile}
        onAdd={(path) => store.addFile(path)}
        onRename={(from, to) => store.renameFile(from, to)}
        onDelete={(path) => store.deleteFile(path)}
        extra={projectTools}
      />
      <div className="editor-frame__body">
        <EditorBoundary code={text} onChange={editable}>
          <ProjectCodeView
            editorWanted={editorWanted}
            fallback={<EditorFallback code={text} onChange={editable} />}
            path={activeFile}
            entryFile={shownTrace ? traceEntryFile(shownTrace) : entryFile(project)}
            value={text}
            onChange={setText}
            readOnly={library !== undefined}
            onOpenFile={openFile}
            onRun={onRun}
            markers={library === undefined ? markers : NO_MARKERS}
            colorScheme={colorScheme}
            events={shownTrace?.events}
            selectedSeq={state.selectedSeq}
            selectedLine={selected?.line ?? null}
            selectedFile={selected?.file}
            onSelectEvent={select}
            breakpointLines={breakpointLines}
            onToggleBreakpoint={store.canHold ? toggleBreakpoint : undefined}
          />
        </EditorBoundary>
      </div>
    </div>
  );
}

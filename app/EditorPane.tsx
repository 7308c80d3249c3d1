import { lazy, Suspense, useCallback, useMemo } from 'react';
import { entryFile, eventPlace, traceEntryFile } from '../src/index.ts';
import { EditorBoundary } from './editor/EditorBoundary.tsx';
import { EditorFallback } from './editor/EditorFallback.tsx';
import type { EditorMarker } from './editor/editorMarkers.ts';
import { FileTabs } from './editor/FileTabs.tsx';
import type { PlaygroundState, PlaygroundStore } from './state/playgroundStore.ts';

// Monaco is the biggest part of the page; the shell paints first, Python boots meanwhile.
const CodeEditor = lazy(() => import('./editor/CodeEditor.tsx'));

/** What the editor pane needs from the page. */
export interface EditorPaneProps {
  store: PlaygroundStore;
  state: PlaygroundState;
  /** Whether Monaco may load yet (it waits for Python's first result). */
  editorWanted: boolean;
  markers: EditorMarker[];
  colorScheme: 'light' | 'dark';
  onRun: () => void;
}

/** The project's files as tabs over the editor of the shown file (plain text until Monaco). */
export function EditorPane({
  store,
  state,
  editorWanted,
  markers,
  colorScheme,
  onRun,
}: EditorPaneProps) {
  const { project, activeFile, shownTrace } = state;
  const text = project.files[activeFile] ?? '';
  const setText = useCallback(
    (next: string) => store.setFile(activeFile, next),
    [store, activeFile],
  );
  const select = useCallback((seq: number | null) => store.select(seq), [store]);
  const openFile = useCallback((file: string) => store.openFile(file), [store]);
  const files = useMemo(() => Object.keys(project.files), [project.files]);
  const selected = eventPlace(shownTrace, state.selectedSeq);
  return (
    <div className="editor-frame">
      <FileTabs
        files={files}
        active={activeFile}
        entryFile={entryFile(project)}
        onOpen={openFile}
        onAdd={(path) => store.addFile(path)}
        onRename={(from, to) => store.renameFile(from, to)}
        onDelete={(path) => store.deleteFile(path)}
      />
      <div className="editor-frame__body">
        <EditorBoundary code={text} onChange={setText}>
          <Suspense fallback={<EditorFallback code={text} onChange={setText} />}>
            {!editorWanted ? (
              <EditorFallback code={text} onChange={setText} />
            ) : (
              <CodeEditor
                path={activeFile}
                entryFile={shownTrace ? traceEntryFile(shownTrace) : entryFile(project)}
                value={text}
                onChange={setText}
                onOpenFile={openFile}
                onRun={onRun}
                markers={markers}
                colorScheme={colorScheme}
                events={shownTrace?.events}
                selectedSeq={state.selectedSeq}
                selectedLine={selected?.line ?? null}
                selectedFile={selected?.file}
                onSelectEvent={select}
              />
            )}
          </Suspense>
        </EditorBoundary>
      </div>
    </div>
  );
}

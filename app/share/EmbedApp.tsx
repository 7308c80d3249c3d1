import { useCallback, useEffect, useMemo, useState } from 'react';
import { entryFile, eventPlace, traceEntryFile, type BrowserEngine } from '../../src/index.ts';
import { EditorBoundary } from '../editor/EditorBoundary.tsx';
import { EditorFallback } from '../editor/EditorFallback.tsx';
import { FileTabs } from '../editor/FileTabs.tsx';
import { ProjectCodeView } from '../editor/ProjectCodeView.tsx';
import { markersFromTrace } from '../editor/editorMarkers.ts';
import { latestTrace, type PlaygroundStore } from '../state/playgroundStore.ts';
import { StepThrough } from '../timeline/StepThrough.tsx';
import { StepToggle } from '../timeline/StepToggle.tsx';
import { TimelineTab } from '../timeline/TimelineTab.tsx';
import { useStepCursor } from '../timeline/useStepCursor.ts';
import { useStepKeys } from '../timeline/useStepKeys.ts';
import { useColorScheme } from '../common/useColorScheme.ts';
import { useEngineStatus } from '../state/useEngineStatus.ts';
import { usePlaygroundState } from '../state/usePlaygroundState.ts';
import { useRunShortcut } from '../common/useRunShortcut.ts';
import { shareLink } from './shareLinkOf.ts';
import './embed.css';

/** The full playground's URL for this page (the embed flag dropped). */
function playgroundUrl(): string {
  const url = new URL(location.href);
  url.search = '';
  return url.href;
}

/**
 * The embed mode (`?embed`), for teaching pages: the code and the timeline, a Run button, step
 * mode (a compact step bar and state card over the timeline), and a link that opens the same
 * run — with the learner's edits — in the full playground. It never reads or writes the
 * person's draft.
 */
export function EmbedApp({ engine, store }: { engine: BrowserEngine; store: PlaygroundStore }) {
  const status = useEngineStatus(engine);
  const state = usePlaygroundState(store);
  const colorScheme = useColorScheme();
  const trace = latestTrace(state);
  const markers = useMemo(() => markersFromTrace(trace), [trace]);
  const run = useCallback(() => void store.run().catch(() => {}), [store]);
  const select = useCallback((seq: number | null) => store.select(seq), [store]);
  useRunShortcut(run);
  const [openUrl, setOpenUrl] = useState(playgroundUrl);
  const { project, request, settings, activeFile } = state;
  const code = project.files[activeFile] ?? '';
  const files = useMemo(() => Object.keys(project.files), [project.files]);
  const selected = eventPlace(state.shownTrace, state.selectedSeq);
  // Step mode: the cursor is the selection, so the code's line follows it as it does a click.
  const [stepping, setStepping] = useState(false);
  const cursor = useStepCursor(state.shownTrace, state.selectedSeq, select, stepping);
  useStepKeys(stepping && cursor.count > 0, cursor.move);
  useEffect(() => {
    let current = true;
    void shareLink({ project, request, settings }, playgroundUrl()).then((url) => {
      if (current) setOpenUrl(url);
    });
    return () => {
      current = false;
    };
  }, [project, request, settings]);

  const running = state.pendingRun !== null;
  const outcome = trace
    ? `${trace.response.status ?? 'no response'}${trace.outcome === 'complete' ? '' : ` · ${trace.outcome}`}`
    : null;
  return (
    <div className="embed">
      <header className="embed__bar">
        <code className="embed__request" title="The request this app is run with">
          <strong>{request.method}</strong> {request.target}
        </code>
        <button type="button" className="run-button embed__run" onClick={run}>
          Run
        </button>
        <button
          type="button"
          className="stop-button embed__stop"
          disabled={!running || status.state === 'booting'}
          onClick={() => store.stop()}
        >
          Stop
        </button>
        <span
          className="embed__status"
          role="status"
          aria-label="Python status"
          data-state={status.state}
        >
          {status.state === 'booting'
            ? 'Starting Python…'
            : status.state === 'failed'
              ? 'Python failed to start'
              : running
                ? 'Running…'
                : outcome && (
                    <span
                      className={`embed__outcome embed__outcome--${trace?.outcome === 'complete' ? 'good' : 'bad'}`}
                    >
                      {outcome}
                    </span>
                  )}
        </span>
        {state.shownTrace && state.shownTrace.events.length > 0 && (
          <StepToggle on={stepping} onChange={setStepping} className="step-toggle--embed" />
        )}
        <a className="embed__open" href={openUrl} target="_blank" rel="noopener">
          Open in WSGI Playground ↗
        </a>
      </header>
      <main className="embed__main">
        <div className="embed__editor">
          {files.length > 1 && (
            <FileTabs
              files={files}
              active={activeFile}
              entryFile={entryFile(project)}
              onOpen={(path) => store.openFile(path)}
            />
          )}
          <EditorBoundary code={code}>
            <ProjectCodeView
              fallback={<EditorFallback code={code} />}
              path={activeFile}
              entryFile={trace ? traceEntryFile(trace) : entryFile(project)}
              value={code}
              onChange={(next) => store.setFile(activeFile, next)}
              onOpenFile={(path) => store.openFile(path)}
              onRun={run}
              markers={markers}
              colorScheme={colorScheme}
              events={state.shownTrace?.events}
              selectedSeq={state.selectedSeq}
              selectedLine={selected?.line ?? null}
              selectedFile={selected?.file}
              onSelectEvent={select}
            />
          </EditorBoundary>
        </div>
        <section className="embed__timeline" aria-label="Timeline">
          {state.shownTrace ? (
            <>
              {stepping && <StepThrough trace={state.shownTrace} cursor={cursor} compact />}
              <TimelineTab
                trace={state.shownTrace}
                selectedSeq={state.selectedSeq}
                onSelect={select}
                stepIndex={stepping ? cursor.index : null}
              />
            </>
          ) : (
            <p className="empty">
              {status.state === 'booting'
                ? 'Python is starting…'
                : 'Run the app to see its timeline.'}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}

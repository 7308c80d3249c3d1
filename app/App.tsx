import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { BrowserEngine } from '../src/index.ts';
import { BootStatus } from './BootStatus.tsx';
import { EditorBoundary } from './EditorBoundary.tsx';
import { EditorFallback } from './EditorFallback.tsx';
import { markersFromTrace } from './editorMarkers.ts';
import { latestTrace, type PlaygroundStore } from './playgroundStore.ts';
import { RequestBar } from './RequestBar.tsx';
import { ResponsePanel } from './ResponsePanel.tsx';
import { RunSummary } from './RunSummary.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import { useColorScheme } from './useColorScheme.ts';
import { useEngineStatus } from './useEngineStatus.ts';
import { usePlaygroundState } from './usePlaygroundState.ts';
import { useRunShortcut } from './useRunShortcut.ts';

// Monaco is the biggest part of the page; the shell paints first, Python boots meanwhile.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

/** The playground page: header, request line and editor on the left, results on the right. */
export function App({ engine, store }: { engine: BrowserEngine; store: PlaygroundStore }) {
  const status = useEngineStatus(engine);
  const state = usePlaygroundState(store);
  const colorScheme = useColorScheme();
  const trace = latestTrace(state);
  const markers = useMemo(() => markersFromTrace(trace), [trace]);
  // Errors are shown from the store's state; the promise is only for the test hook.
  const run = useCallback(() => void store.run().catch(() => {}), [store]);
  useRunShortcut(run);

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          WSGI Playground{' '}
          <span className="app-header__tagline">PEP 3333, run by CPython in your browser</span>
        </h1>
        <BootStatus status={status} />
      </header>
      <main className="workspace">
        <div className="workspace__source">
          <RequestBar
            request={state.request}
            onChange={(patch) => store.setRequest(patch)}
            onRun={run}
            queued={state.pendingRun !== null && status.state === 'booting'}
          />
          <div className="editor-frame">
            <EditorBoundary code={state.code}>
              <Suspense fallback={<EditorFallback code={state.code} />}>
                <CodeEditor
                  value={state.code}
                  onChange={(code) => store.setCode(code)}
                  onRun={run}
                  markers={markers}
                  colorScheme={colorScheme}
                />
              </Suspense>
            </EditorBoundary>
          </div>
        </div>
        <div className="workspace__results" aria-busy={state.pendingRun !== null}>
          {state.result && <RunSummary result={state.result} />}
          <ResponsePanel trace={trace} />
          <TimelinePanel trace={trace} />
        </div>
      </main>
    </div>
  );
}

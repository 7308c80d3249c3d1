import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useEditorWanted } from './editor/useEditorWanted.ts';
import type { BrowserEngine } from '../src/index.ts';
import { BootStatus } from './BootStatus.tsx';
import { EditorPane } from './EditorPane.tsx';
import { markersOfRun } from './editor/editorMarkers.ts';
import { onRevealInEditor } from './editor/revealInEditor.ts';
import { useFindingsView } from './findings/useFindingsView.ts';
import { ExamplesButton } from './gallery/ExamplesButton.tsx';
import { LoadedExampleBanner } from './gallery/LoadedExampleBanner.tsx';
import { exampleWorkbench } from './gallery/loadExample.ts';
import { PaneBoundary } from './layout/PaneBoundary.tsx';
import type { PhoneView } from './layout/PhoneWorkspace.tsx';
import { Workspace } from './layout/Workspace.tsx';
import { HeldRunBar, RequestBuilder, ResultsTabs, useShellPainted } from './lazyPanels.ts';
import { LiveToggle } from './LiveToggle.tsx';
import { PackagesButton } from './packages/PackagesButton.tsx';
import { PackagesMount } from './packages/PackagesMount.tsx';
import type { PackagesSession } from './packages/packagesSession.ts';
import { PackageStatusLine } from './packages/PackageStatusLine.tsx';
import { StepControls } from './livePause/StepControls.tsx';
import { useHoldKeys } from './livePause/useHoldKeys.ts';
import { useTouchOnly } from './layout/useTouchOnly.ts';
import { latestTrace, type PlaygroundStore } from './state/playgroundStore.ts';
import { RequestBar } from './request/RequestBar.tsx';
import { RunSummary } from './RunSummary.tsx';
import { CompareMount } from './compare/CompareMount.tsx';
import type { CompareSession } from './compare/compareSession.ts';
import { HistoryButton } from './share/HistoryButton.tsx';
import { ShareMenu } from './share/ShareMenu.tsx';
import { ShareNotices } from './share/ShareNotices.tsx';
import type { ShareSession } from './share/shareSession.ts';
import { useColorScheme } from './common/useColorScheme.ts';
import { useEngineStatus } from './state/useEngineStatus.ts';
import { usePlaygroundState } from './state/usePlaygroundState.ts';
import { useRunShortcut } from './common/useRunShortcut.ts';

/** Where a lazily loaded panel will be (see lazyPanels.ts). */
const PLACEHOLDER = <div className="panel-placeholder" aria-busy="true" />;

/** The playground page: editor and request builder on the left, results on the right. */
export function App({
  engine,
  store,
  share,
  openedFromLink = false,
  compare,
  packages,
}: {
  engine: BrowserEngine;
  store: PlaygroundStore;
  /** Links, exports, the saved draft and the history (absent: no Share or History). */
  share?: ShareSession;
  /** The page opened a shared run or an example: a phone shows its results first. */
  openedFromLink?: boolean;
  /** Two runs compared (absent: no Compare in the history). */
  compare?: CompareSession;
  /** The project's packages (absent: no Packages button). */
  packages?: PackagesSession;
}) {
  const status = useEngineStatus(engine);
  const state = usePlaygroundState(store);
  const colorScheme = useColorScheme();
  const trace = latestTrace(state);
  const findingsView = useFindingsView(store, state);
  const { findings } = findingsView;
  // Findings mark the code only while they are the newest run's (its lines match the code).
  const markers = useMemo(
    () => markersOfRun(trace, trace !== null && state.shownTrace === trace ? findings : []),
    [trace, state.shownTrace, findings],
  );
  // Errors are shown from the store's state; the promise is only for the test hook.
  const run = useCallback(() => void store.run().catch(() => {}), [store]);
  // A phone shows one pane at a time: a link's results first, else the code.
  const [phoneView, setPhoneView] = useState<PhoneView>(openedFromLink ? 'results' : 'code');
  // Run (the button or the editor's shortcut) shows what it ran; a jump to a line, the code.
  const runAndShow = useCallback(() => {
    setPhoneView('results');
    run();
  }, [run]);
  useEffect(() => onRevealInEditor(() => setPhoneView('code')), []);
  const select = useCallback((seq: number | null) => store.select(seq), [store]);
  useRunShortcut(runAndShow);
  const step = useCallback(() => {
    setPhoneView('results');
    store.step()?.catch(() => {});
  }, [store]);
  useHoldKeys(store.canHold, { step, continueRun: () => store.continueRun() });
  const touchOnly = useTouchOnly();
  const painted = useShellPainted();
  // Monaco's 3 MB of JavaScript would compete with Python's boot for the two cores and the
  // main thread: load it once the first result is on screen (or Python is idle or failed).
  const editorWanted = useEditorWanted(
    state.result !== null || status.state === 'failed',
    status.state === 'ready',
  );

  const requestLine = (
    <PaneBoundary name="Request line" resetKey={state.request}>
      <RequestBar
        request={state.request}
        onChange={(patch) => store.setRequest(patch)}
        onRun={runAndShow}
        onStop={() => store.stop()}
        running={state.pendingRun !== null && status.state !== 'booting'}
        queued={state.pendingRun !== null && status.state === 'booting'}
        faults={state.settings}
        onClearFaults={(cleared) => store.setSettings(cleared)}
        controls={
          <StepControls store={store} state={state} onStep={() => setPhoneView('results')} />
        }
      />
      {packages && <PackageStatusLine session={packages} />}
    </PaneBoundary>
  );
  const editor = (
    <EditorPane
      store={store}
      state={state}
      editorWanted={editorWanted}
      markers={markers}
      colorScheme={colorScheme}
      onRun={runAndShow}
      projectTools={packages && <PackagesButton store={store} session={packages} />}
    />
  );
  const results = (
    <>
      {share && <ShareNotices session={share} onRun={run} />}
      <LoadedExampleBanner
        store={store}
        onCompare={
          compare &&
          ((bug, fix) => {
            const validate = state.settings.compareValidate ?? false;
            compare.openPair(exampleWorkbench(bug, validate), exampleWorkbench(fix, validate));
          })
        }
      />
      {state.held ? (
        <Suspense fallback={PLACEHOLDER}>
          <HeldRunBar
            held={state.held}
            onStep={step}
            onContinue={() => store.continueRun()}
            onFinish={() => store.finishRun()}
            keyHints={!touchOnly}
          />
        </Suspense>
      ) : (
        state.result && (
          <RunSummary
            result={state.result}
            stale={state.shownTrace !== trace && trace !== null}
            onPackages={packages?.openPanel}
          />
        )
      )}
      <Suspense fallback={PLACEHOLDER}>
        {painted ? (
          <ResultsTabs
            trace={state.shownTrace}
            selectedSeq={state.selectedSeq}
            onSelect={select}
            badges={
              state.shownTrace
                ? {
                    Timeline: state.shownTrace.events.length.toLocaleString('en'),
                    Findings: findings.length.toLocaleString('en'),
                  }
                : {}
            }
            findings={findingsView}
            onCompareServers={compare && (() => compare.compareServers())}
          />
        ) : (
          PLACEHOLDER
        )}
      </Suspense>
    </>
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          WSGI Playground{' '}
          <span className="app-header__tagline">PEP 3333, run by CPython in your browser</span>
        </h1>
        {/* One group beside the name (on a phone, its parts go to rows of their own). */}
        <div className="app-header__side">
          <div className="app-header__tools">
            <ExamplesButton store={store} />
            {share && <HistoryButton session={share} onCompare={compare?.compareEntry} />}
            {share && <ShareMenu store={store} session={share} lockOf={packages?.lockOf} />}
            <LiveToggle
              live={state.live}
              note={state.liveNote}
              onChange={(live) => store.setLive(live)}
            />
          </div>
          <BootStatus status={status} />
        </div>
      </header>
      <Workspace
        requestLine={requestLine}
        phoneView={phoneView}
        onPhoneView={setPhoneView}
        editor={editor}
        request={
          <PaneBoundary name="Request builder" resetKey={state.request}>
            <Suspense fallback={PLACEHOLDER}>
              {painted ? (
                <RequestBuilder
                  request={state.request}
                  settings={state.settings}
                  onRequest={(patch) => store.setRequest(patch)}
                  onSettings={(patch) => store.setSettings(patch)}
                  entry={state.project.entry}
                  onEntry={(entry) => store.setEntry(entry)}
                  timeLimitMs={state.timeLimitMs}
                  onTimeLimit={(ms) => store.setTimeLimit(ms)}
                  engine={engine}
                />
              ) : (
                PLACEHOLDER
              )}
            </Suspense>
          </PaneBoundary>
        }
        results={
          <div className="results-column">
            <PaneBoundary name="Results" resetKey={trace}>
              {results}
            </PaneBoundary>
          </div>
        }
      />
      {compare && <CompareMount session={compare} />}
      {packages && <PackagesMount store={store} session={packages} />}
    </div>
  );
}

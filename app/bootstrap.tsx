/**
 * The page proper (loaded by `main.tsx` once the Python worker is on its way): decide what to
 * open — a shared link, a gallery example, the saved draft or the default app — then paint
 * the shell while Python boots.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasPackages, isEmbedSearch } from '../src/index.ts';
import { App } from './App.tsx';
import { createCompareSession } from './compare/compareSession.ts';
import { startEngine } from './engine.ts';
import { PaneBoundary } from './layout/PaneBoundary.tsx';
import { packagedRun } from './packages/packagedRun.ts';
import { createPackagesSession } from './packages/packagesSession.ts';
import { pageIndexedDb } from './packages/pageIndexedDb.ts';
import { createPlaygroundStore } from './state/playgroundStore.ts';
import { applyStartup, forgetLink, openFragment, personStorage } from './share/pageLinks.ts';
import { createShareSession } from './share/shareSession.ts';
import { resolveStartup } from './share/startup.ts';
import { installTestHook } from './testHook.ts';
import './styles.css';
import './common/sharedStyles.css';
import './phoneHeader.css';
import './touchTargets.css';

// The packages' store and resolver load only when a project first has packages.
const packages = createPackagesSession({
  fetch: (input, init) => window.fetch(input, init),
  load: () =>
    import('./packages/packageWorks.ts').then((module) =>
      module.packageWorks(pageIndexedDb(), (note) => packages.storeNote(note)),
    ),
});
const engine = startEngine(packages.imageStore);
// Runs prepare their project's packages first (once per set), then run with them; a Stop
// while they are prepared stops the run as soon as it reaches the engine.
let stopsPressed = 0;
const runner = {
  run: packagedRun((input, options) => engine.run(input, options), packages, {
    count: () => stopsPressed,
    stop: () => engine.stop(),
  }),
  stop: () => {
    stopsPressed++;
    engine.stop();
  },
  resume: engine.resume.bind(engine),
};
// An embedded page never touches the person's draft or history.
const embed = isEmbedSearch(location.search);
const storage = embed ? null : personStorage();
// Decoding a link takes a few milliseconds; Python is booting meanwhile.
const startup = await resolveStartup(location.hash, storage);
// Holding a live run needs memory shared with the worker: a cross-origin isolated page.
const canHold = globalThis.crossOriginIsolated === true;
const store = createPlaygroundStore({ engine: runner, canHold, ...startup.initial });
for (const { project, lock } of startup.locks) packages.adoptLock(project, lock);
const session = createShareSession({ store, storage, onLeaveLink: embed ? () => {} : forgetLink });
applyStartup(startup, store, session);
const compare = createCompareSession({ engine: runner, store, share: session });
// A compare link opens its two runs compared, over the draft (which stays on screen).
if (startup.compare) compare.openPair(startup.compare.a, startup.compare.b);
installTestHook(window, store, engine);
// The first result appears as soon as Python is ready — unless a run is already queued, or the
// draft's last run never finished (it may hang again: the page offers Run instead).
const autoRun = (): void => {
  const { result, pendingRun } = store.getState();
  if (startup.autoRun && result === null && pendingRun === null) store.run().catch(() => {});
};
// A project with packages runs at once: its packages are made ready (from the page's cache) and
// its interpreter restored from their image while the server's own image would still boot.
if (hasPackages(store.getState().project)) autoRun();
else void engine.ready.then(autoRun);
window.addEventListener(
  'hashchange',
  () =>
    void openFragment(
      location.hash,
      store,
      session,
      (a, b) => compare.openPair(a, b),
      packages.adoptLock,
    ),
);
window.addEventListener('pagehide', () => session.flush());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The embedded page is a page of its own; the playground's shell does not carry it.
const { EmbedApp } = embed ? await import('./share/EmbedApp.tsx') : { EmbedApp: null };
createRoot(root).render(
  <StrictMode>
    {/* The last line of defence: a page that failed to render says so, never goes blank. */}
    <PaneBoundary name="Page">
      {EmbedApp ? (
        <EmbedApp engine={engine} store={store} />
      ) : (
        <App
          engine={engine}
          store={store}
          share={session}
          compare={compare}
          packages={packages}
          openedFromLink={startup.shared !== null || startup.example !== null}
        />
      )}
    </PaneBoundary>
  </StrictMode>,
);

/**
 * The page's entry: start Python booting at once, then paint the shell while it loads.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { DEFAULT_CODE, DEFAULT_REQUEST } from './defaultExample.ts';
import { startEngine } from './engine.ts';
import { createPlaygroundStore } from './playgroundStore.ts';
import { installTestHook } from './testHook.ts';
import './styles.css';

const engine = startEngine();
const store = createPlaygroundStore({ engine, code: DEFAULT_CODE, request: DEFAULT_REQUEST });
installTestHook(window, store);
// The first result appears as soon as Python is ready: run the example unless a run is on.
void engine.ready.then(() => {
  const { result, pendingRun } = store.getState();
  if (result === null && pendingRun === null) store.run().catch(() => {});
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App engine={engine} store={store} />
  </StrictMode>,
);

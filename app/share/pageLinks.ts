/**
 * The page's side of links: the person's storage, forgetting a link once it is left, and
 * opening what the fragment asks for — at load and whenever it changes (`hashchange`).
 */
import {
  exampleById,
  parseFragment,
  type KeyValueStorage,
  type PackageLock,
  type Project,
} from '../../src/index.ts';
import { loadExample } from '../gallery/loadExample.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import type { ShareSession } from './shareSession.ts';
import { linkLocks, workbenchOf, type Startup, type Workbench } from './startup.ts';

/** Open two runs compared (the page's compare view). */
export type OpenCompare = (a: Workbench, b: Workbench) => void;
/** Follow a link's package lock for the project it was resolved for. */
export type AdoptLock = (project: Project, lock: PackageLock) => void;

/** The page's localStorage, or null where the browser refuses it (a sandboxed frame). */
export function personStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Drop the fragment from the address bar, so that a reload opens the draft, not the link. */
export function forgetLink(): void {
  if (location.hash === '') return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** Put what the page opened with on screen: notices, then a shared run or an example. */
export function applyStartup(
  startup: Startup,
  store: PlaygroundStore,
  session: ShareSession,
): void {
  for (const notice of startup.notices) session.notify(notice);
  if (startup.shared) session.openShared(startup.shared.bench, startup.shared.version);
  const { example } = startup;
  // Runs it (queued until Python is ready); failures show in the run summary.
  if (example) session.openOther(() => loadExample(store, example)).catch(() => {});
}

/** Open the link the fragment now holds (the person pasted another one into this tab). */
export async function openFragment(
  hash: string,
  store: PlaygroundStore,
  session: ShareSession,
  openCompare?: OpenCompare,
  adoptLock?: AdoptLock,
): Promise<void> {
  const route = await parseFragment(hash);
  if (route.kind === 'none') return;
  if (route.kind === 'error') {
    session.notify({ kind: 'bad-link', message: route.message });
    return;
  }
  for (const { project, lock } of linkLocks(route)) adoptLock?.(project, lock);
  session.flush();
  session.dismiss('bad-link');
  if (route.kind === 'compare') {
    openCompare?.(workbenchOf(route.pair.a), workbenchOf(route.pair.b));
    return;
  }
  if (route.kind === 'share') {
    session.openShared(workbenchOf(route.run), route.version);
    store.run().catch(() => {});
    return;
  }
  const example = exampleById(route.name);
  if (example) session.openOther(() => loadExample(store, example)).catch(() => {});
  else
    session.notify({
      kind: 'bad-link',
      message: `This link names the example “${route.name}”, which the gallery does not have.`,
    });
}

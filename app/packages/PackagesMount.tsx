import { lazy, Suspense } from 'react';
import { PaneBoundary } from '../layout/PaneBoundary.tsx';
import { PaneFailureMessage } from '../layout/PaneFailureMessage.tsx';
import { ModalDialog } from '../request/ModalDialog.tsx';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import type { PackagesSession } from './packagesSession.ts';
import { usePackagesState } from './usePackagesState.ts';

// The panel (and the requirement parser it checks lines with) loads when first opened.
const PackagesDialog = lazy(() =>
  import('./PackagesDialog.tsx').then((module) => ({ default: module.PackagesDialog })),
);

/**
 * The Packages panel while it is open, mounted beside the panes (not in the editor's: a
 * phone hides that one while it shows the results, which can open the panel too).
 */
export function PackagesMount({
  store,
  session,
}: {
  store: PlaygroundStore;
  session: PackagesSession;
}) {
  const { panelOpen } = usePackagesState(session);
  if (!panelOpen) return null;
  return (
    <PaneBoundary
      name="Packages panel"
      renderFailure={(failure) => (
        <ModalDialog open onClose={() => session.closePanel()} title="Packages">
          <PaneFailureMessage {...failure} />
        </ModalDialog>
      )}
    >
      <Suspense fallback={null}>
        <PackagesDialog store={store} session={session} />
      </Suspense>
    </PaneBoundary>
  );
}

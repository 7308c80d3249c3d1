import { lazy, Suspense, useState } from 'react';
import type { Example } from '../../src/index.ts';
import { PaneBoundary } from '../layout/PaneBoundary.tsx';
import { PaneFailureMessage } from '../layout/PaneFailureMessage.tsx';
import { ModalDialog } from '../request/ModalDialog.tsx';
import { usePlaygroundState } from '../state/usePlaygroundState.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { isOwnProject, loadExample } from './loadExample.ts';
import { useLoadedExample } from './useLoadedExample.ts';
import './gallery.css';

// The gallery's list is only needed once it is opened.
const GalleryDialog = lazy(() =>
  import('./GalleryDialog.tsx').then((module) => ({ default: module.GalleryDialog })),
);

/** The header's entry to the gallery: a button that opens it; choosing loads and runs. */
export function ExamplesButton({ store }: { store: PlaygroundStore }) {
  const [open, setOpen] = useState(false);
  const { project } = usePlaygroundState(store);
  const loaded = useLoadedExample(store);
  const choose = (example: Example): void => {
    setOpen(false);
    // Errors show in the run summary; the promise is for callers that want the Trace.
    loadExample(store, example).catch(() => {});
  };
  return (
    <>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2 3.2c2-.9 4-.9 6 .4v10c-2-1.3-4-1.3-6-.4zM14 3.2c-2-.9-4-.9-6 .4v10c2-1.3 4-1.3 6-.4z" />
        </svg>
        Examples
      </button>
      {open && (
        <PaneBoundary
          name="Examples gallery"
          renderFailure={(failure) => (
            <ModalDialog open onClose={() => setOpen(false)} title="Examples">
              <PaneFailureMessage {...failure} />
            </ModalDialog>
          )}
        >
          <Suspense fallback={null}>
            <GalleryDialog
              open={open}
              onClose={() => setOpen(false)}
              onChoose={choose}
              currentId={loaded?.example.id}
              ownCode={isOwnProject(project)}
            />
          </Suspense>
        </PaneBoundary>
      )}
    </>
  );
}

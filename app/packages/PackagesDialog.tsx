import { useState, type DragEvent } from 'react';
import { packagesKey, projectPackages } from '../../src/index.ts';
import { ModalDialog } from '../request/ModalDialog.tsx';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { usePlaygroundState } from '../state/usePlaygroundState.ts';
import { keepHandWheels, withHandWheels } from './handWheelFiles.ts';
import { HandWheelsField } from './HandWheelsField.tsx';
import { InstallStatus } from './InstallStatus.tsx';
import type { PackagesSession } from './packagesSession.ts';
import { RequirementsField } from './RequirementsField.tsx';
import { usePackagesState } from './usePackagesState.ts';
import './packages.css';

/**
 * The Packages panel: the project's requirements and package index, the wheels added by hand
 * (a file picker, or dropped onto the panel), Install, and what the newest preparation did.
 */
export function PackagesDialog({
  store,
  session,
}: {
  store: PlaygroundStore;
  session: PackagesSession;
}) {
  const { project } = usePlaygroundState(store);
  const state = usePackagesState(session);
  const packages = projectPackages(project);
  const [refused, setRefused] = useState<string[]>([]);
  const [dropping, setDropping] = useState(false);
  const current = state.key === packagesKey(project);
  const missing =
    current && state.error?.kind === 'missing-hand-wheel' ? (state.error.files ?? []) : [];

  const add = (files: File[]): void => {
    setRefused([]);
    void session
      .store()
      .then((kept) => keepHandWheels(files, kept))
      .then(({ added, refused: why }) => {
        setRefused(why);
        const { handWheels } = projectPackages(store.getState().project);
        if (added.length > 0) store.setPackages({ handWheels: withHandWheels(handWheels, added) });
      })
      .catch((error: unknown) => setRefused([`The files could not be read: ${String(error)}`]));
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDropping(false);
    add([...event.dataTransfer.files]);
  };

  return (
    <ModalDialog open onClose={() => session.closePanel()} title="Packages">
      <div
        className={`builder-dialog__body packages-panel${dropping ? ' packages-panel--drop' : ''}`}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        {state.storeNote && <p className="packages-note">{state.storeNote}</p>}
        <RequirementsField
          requirements={packages.requirements}
          indexUrl={packages.indexUrl}
          onRequirements={(requirements) => store.setPackages({ requirements })}
          onIndexUrl={(indexUrl) => store.setPackages({ indexUrl })}
        />
        <HandWheelsField
          wheels={packages.handWheels}
          missing={missing}
          onAdd={add}
          onRemove={(wheel) =>
            store.setPackages({
              handWheels: packages.handWheels.filter((w) => w.sha256 !== wheel.sha256),
            })
          }
        />
        {refused.length > 0 && (
          <ul className="packages-problems" role="alert">
            {refused.map((why) => (
              <li key={why}>{why}</li>
            ))}
          </ul>
        )}
        <div className="packages-install">
          <InstallStatus state={state} current={current} />
        </div>
        <div className="builder-dialog__actions">
          <button
            type="button"
            className="rb-button rb-button--primary"
            disabled={state.phase === 'preparing' && current}
            onClick={() => session.install(store.getState().project)}
          >
            Install
          </button>
          <button type="button" className="rb-button" onClick={() => session.closePanel()}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

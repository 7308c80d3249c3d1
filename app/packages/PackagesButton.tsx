import { useId } from 'react';
import { projectPackages } from '../../src/index.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { usePlaygroundState } from '../state/usePlaygroundState.ts';
import type { PackagesSession } from './packagesSession.ts';
import './packageShell.css';

/**
 * Beside the project's files: "Packages", with the number of requirements and hand-added
 * wheels as a badge, opening the Packages panel (see PackagesMount).
 */
export function PackagesButton({
  store,
  session,
}: {
  store: PlaygroundStore;
  session: PackagesSession;
}) {
  const { project } = usePlaygroundState(store);
  const countId = useId();
  const { requirements, handWheels } = projectPackages(project);
  const count = requirements.length + handWheels.length;
  return (
    <button
      type="button"
      className="file-tabs__tool packages-button"
      aria-haspopup="dialog"
      aria-label="Packages"
      aria-describedby={count > 0 ? countId : undefined}
      onClick={() => session.openPanel()}
    >
      Packages
      {count > 0 && (
        <span className="packages-button__count" id={countId}>
          <span className="visually-hidden">: </span>
          {count}
          <span className="visually-hidden">{count === 1 ? ' package' : ' packages'}</span>
        </span>
      )}
    </button>
  );
}

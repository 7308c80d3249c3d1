import type { PackagesSession } from './packagesSession.ts';
import { packageStatusText } from './statusText.ts';
import { usePackagesState } from './usePackagesState.ts';
import './packageShell.css';

/** One line under the request line while a run's packages are readied ("Installing …"). */
export function PackageStatusLine({ session }: { session: PackagesSession }) {
  const text = packageStatusText(usePackagesState(session));
  return (
    <p className="package-status-line" role="status" aria-live="polite">
      {text}
    </p>
  );
}

import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { CompareSession } from './compareSession.ts';

// The view, its diffs and jsdiff load the first time two runs are compared.
const CompareDialog = lazy(() => import('./CompareDialog.tsx'));

/** Where the compare view lives in the page: nothing until a comparison is first opened. */
export function CompareMount({ session }: { session: CompareSession }) {
  const opened = useSyncExternalStore(session.subscribe, () => session.getState().a !== null);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <CompareDialog session={session} />
    </Suspense>
  );
}

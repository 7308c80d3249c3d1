import { useSyncExternalStore } from 'react';
import { forgetLink } from './pageLinks.ts';
import type { SharedPart, ShareSession } from './shareSession.ts';
import './shareMenu.css';
import './shareNotices.css';

/** "the code", "the code and the request", … */
function partsText(parts: readonly SharedPart[]): string {
  const named = parts.map((part) => `the ${part}`);
  return named.length <= 1
    ? (named[0] ?? '')
    : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
}

/**
 * The notices above the results: where the contents came from (a shared link, changed or not
 * since), a link that could not be opened, and a draft whose last run never finished.
 */
export function ShareNotices({ session, onRun }: { session: ShareSession; onRun: () => void }) {
  const { notices, shared, draftAside } = useSyncExternalStore(session.subscribe, session.getState);
  if (notices.length === 0) return null;
  return (
    <div className="share-notices">
      {notices.map((notice) => {
        if (notice.kind === 'bad-link') {
          return (
            <div key="bad-link" className="share-notice share-notice--bad" role="alert">
              <p>
                <strong>This link could not be opened.</strong> {notice.message} Your own draft is
                unchanged.
              </p>
              <button
                type="button"
                className="close-button"
                aria-label="Dismiss"
                onClick={() => {
                  session.dismiss('bad-link');
                  // A reload would show the same message again.
                  forgetLink();
                }}
              >
                ×
              </button>
            </div>
          );
        }
        if (notice.kind === 'hung') {
          return (
            <div key="hung" className="share-notice share-notice--warn" role="status">
              <p>
                The last run of this draft did not finish (it may have hung), so it was not{' '}
                <span className="share-notice__nowrap">re-run</span>.
              </p>
              <button type="button" className="share-item share-item--primary" onClick={onRun}>
                Run
              </button>
              <button
                type="button"
                className="close-button"
                aria-label="Dismiss"
                onClick={() => session.dismiss('hung')}
              >
                ×
              </button>
            </div>
          );
        }
        const changed = shared?.changed ?? [];
        return (
          <div key="shared" className="share-notice" role="status">
            <p>
              <strong>Opened from a shared link.</strong>{' '}
              {changed.length > 0 ? (
                <span className="share-notice__changed">
                  {partsText(changed).replace(/^t/, 'T')} {changed.length > 1 ? 'have' : 'has'}{' '}
                  changed since it was shared.
                </span>
              ) : (
                <span className="muted">Unchanged since it was shared.</span>
              )}
            </p>
            {changed.length > 0 && (
              <button type="button" className="share-item" onClick={() => session.revertToShared()}>
                Revert to shared
              </button>
            )}
            {draftAside && (
              <button
                type="button"
                className="share-item"
                title="Put your own saved draft back (the link is left)"
                onClick={() => session.backToDraft()}
              >
                Back to my draft
              </button>
            )}
            <button
              type="button"
              className="close-button"
              aria-label="Dismiss"
              onClick={() => session.dismiss('shared')}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

import { useState, useSyncExternalStore } from 'react';
import type { HistoryEntry } from '../../src/index.ts';
import { ModalDialog } from '../request/ModalDialog.tsx';
import type { ShareSession } from './shareSession.ts';
import './shareMenu.css';
import './history.css';

/** When a run happened: the time today, the date and time before. */
function when(at: number, now = new Date()): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return date.toDateString() === now.toDateString()
    ? time
    : `${date.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}

const GOOD = new Set(['complete']);

/**
 * The header's History button and its dialog: recent runs, each with a Restore, and a
 * Compare (with the run on screen) when the page can compare runs.
 */
export function HistoryButton({
  session,
  onCompare,
}: {
  session: ShareSession;
  onCompare?: ((entry: HistoryEntry) => void) | undefined;
}) {
  const [open, setOpen] = useState(false);
  const { history } = useSyncExternalStore(session.subscribe, session.getState);
  const restore = (entry: HistoryEntry): void => {
    session.restore(entry);
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="dialog"
        title="Recent runs, kept in this browser"
        onClick={() => setOpen(true)}
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2.5 8a5.5 5.5 0 101.6-3.9M2.5 2.5v2.2h2.2M8 5v3.2l2.2 1.4" />
        </svg>
        History
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title="Recent runs">
        <div className="history">
          <p className="history__note">
            The last runs and their responses, newest first — kept in this browser only.
          </p>
          {history.length === 0 ? (
            <p className="history__empty">
              No runs yet. Each run is kept here, in this browser only, with its response.
            </p>
          ) : (
            <ol className="history__list">
              {history.map((entry, index) => (
                <li key={`${entry.at}-${index}`} className="history__entry">
                  <div className="history__line">
                    <time className="history__time" dateTime={new Date(entry.at).toISOString()}>
                      {when(entry.at)}
                    </time>
                    <code className="history__request">
                      <strong>{entry.method}</strong> {entry.target}
                    </code>
                    <span
                      className={`history__outcome history__outcome--${GOOD.has(entry.outcome) ? 'good' : 'bad'}`}
                    >
                      {entry.status ?? 'no response'}
                      {entry.outcome !== 'complete' && ` · ${entry.outcome}`}
                    </span>
                    <span className="history__buttons">
                      {onCompare && (
                        <button
                          type="button"
                          className="share-item"
                          title="Compare this run with the run on screen"
                          onClick={() => {
                            setOpen(false);
                            onCompare(entry);
                          }}
                        >
                          Compare
                        </button>
                      )}
                      <button
                        type="button"
                        className="share-item"
                        title="Put this run's code, request and settings back in the editor"
                        onClick={() => restore(entry)}
                      >
                        Restore
                      </button>
                    </span>
                  </div>
                  {entry.bodyPreview && (
                    <pre className="history__body" aria-label="Response body">
                      {entry.bodyPreview}
                    </pre>
                  )}
                </li>
              ))}
            </ol>
          )}
          <div className="history__actions">
            {history.length > 0 && (
              <button type="button" className="share-item" onClick={() => session.clearHistory()}>
                Clear history
              </button>
            )}
            <button
              type="button"
              className="share-item share-item--primary"
              onClick={() => setOpen(false)}
            >
              Close
            </button>
          </div>
        </div>
      </ModalDialog>
    </>
  );
}

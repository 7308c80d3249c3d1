import { useEffect, useRef } from 'react';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { usePlaygroundState } from '../state/usePlaygroundState.ts';
import {
  curlOf,
  harOf,
  httpieOf,
  iframeOf,
  lastRunOf,
  markdownOf,
  pytestBlocker,
  pytestOf,
  pythonScriptOf,
} from './exportTexts.ts';
import type { ShareSession } from './shareSession.ts';
import './shareMenu.css';

/** What the panel last did, shown under the link. */
export interface PanelOutcome {
  message: string;
  /** Text the clipboard refused: shown selected, to copy by hand. */
  fallback?: string;
}

/** What the Share panel shows and reports. */
export interface SharePanelProps {
  id: string;
  store: PlaygroundStore;
  session: ShareSession;
  /** The link to the run, and the same in embed mode. */
  links: { link: string; embed: string };
  outcome: PanelOutcome | null;
  onCopy: (what: string, text: string) => void;
  onDownload: (filename: string, text: string, type: string) => void;
  onClose: () => void;
}

/**
 * The Share panel: the link, the other copies (Markdown, curl, HTTPie), the downloads (Python
 * script, pytest test, HAR) and the `<iframe>` snippet. Downloads that need a run are enabled
 * once one has finished.
 */
export function SharePanel({
  id,
  store,
  session,
  links,
  outcome,
  onCopy,
  onDownload,
  onClose,
}: SharePanelProps) {
  const state = usePlaygroundState(store);
  const fallbackArea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (outcome?.fallback !== undefined) fallbackArea.current?.select();
  }, [outcome]);
  const bench = () => ({
    project: state.project,
    request: state.request,
    settings: state.settings,
  });
  const lastRun = lastRunOf(state, (seq) => session.runRecord(seq));
  const testBlocker = pytestBlocker(lastRun);
  const harBlocker = lastRun ? null : 'Run the app first: the HAR file holds its response.';

  return (
    <div id={id} className="share-panel dialog-box" role="dialog" aria-label="Share and export">
      <div className="share-panel__head">
        <h2 className="share-panel__title">Link to this run</h2>
        <button type="button" className="close-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="share-panel__link">
        <input
          aria-label="Link"
          readOnly
          value={links.link}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="share-item" onClick={() => onCopy('the link', links.link)}>
          Copy link
        </button>
      </div>
      <p
        className={`share-panel__status${outcome?.fallback === undefined ? '' : ' share-panel__status--warn'}`}
        role="status"
      >
        {outcome?.message ?? ''}
      </p>
      {outcome?.fallback !== undefined && (
        <textarea
          ref={fallbackArea}
          aria-label="Text to copy"
          className="share-panel__snippet"
          readOnly
          rows={5}
          value={outcome.fallback}
          spellCheck={false}
        />
      )}
      <p className="share-panel__hint">
        Opens this code, request and settings, and runs them. Nothing is uploaded: it all travels in
        the link.
      </p>

      <section className="share-panel__group" aria-label="Copy as">
        <h3>Copy as</h3>
        <div className="share-panel__items">
          <button
            type="button"
            className="share-item"
            aria-label="Copy as Markdown"
            title="A link plus the code as a Python block, for a chat or an issue"
            onClick={() => onCopy('the Markdown', markdownOf(bench(), links.link, lastRun))}
          >
            Markdown
          </button>
          <button
            type="button"
            className="share-item"
            aria-label="Copy as curl"
            title="The request as a curl command"
            onClick={() => onCopy('the curl command', curlOf(bench()))}
          >
            curl
          </button>
          <button
            type="button"
            className="share-item"
            aria-label="Copy as HTTPie"
            title="The request as an HTTPie command"
            onClick={() => onCopy('the HTTPie command', httpieOf(bench()))}
          >
            HTTPie
          </button>
        </div>
      </section>

      <section className="share-panel__group" aria-label="Download">
        <h3>Download</h3>
        <div className="share-panel__items">
          <button
            type="button"
            className="share-item"
            aria-label="Download Python script"
            title="Reproduces the last run on your CPython with plain wsgiref: prints the same response bytes"
            onClick={() =>
              onDownload(
                'wsgi_run.py',
                pythonScriptOf(bench(), lastRun, links.link),
                'text/x-python',
              )
            }
          >
            Python script
          </button>
          <button
            type="button"
            className="share-item"
            aria-label="Download pytest test"
            title={
              testBlocker ?? 'pytest tests pinning the status, headers and body of the last run'
            }
            disabled={testBlocker !== null}
            onClick={() => {
              if (lastRun) onDownload('test_app.py', pytestOf(lastRun), 'text/x-python');
            }}
          >
            pytest test
          </button>
          <button
            type="button"
            className="share-item"
            aria-label="Download HAR"
            title={harBlocker ?? 'The last request and response as a HAR 1.2 file, for devtools'}
            disabled={harBlocker !== null}
            onClick={() => {
              if (lastRun) onDownload('wsgi-playground.har', harOf(lastRun), 'application/json');
            }}
          >
            HAR
          </button>
        </div>
        {testBlocker && lastRun && <p className="share-panel__hint">{testBlocker}</p>}
      </section>

      <section className="share-panel__group" aria-label="Embed">
        <h3>Embed in a page</h3>
        <textarea
          aria-label="Embed snippet"
          className="share-panel__snippet"
          readOnly
          rows={3}
          value={iframeOf(links.embed, bench())}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="share-panel__items">
          <button
            type="button"
            className="share-item"
            onClick={() => onCopy('the <iframe> snippet', iframeOf(links.embed, bench()))}
          >
            Copy &lt;iframe&gt; snippet
          </button>
          <a className="share-panel__preview" href={links.embed} target="_blank" rel="noopener">
            Preview the embed ↗
          </a>
        </div>
      </section>
    </div>
  );
}

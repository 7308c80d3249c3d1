import type { BrowserEngine, RequestDraft } from '../../src/index.ts';
import type { RunSettings } from '../state/playgroundStore.ts';
import { useEnvironPreview } from './useEnvironPreview.ts';

/** The environ this request will produce, live: a probe app is run on it after each change. */
export function EnvironPreviewPanel({
  engine,
  request,
  settings,
  active,
}: {
  engine: BrowserEngine;
  request: RequestDraft;
  settings: RunSettings;
  active: boolean;
}) {
  const preview = useEnvironPreview(engine, request, settings, active);
  const { stale } = preview;
  return (
    <div className="builder-panel" aria-busy={preview.state === 'waiting' || stale}>
      <p className="builder-note">
        What the server puts in <code>environ</code> for this request and these settings — before
        your app runs. {stale && <span className="environ-preview__updating">Updating…</span>}
      </p>
      {preview.state === 'waiting' && <p className="builder-note">Waiting for Python…</p>}
      {(preview.state === 'invalid' || preview.state === 'failed') && (
        <p className="builder-error" role="alert">
          <strong>{preview.state === 'invalid' ? 'Bad request: ' : 'Preview failed: '}</strong>
          {preview.message}
        </p>
      )}
      {preview.state === 'ready' && (
        <>
          {preview.notes.map((note) => (
            <p className="builder-note builder-note--warn" key={note}>
              {note}
            </p>
          ))}
          <table
            className={`environ-preview${stale ? ' environ-preview--stale' : ''}`}
            aria-label="Environ preview"
          >
            <tbody>
              {preview.environ.map(({ key, type, value }) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>
                    {value === '' ? <span className="environ-preview__empty">''</span> : value}
                    {type !== 'str' && <span className="environ-preview__type">{type}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

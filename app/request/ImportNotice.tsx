import { useEffect } from 'react';
import { type CurlImport } from '../../src/share/exports.ts';
import './curlDialogs.css';

/** A clean import is confirmed briefly; one with warnings stays until dismissed. */
const CLEAN_NOTICE_MS = 4000;

/** What filling the request from curl did, and what it could not do. */
export function ImportNotice({ result, onDismiss }: { result: CurlImport; onDismiss: () => void }) {
  const clean = result.warnings.length === 0;
  useEffect(() => {
    if (!clean) return undefined;
    const timer = setTimeout(onDismiss, CLEAN_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [clean, onDismiss]);
  return (
    <div className={`import-notice${clean ? '' : ' import-notice--warn'}`} role="status">
      <div className="import-notice__line">
        <span>
          Filled from curl: <code>{result.request.method}</code> <code>{result.url}</code>
          {clean
            ? '.'
            : ` — ${result.warnings.length === 1 ? '1 warning' : `${result.warnings.length} warnings`}:`}
        </span>
        <button type="button" className="rb-icon" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
      {!clean && (
        <ul>
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

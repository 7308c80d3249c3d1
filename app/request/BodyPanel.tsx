import { useMemo } from 'react';
import { BODY_MODES, encodeBody, type BodyDraft, type BodyMode } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { FieldTable } from './FieldTable.tsx';
import { JsonBodyEditor } from './JsonBodyEditor.tsx';
import { MultipartEditor } from './MultipartEditor.tsx';

/** Each body mode's label in the switch (typed by the engine's list: a new mode needs one). */
const MODE_LABELS: Record<BodyMode, string> = {
  none: 'None',
  raw: 'Raw',
  json: 'JSON',
  form: 'Form',
  multipart: 'Multipart',
};

const RAW_TYPES = [
  'text/plain; charset=utf-8',
  'application/json',
  'application/xml',
  'text/csv',
  'text/html; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
];

/** The body editor: a mode switch, then the editor of that mode, and what will be sent. */
export function BodyPanel({
  body,
  onBody,
}: {
  body: BodyDraft;
  onBody: (patch: Partial<BodyDraft>) => void;
}) {
  const sent = useMemo(() => {
    const { bodyBase64, contentType } = encodeBody(body);
    return { size: atob(bodyBase64).length, contentType };
  }, [body]);
  return (
    <div className="builder-panel">
      <div className="body-modes" role="radiogroup" aria-label="Body mode">
        {BODY_MODES.map((mode) => (
          <label key={mode} className="body-modes__option">
            <input
              type="radio"
              name="body-mode"
              value={mode}
              checked={body.mode === mode}
              onChange={() => onBody({ mode })}
            />
            <span>{MODE_LABELS[mode]}</span>
          </label>
        ))}
        {body.mode !== 'none' && (
          <span className="body-modes__summary">
            {formatBytes(sent.size)}
            {sent.contentType && (
              <>
                {' · '}
                <code title={sent.contentType}>{sent.contentType.split(';')[0]}</code>
              </>
            )}
          </span>
        )}
      </div>
      {body.mode === 'none' && (
        <p className="builder-note">
          No body: the request has no <code>Content-Length</code>, and <code>wsgi.input</code> reads
          as empty.
        </p>
      )}
      {body.mode === 'raw' && (
        <div className="body-editor">
          <label className="body-editor__type">
            <span>Content-Type</span>
            <input
              aria-label="Raw content type"
              value={body.rawContentType}
              list="raw-content-types"
              placeholder="none — no Content-Type header"
              spellCheck={false}
              onChange={(event) => onBody({ rawContentType: event.target.value })}
            />
            <datalist id="raw-content-types">
              {RAW_TYPES.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </label>
          <textarea
            aria-label="Raw body"
            className="body-editor__text"
            value={body.raw}
            spellCheck={false}
            rows={4}
            placeholder="The bytes to send (as UTF-8)"
            onChange={(event) => onBody({ raw: event.target.value })}
          />
        </div>
      )}
      {body.mode === 'json' && (
        <JsonBodyEditor json={body.json} onJson={(json) => onBody({ json })} />
      )}
      {body.mode === 'form' && (
        <FieldTable
          rows={body.form}
          onChange={(form) => onBody({ form })}
          noun="Field"
          empty="No fields yet — the body is empty."
        />
      )}
      {body.mode === 'multipart' && (
        <MultipartEditor parts={body.multipart} onParts={(multipart) => onBody({ multipart })} />
      )}
    </div>
  );
}

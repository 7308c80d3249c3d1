import { useMemo } from 'react';
import { checkJson } from '../../src/index.ts';

/** A JSON body: a textarea, a Format button, and a note when the text is not valid JSON. */
export function JsonBodyEditor({ json, onJson }: { json: string; onJson: (json: string) => void }) {
  const problem = useMemo(() => (json.trim() === '' ? null : checkJson(json)), [json]);
  return (
    <div className="body-editor">
      <textarea
        aria-label="JSON body"
        className="body-editor__text"
        value={json}
        spellCheck={false}
        rows={5}
        onChange={(event) => onJson(event.target.value)}
      />
      <div className="body-editor__bar">
        <button
          type="button"
          className="rb-button"
          disabled={problem !== null || json.trim() === ''}
          onClick={() => onJson(JSON.stringify(JSON.parse(json), null, 2))}
        >
          Format
        </button>
        {problem !== null && (
          <span className="builder-note builder-note--warn" role="status">
            Not valid JSON at line {problem.line}, column {problem.column}: {problem.message}. It is
            still sent as typed.
          </span>
        )}
      </div>
    </div>
  );
}

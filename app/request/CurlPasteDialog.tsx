import { useState, type FormEvent } from 'react';
import { parseCurl, type CurlImport } from '../../src/share/exports.ts';
import { ModalDialog } from './ModalDialog.tsx';

const EXAMPLE = `curl 'http://localhost:8000/items?page=2' \\
  -H 'Accept: application/json' \\
  --data-raw '{"name": "café"}'`;

/**
 * A dialog to paste a curl command into. A command that reads fills the request; one that does
 * not shows why, and the request is left as it was.
 */
export function CurlPasteDialog({
  open,
  onClose,
  onImport,
}: {
  open: boolean;
  onClose: () => void;
  onImport: (result: CurlImport) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (): void => {
    setError(null);
    onClose();
  };
  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    const result = parseCurl(text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setText('');
    setError(null);
    onImport(result);
  };
  return (
    <ModalDialog open={open} onClose={close} title="Paste a curl command">
      <form className="builder-dialog__body" onSubmit={submit}>
        <p className="builder-note">
          From a terminal, or a browser's developer tools (Network → Copy → Copy as cURL (bash)).
          Files it names cannot be read here; you will be told what was left out.
        </p>
        <textarea
          aria-label="curl command"
          className="builder-dialog__text"
          value={text}
          rows={8}
          placeholder={EXAMPLE}
          spellCheck={false}
          autoFocus
          aria-invalid={error !== null}
          aria-describedby={error ? 'curl-paste-error' : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault(); // not a run: fill the request
              submit();
            }
          }}
        />
        {error && (
          <p className="builder-error" role="alert" id="curl-paste-error">
            {error} The request was not changed.
          </p>
        )}
        <div className="builder-dialog__actions">
          <button type="button" className="rb-button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="rb-button rb-button--primary"
            disabled={text.trim() === ''}
          >
            Fill request
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from './ModalDialog.tsx';

/** How long "Copied" stays after a copy. */
const CONFIRM_MS = 2000;

/**
 * Copy a curl command to the clipboard and say "Copied"; where the clipboard cannot be
 * written (no permission, not a secure page), show the command selected in a dialog instead.
 */
export function CopyCurlButton({ command }: { command: () => string }) {
  const [copied, setCopied] = useState(false);
  const [fallback, setFallback] = useState<string | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  useEffect(() => {
    if (fallback !== null) textArea.current?.select();
  }, [fallback]);

  const copy = async (): Promise<void> => {
    const text = command();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setFallback(text);
    }
  };
  return (
    <>
      <button
        type="button"
        className="rb-button"
        aria-label="Copy as curl"
        title="Copy this request as a curl command"
        onClick={() => void copy()}
      >
        Copy
      </button>
      <span className="builder-toolbar__status" role="status">
        {copied ? 'Copied' : ''}
      </span>
      <ModalDialog
        open={fallback !== null}
        onClose={() => setFallback(null)}
        title="Copy this curl command"
      >
        <div className="builder-dialog__body">
          <p className="builder-note">
            The clipboard is not available here: the command is selected — press Ctrl+C (⌘C) to copy
            it.
          </p>
          <textarea
            ref={textArea}
            aria-label="curl command to copy"
            className="builder-dialog__text"
            value={fallback ?? ''}
            rows={8}
            readOnly
            spellCheck={false}
          />
          <div className="builder-dialog__actions">
            <button type="button" className="rb-button" onClick={() => setFallback(null)}>
              Close
            </button>
          </div>
        </div>
      </ModalDialog>
    </>
  );
}

import { useLayoutEffect, useRef } from 'react';

/**
 * Where the caret was when a plain-text stand-in gave way to the next one or to Monaco, so
 * the person typing never loses their place (one editor per page).
 */
export const caretHandoff: { offset: number | null } = { offset: null };

interface EditorFallbackProps {
  code: string;
  /** Given: the code is editable as plain text; without it, shown read-only. */
  onChange?: ((code: string) => void) | undefined;
  /** Why the editor failed to load, when it did. */
  failure?: string | undefined;
}

/**
 * The code as plain text while the editor loads (it waits for Python's first result), or
 * instead of it if it failed to. Editable when `onChange` is given, so nobody waits to type.
 */
export function EditorFallback({ code, onChange, failure }: EditorFallbackProps) {
  const note =
    failure === undefined
      ? 'Plain text until the editor has loaded.'
      : `The editor failed to load (${failure}). Reload the page to try again${onChange ? '; meanwhile the code is editable here' : ''}.`;
  // Busy only while there is nothing to do here but wait (the read-only view).
  return (
    <div className="editor-fallback" aria-busy={failure === undefined && !onChange}>
      <p className="editor-fallback__note">{note}</p>
      {onChange ? <PlainCode code={code} onChange={onChange} /> : <pre>{code}</pre>}
    </div>
  );
}

/**
 * A textarea for the code that takes over the caret from the stand-in before it (also the
 * plain code view's Edit mode).
 */
export function PlainCode({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = area.current;
    if (element && caretHandoff.offset !== null) {
      element.focus();
      element.setSelectionRange(caretHandoff.offset, caretHandoff.offset);
      caretHandoff.offset = null;
    }
    return () => {
      if (element && document.activeElement === element) {
        caretHandoff.offset = element.selectionStart;
      }
    };
  }, []);
  return (
    <textarea
      ref={area}
      className="editor-fallback__text"
      aria-label="Application code (plain text)"
      value={code}
      onChange={(event) => onChange(event.target.value)}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      wrap="off"
    />
  );
}

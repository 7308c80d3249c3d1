import type { ReactNode } from 'react';
import { EditorFallback } from './EditorFallback.tsx';
import { PaneBoundary } from '../layout/PaneBoundary.tsx';
import '../layout/paneFailure.css';

interface EditorBoundaryProps {
  code: string;
  /** Given: the code stays editable as plain text when the editor fails. */
  onChange?: ((code: string) => void) | undefined;
  children: ReactNode;
}

/**
 * Keeps the page alive when the editor fails to load (say, a stale chunk after a deploy) or
 * to render: the code stays on screen as plain text, with a button to try the editor again.
 */
export function EditorBoundary({ code, onChange, children }: EditorBoundaryProps) {
  return (
    <PaneBoundary
      name="Editor"
      renderFailure={({ message, reload }) => (
        <div className="editor-failed">
          <EditorFallback code={code} onChange={onChange} failure={message} />
          <div className="editor-failed__actions">
            <button type="button" className="tool-button" onClick={reload}>
              Reload this pane
            </button>
          </div>
        </div>
      )}
    >
      {children}
    </PaneBoundary>
  );
}

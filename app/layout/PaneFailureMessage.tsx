import type { PaneName } from './paneFaults.ts';
import './paneFailure.css';

/** An error message longer than this is cut: a hostile value must not fill the screen. */
const MAX_MESSAGE_CHARS = 600;

interface PaneFailureMessageProps {
  name: PaneName;
  message: string;
  reload: () => void;
}

function shortened(message: string): string {
  const text = message.trim() || 'No message was given.';
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

/**
 * What a pane shows in its place when it failed to render: which pane, the error's message,
 * what is kept, and a button that tries again. For the whole page, the button reloads it.
 */
export function PaneFailureMessage({ name, message, reload }: PaneFailureMessageProps) {
  const page = name === 'Page';
  return (
    <div className={page ? 'pane-failure pane-failure--page' : 'pane-failure'} role="alert">
      <p className="pane-failure__title">
        {page ? 'The playground failed to render' : `${name} failed to render`}
      </p>
      <p className="pane-failure__error">{shortened(message)}</p>
      <p className="pane-failure__note">
        {page
          ? 'Your code and request are saved in this browser: they come back when the page reloads.'
          : 'The rest of the page still works, and your code and request are kept.'}
      </p>
      <button
        type="button"
        className="tool-button"
        onClick={page ? () => location.reload() : reload}
      >
        {page ? 'Reload the page' : 'Reload this pane'}
      </button>
    </div>
  );
}

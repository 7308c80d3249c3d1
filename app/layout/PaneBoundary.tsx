import { Component, type ReactNode } from 'react';
import { PaneFailureMessage } from './PaneFailureMessage.tsx';
import { clearPaneFault, usePaneFault, type PaneName } from './paneFaults.ts';

/** A pane that failed to render, and how to try again. */
export interface PaneFailure {
  name: PaneName;
  /** The error's message. */
  message: string;
  /** Mount the pane afresh. */
  reload: () => void;
}

interface PaneBoundaryProps {
  /** The pane, as its failure message names it. */
  name: PaneName;
  children: ReactNode;
  /** What to show instead of the standard message (which says the pane failed and why). */
  renderFailure?: ((failure: PaneFailure) => ReactNode) | undefined;
  /** When this changes (say, a new trace arrives), a failed pane tries again by itself. */
  resetKey?: unknown;
}

interface PaneBoundaryState {
  message: string | null;
}

/** The message of whatever was thrown (even a value whose `toString` throws). */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'An error that cannot be shown as text.';
  }
}

/** Throws while a test has armed a fault for this pane (see paneFaults.ts). */
function FaultPoint({ name }: { name: PaneName }): null {
  usePaneFault(name);
  return null;
}

/**
 * Keeps a render error inside one pane: the pane shows what failed and a "Reload this pane"
 * button, the rest of the page keeps working. The code and the request live in the store,
 * so reloading a pane loses nothing. React logs the caught error to the console.
 *
 * @example
 * <PaneBoundary name="Timeline"><TimelineTab {...props} /></PaneBoundary>
 */
export class PaneBoundary extends Component<PaneBoundaryProps, PaneBoundaryState> {
  override state: PaneBoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): PaneBoundaryState {
    return { message: messageOf(error) };
  }

  override componentDidCatch(): void {
    clearPaneFault(this.props.name);
  }

  override componentDidUpdate(previous: PaneBoundaryProps, before: PaneBoundaryState): void {
    // Only a failure already on screen: the update that failed may itself have changed the key.
    const shown = before.message !== null && this.state.message !== null;
    if (shown && previous.resetKey !== this.props.resetKey) this.reload();
  }

  private readonly reload = (): void => this.setState({ message: null });

  override render(): ReactNode {
    const { name, children, renderFailure } = this.props;
    const { message } = this.state;
    if (message === null) {
      return (
        <>
          <FaultPoint name={name} />
          {children}
        </>
      );
    }
    const failure: PaneFailure = { name, message, reload: this.reload };
    return renderFailure ? renderFailure(failure) : <PaneFailureMessage {...failure} />;
  }
}

import { Component, type ReactNode } from 'react';
import { EditorFallback } from './EditorFallback.tsx';

interface EditorBoundaryProps {
  code: string;
  /** Given: the code stays editable as plain text when the editor fails. */
  onChange?: (code: string) => void;
  children: ReactNode;
}

/** Keeps the page alive when the editor fails to load (say, a stale chunk after a deploy). */
export class EditorBoundary extends Component<EditorBoundaryProps, { error: string | null }> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const { code, onChange } = this.props;
    return <EditorFallback code={code} onChange={onChange} failure={this.state.error} />;
  }
}

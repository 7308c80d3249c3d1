import { lazy, Suspense, type ReactNode } from 'react';
import type { CodeEditorProps } from './CodeEditor.tsx';
import { TouchCodeView } from './TouchCodeView.tsx';
import { usePlainCodeView } from './usePlainCodeView.ts';

// Monaco is the biggest part of the page; the shell paints first, Python boots meanwhile.
// A touch-only screen never loads it unless the person asks for it.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

/** The editor's props, and what to show until Monaco is wanted and loaded. */
export interface ProjectCodeViewProps extends CodeEditorProps {
  /** Whether Monaco may load yet (absent: at once). */
  editorWanted?: boolean;
  /** Shown until Monaco is wanted and loaded, e.g. an `EditorFallback`. */
  fallback: ReactNode;
}

/**
 * The code of the shown file: Monaco, or on a touch-only screen (which Monaco does not
 * support) the plain code view, unless the person chose the full editor this session. Used
 * by the playground's editor pane and by the embed; wrap it in an `EditorBoundary`.
 */
export function ProjectCodeView({
  editorWanted = true,
  fallback,
  ...editor
}: ProjectCodeViewProps) {
  const { plain, chooseFullEditor } = usePlainCodeView();
  // The view ignores Monaco's own props (onRun, colorScheme).
  if (plain) return <TouchCodeView {...editor} onUseFullEditor={chooseFullEditor} />;
  return (
    <Suspense fallback={fallback}>{editorWanted ? <CodeEditor {...editor} /> : fallback}</Suspense>
  );
}

import { Editor } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EditorMarker } from './editorMarkers.ts';
import { monaco } from './monacoSetup.ts';
import { caretHandoff, EditorFallback } from './EditorFallback.tsx';
import { useEditorEventLink, type EditorEventLink } from './useEditorEventLink.ts';
import { useRevealRequests } from './useRevealRequests.ts';
import { useEditorModel } from './useEditorModel.ts';
import { useBreakpointGutter } from './useBreakpointGutter.ts';
import { eventsInFile } from '../../src/index.ts';
import { defineEditorThemes, EDITOR_THEMES } from './editorThemes.ts';
import './editorLink.css';

type CodeEditorInstance = monaco.editor.IStandaloneCodeEditor;

/** What the page gives the editor; Monaco stays behind this small interface. */
export interface CodeEditorProps extends EditorEventLink {
  /** The file shown: its own model, undo history and markers (one per path). */
  path: string;
  /** Where events and markers without a file belong. */
  entryFile: string;
  value: string;
  onChange: (value: string) => void;
  /** Show another file (a reveal request for a line in it); absent: read-only, one file. */
  onOpenFile?: ((file: string) => void) | undefined;
  readOnly?: boolean;
  /** The file of the selected event (its line is highlighted only there). */
  selectedFile?: string | undefined;
  onRun: () => void;
  markers: EditorMarker[];
  colorScheme: 'light' | 'dark';
  /** The lines of this file with a breakpoint. */
  breakpointLines?: readonly number[] | undefined;
  /** Toggle a breakpoint at a line of this file (absent: runs cannot be held, no margin). */
  onToggleBreakpoint?: ((line: number) => void) | undefined;
}

const MARKER_OWNER = 'wsgi-playground';

const MARKER_SEVERITY: Record<NonNullable<EditorMarker['severity']>, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/**
 * Underline `markers` in the editor's model and tint their lines, replacing those of the
 * previous run (a one-character squiggle alone is easy to miss).
 */
function showMarkers(
  model: monaco.editor.ITextModel,
  lines: monaco.editor.IEditorDecorationsCollection,
  markers: EditorMarker[],
): void {
  const lastLine = model.getLineCount();
  const data = markers
    .filter((marker) => marker.line >= 1 && marker.line <= lastLine)
    .map((marker): monaco.editor.IMarkerData => {
      const endLine = Math.min(Math.max(marker.endLine ?? marker.line, marker.line), lastLine);
      const lineEnd = model.getLineMaxColumn(marker.line);
      // Python points just past the end of a line for "expected ':'"; underline the last character.
      const startColumn = Math.min(
        marker.column ?? model.getLineFirstNonWhitespaceColumn(marker.line),
        Math.max(lineEnd - 1, 1),
      );
      const endIsAfterStart =
        marker.endColumn !== undefined && (endLine > marker.line || marker.endColumn > startColumn);
      return {
        severity: MARKER_SEVERITY[marker.severity ?? 'error'],
        message: marker.message,
        ...(marker.source !== undefined && { source: marker.source }),
        ...(marker.code && {
          code: { value: marker.code.value, target: monaco.Uri.parse(marker.code.href) },
        }),
        startLineNumber: marker.line,
        startColumn,
        endLineNumber: endLine,
        endColumn:
          endIsAfterStart && marker.endColumn !== undefined
            ? marker.endColumn
            : model.getLineMaxColumn(endLine),
      };
    });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, data);
  // Only errors tint their line (once, however many): a warning or a note is worth a
  // squiggle, not an alarm.
  const errorLines = new Set(
    data
      .filter((marker) => marker.severity === monaco.MarkerSeverity.Error)
      .map((marker) => marker.startLineNumber),
  );
  lines.set(
    [...errorLines].map((line) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        isWholeLine: true,
        className: 'editor-problem-line',
        linesDecorationsClassName: 'editor-problem-gutter',
      },
    })),
  );
}

/** Put the caret where the person was typing in the plain-text stand-in, if they were. */
function takeCaret(editor: CodeEditorInstance): void {
  const model = editor.getModel();
  if (caretHandoff.offset === null || !model) return;
  editor.setPosition(model.getPositionAt(caretHandoff.offset));
  editor.focus();
  caretHandoff.offset = null;
}

/** The Monaco editor holding the application's Python code (loaded lazily). */
export default function CodeEditor({
  path,
  entryFile,
  value,
  onChange,
  onOpenFile,
  readOnly = false,
  onRun,
  markers,
  colorScheme,
  events,
  selectedLine,
  selectedFile,
  breakpointLines,
  onToggleBreakpoint,
  ...link
}: CodeEditorProps) {
  const [editor, setEditor] = useState<CodeEditorInstance | null>(null);
  const problemLines = useMemo(() => editor?.createDecorationsCollection(), [editor]);
  const runRef = useRef(onRun);
  useLayoutEffect(() => {
    runRef.current = onRun;
  });

  const fileMarkers = useMemo(
    () => markers.filter((marker) => (marker.file ?? entryFile) === path),
    [markers, entryFile, path],
  );
  const model = useEditorModel(editor);
  useEffect(() => {
    if (model && problemLines) showMarkers(model, problemLines, fileMarkers);
  }, [model, problemLines, fileMarkers]);
  const fileEvents = useMemo(
    () => events && eventsInFile(events, path, entryFile),
    [events, path, entryFile],
  );
  // The selected event's line is highlighted only in the file it is in.
  const shownLine = selectedFile === undefined || selectedFile === path ? selectedLine : null;
  useEditorEventLink(editor, { ...link, events: fileEvents, selectedLine: shownLine });
  useRevealRequests(editor, path, entryFile, onOpenFile);
  useBreakpointGutter(editor, breakpointLines, readOnly ? undefined : onToggleBreakpoint);

  return (
    <Editor
      value={value}
      path={path}
      language={path.endsWith('.py') ? 'python' : 'plaintext'}
      theme={EDITOR_THEMES[colorScheme]}
      beforeMount={defineEditorThemes}
      loading={<EditorFallback code={value} onChange={onChange} />}
      onChange={(next) => onChange(next ?? '')}
      onMount={(instance) => {
        // Ctrl/Cmd+Enter runs (Monaco would otherwise insert a line below).
        instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
        takeCaret(instance);
        setEditor(instance);
      }}
      options={{
        ariaLabel: 'Application code',
        readOnly,
        fontSize: 14,
        lineHeight: 21,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 4,
        insertSpaces: true,
        padding: { top: 10, bottom: 10 },
        renderLineHighlight: 'line',
        renderLineHighlightOnlyWhenFocus: true,
        overviewRulerLanes: 0,
        fixedOverflowWidgets: true,
      }}
    />
  );
}

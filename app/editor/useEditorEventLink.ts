/**
 * The editor's half of the timeline link: the selected event's line is highlighted and
 * revealed; each line that caused events carries a short note ("← start_response · yield ×3")
 * that selects its events when clicked; and the timeline can ask for an explicit jump.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import {
  eventsByLine,
  lineNote,
  nextSeqOnLine,
  type LineActivity,
  type TraceEvent,
} from '../../src/index.ts';
import { monaco } from './monacoSetup.ts';
import { staleNotes, type TextPosition } from './staleNotes.ts';
import { useEditorModel } from './useEditorModel.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** The class of a line's event note; clicks on it select the line's events. */
export const EVENT_NOTE_CLASS = 'editor-event-note';

/** What the editor needs to know about the shown run and its selection. */
export interface EditorEventLink {
  /** The events of the run the results show (their lines get notes). */
  events: readonly TraceEvent[] | undefined;
  selectedSeq: number | null;
  /** The source line of the selected event, if it has one. */
  selectedLine: number | null;
  onSelectEvent: (seq: number) => void;
}

/** Put a note after each line that caused events; returns which decoration is which line's. */
function showNotes(
  model: monaco.editor.ITextModel,
  notes: monaco.editor.IEditorDecorationsCollection,
  lines: Map<number, LineActivity>,
): Map<string, LineActivity> {
  const lastLine = model.getLineCount();
  const shown = [...lines.values()].filter((activity) => activity.line <= lastLine);
  const ids = notes.set(
    shown.map((activity) => {
      const end = model.getLineMaxColumn(activity.line);
      return {
        range: new monaco.Range(activity.line, end, activity.line, end),
        options: {
          // The range is empty (the line's end); without this Monaco would not render it.
          showIfCollapsed: true,
          after: {
            content: `\u2003← ${lineNote(activity.kinds)}`,
            inlineClassName: EVENT_NOTE_CLASS,
            cursorStops: monaco.editor.InjectedTextCursorStops.None,
          },
        },
      };
    }),
  );
  const byId = new Map<string, LineActivity>();
  ids.forEach((id, index) => {
    const activity = shown[index];
    if (activity) byId.set(id, activity);
  });
  return byId;
}

/**
 * Wire `editor` to the shown run's events (those of the file it shows) and the shared
 * selection; a new model (another file) gets its notes anew.
 */
export function useEditorEventLink(editor: Editor | null, link: EditorEventLink): void {
  const model = useEditorModel(editor);
  const { events, selectedSeq, selectedLine, onSelectEvent } = link;
  const collections = useMemo(
    () =>
      editor && {
        notes: editor.createDecorationsCollection(),
        selected: editor.createDecorationsCollection(),
      },
    [editor],
  );
  const lines = useMemo(() => eventsByLine(events ?? []), [events]);
  const noteIds = useRef(new Map<string, LineActivity>());
  // Read by the click handler, which is registered once per editor.
  const latest = useRef({ selectedSeq, onSelectEvent });
  useLayoutEffect(() => {
    latest.current = { selectedSeq, onSelectEvent };
  });

  /** Learn where the notes are now (set by the edit-tracking effect below). */
  const rememberNotes = useRef<() => void>(() => {});
  useEffect(() => {
    if (!model || !collections) return;
    noteIds.current = showNotes(model, collections.notes, lines);
    rememberNotes.current();
  }, [model, collections, lines]);

  // Notes follow their lines through edits; a note whose place is deleted (its line, or the
  // whole text replaced) goes, instead of collapsing onto another line (staleNotes.ts).
  useEffect(() => {
    if (!editor || !model) return;
    let positions = new Map<string, TextPosition>();
    const remember = (): void => {
      positions = new Map();
      for (const id of noteIds.current.keys()) {
        const range = model.getDecorationRange(id);
        if (range) positions.set(id, { line: range.startLineNumber, column: range.startColumn });
      }
    };
    remember();
    rememberNotes.current = remember;
    const changes = editor.onDidChangeModelContent((event) => {
      const stale = event.isFlush
        ? [...noteIds.current.keys()]
        : staleNotes(positions, event.changes);
      if (stale.length > 0) {
        model.deltaDecorations(stale, []);
        for (const id of stale) noteIds.current.delete(id);
      }
      remember();
    });
    return () => {
      changes.dispose();
      rememberNotes.current = () => {};
    };
  }, [editor, model]);

  useEffect(() => {
    if (!model || !collections) return;
    const lastLine = model.getLineCount();
    if (selectedLine === null || selectedLine < 1 || selectedLine > lastLine) {
      collections.selected.clear();
      return;
    }
    collections.selected.set([
      {
        range: new monaco.Range(selectedLine, 1, selectedLine, 1),
        options: {
          isWholeLine: true,
          className: 'editor-selected-line',
          linesDecorationsClassName: 'editor-selected-gutter',
        },
      },
    ]);
  }, [model, collections, selectedLine]);

  // Each new selection reveals its line, even when it is the line already highlighted.
  useEffect(() => {
    if (!editor || selectedSeq === null || selectedLine === null) return;
    editor.revealLineInCenterIfOutsideViewport(selectedLine, monaco.editor.ScrollType.Smooth);
  }, [editor, selectedSeq, selectedLine]);

  useEffect(() => {
    if (!editor) return;
    const clicks = editor.onMouseDown((event) => {
      const { element, position } = event.target;
      if (!position || !element?.closest(`.${EVENT_NOTE_CLASS}`)) return;
      const shown = editor.getModel();
      const decorations = shown?.getLineDecorations(position.lineNumber) ?? [];
      const activity = decorations
        .map((decoration) => noteIds.current.get(decoration.id))
        .find((found) => found !== undefined);
      if (!activity) return;
      const seq = nextSeqOnLine(activity, latest.current.selectedSeq);
      if (seq !== undefined) latest.current.onSelectEvent(seq);
    });
    return () => clicks.dispose();
  }, [editor]);
}

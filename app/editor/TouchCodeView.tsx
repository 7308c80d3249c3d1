import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { nextSeqOnLine, type LineActivity } from '../../src/index.ts';
import type { CodeEditorProps } from './CodeEditor.tsx';
import { CodeLines } from './CodeLines.tsx';
import {
  activityByLine,
  lineAtOffset,
  markersByLine,
  offsetOfLine,
  splitLines,
} from './codeLines.ts';
import { caretHandoff, PlainCode } from './EditorFallback.tsx';
import { firstVisibleLine } from './scrollToRow.ts';
import { useLineRequests, type LineRequest } from './useLineRequests.ts';
import { useLineScroll } from './useLineScroll.ts';
import './touchCodeView.css';

/** What the plain code view takes: the editor's props, less Monaco's own, and a way out. */
export interface TouchCodeViewProps extends Omit<CodeEditorProps, 'onRun' | 'colorScheme'> {
  /** Load the full editor (Monaco) instead, for the rest of the session. */
  onUseFullEditor: () => void;
}

/**
 * The code on a touch-only screen, where Monaco does not work: numbered lines, linked with the
 * timeline both ways (a tapped line selects its event, the selected event's line is shown),
 * the run's markers under their lines, and an Edit button for the plain textarea.
 */
export function TouchCodeView({
  path,
  entryFile,
  value,
  onChange,
  onOpenFile,
  readOnly = false,
  markers,
  events,
  selectedSeq,
  selectedLine,
  selectedFile,
  onSelectEvent,
  onUseFullEditor,
}: TouchCodeViewProps) {
  const [editing, setEditing] = useState(false);
  const [request, setRequest] = useState<LineRequest | null>(null);
  const showing = !editing || readOnly;
  const rows = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const lines = useMemo(() => splitLines(value), [value]);
  const activity = useMemo(
    () => activityByLine(events, path, entryFile, lines.length),
    [events, path, entryFile, lines.length],
  );
  const lineMarkers = useMemo(
    () => markersByLine(markers, path, entryFile, lines.length),
    [markers, path, entryFile, lines.length],
  );
  // The selected event's line is highlighted only in the file it is in.
  const shownLine = selectedFile === undefined || selectedFile === path ? selectedLine : null;
  // A new object per selection: each new selection brings its line into view, even the same line.
  const selection = useMemo(
    () => ({ line: shownLine, seq: selectedSeq }),
    [shownLine, selectedSeq],
  );

  useLineRequests(path, entryFile, onOpenFile, (next) => {
    setEditing(false);
    setRequest(next);
  });
  useLineScroll(rows, { selection, request: request?.file === path ? request : null }, showing);

  const latest = useRef({ selectedSeq, onSelectEvent });
  useLayoutEffect(() => {
    latest.current = { selectedSeq, onSelectEvent };
  });
  const tapLine = useCallback((tapped: LineActivity) => {
    const seq = nextSeqOnLine(tapped, latest.current.selectedSeq);
    if (seq !== undefined) latest.current.onSelectEvent(seq);
  }, []);

  // Each file keeps its place, as Monaco keeps each model's.
  const places = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    // Also when the lines come back after editing: a new box, at the top.
    if (showing && box.current) box.current.scrollTop = places.current.get(path) ?? 0;
  }, [path, showing]);
  // A caret the textarea left (it had the focus when Done was tapped) is read by the next
  // editor; here Done already scrolled to it.
  useLayoutEffect(() => {
    if (showing) caretHandoff.offset = null;
  }, [showing]);

  /** Edit from the first line in view: the textarea opens with its caret there. */
  const startEditing = () => {
    if (rows.current) caretHandoff.offset = offsetOfLine(value, firstVisibleLine(rows.current));
    setEditing(true);
  };
  /** Back to the lines, at the line of the caret. */
  const finishEditing = () => {
    const area = root.current?.querySelector('textarea');
    if (area)
      setRequest({ file: path, line: lineAtOffset(value, area.selectionStart), focus: false });
    setEditing(false);
  };

  return (
    <div ref={root} className="touch-code">
      <div className="touch-code__bar">
        <p className="touch-code__why">
          Plain code view: the full editor does not support touch screens.
        </p>
        <div className="touch-code__actions">
          {!readOnly && (
            <button
              type="button"
              className="tool-button"
              onClick={showing ? startEditing : finishEditing}
            >
              {showing ? 'Edit' : 'Done'}
            </button>
          )}
          <button type="button" className="tool-button" onClick={onUseFullEditor}>
            Use the full editor anyway
          </button>
        </div>
      </div>
      {showing ? (
        <CodeLines
          lines={lines}
          activity={activity}
          markers={lineMarkers}
          selectedLine={shownLine}
          onTapLine={tapLine}
          rowsRef={rows}
          boxRef={box}
          onScroll={(event) => places.current.set(path, event.currentTarget.scrollTop)}
        />
      ) : (
        <div className="touch-code__edit">
          <PlainCode code={value} onChange={onChange} />
        </div>
      )}
    </div>
  );
}

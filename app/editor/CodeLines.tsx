import { memo, type CSSProperties, type Ref, type UIEventHandler } from 'react';
import { lineNote, type LineActivity } from '../../src/index.ts';
import { severityOf } from './codeLines.ts';
import type { EditorMarker } from './editorMarkers.ts';
import { MarkerNotes } from './MarkerNotes.tsx';

/** What the numbered lines show. */
export interface CodeLinesProps {
  lines: readonly string[];
  /** The events of each line: such a line is a button that selects them. */
  activity: ReadonlyMap<number, LineActivity>;
  markers: ReadonlyMap<number, readonly EditorMarker[]>;
  /** The selected event's line in this file, highlighted. */
  selectedLine: number | null;
  onTapLine: (activity: LineActivity) => void;
  /** The element with one child per line (scrolled to by useLineScroll). */
  rowsRef: Ref<HTMLDivElement>;
  onScroll: UIEventHandler<HTMLDivElement>;
  boxRef: Ref<HTMLDivElement>;
}

interface CodeLineProps {
  number: number;
  text: string;
  activity: LineActivity | undefined;
  markers: readonly EditorMarker[] | undefined;
  selected: boolean;
  onTap: (activity: LineActivity) => void;
}

/**
 * One line: its number, its text and, when it caused events, a note of them ("← yield ×3");
 * the whole line is then the button, a finger's width wide. Memoised: a new selection
 * re-renders two lines, not two thousand.
 */
const CodeLine = memo(function CodeLine({
  number,
  text,
  activity,
  markers,
  selected,
  onTap,
}: CodeLineProps) {
  const severity = markers?.[0] && severityOf(markers[0]);
  const className = [
    'touch-code__row',
    severity && `touch-code__row--${severity}`,
    selected && 'touch-code__row--selected',
  ]
    .filter(Boolean)
    .join(' ');
  const content = (
    <>
      <span className="touch-code__number">{number}</span>
      <span className="touch-code__text">{text}</span>
      {activity && <span className="touch-code__note">← {lineNote(activity.kinds)}</span>}
    </>
  );
  return (
    <div className={className}>
      {activity ? (
        <button
          type="button"
          className="touch-code__line touch-code__line--events"
          aria-current={selected || undefined}
          onClick={() => onTap(activity)}
        >
          {content}
        </button>
      ) : (
        // Focusable by script only: a reveal request moves the focus to its line.
        <div className="touch-code__line" tabIndex={-1} aria-current={selected || undefined}>
          {content}
        </div>
      )}
      {markers && <MarkerNotes markers={markers} />}
    </div>
  );
});

/** The file's text as numbered lines, scrolling both ways inside its own box. */
export function CodeLines({
  lines,
  activity,
  markers,
  selectedLine,
  onTapLine,
  rowsRef,
  onScroll,
  boxRef,
}: CodeLinesProps) {
  // The gutter fits the longest line number.
  const style = { '--digits': String(lines.length).length } as CSSProperties;
  return (
    <div
      ref={boxRef}
      className="touch-code__box"
      role="region"
      aria-label="Application code (read view)"
      // Focusable, so that a keyboard (a tablet's) can scroll it too.
      tabIndex={0}
      onScroll={onScroll}
    >
      <div ref={rowsRef} className="touch-code__rows" style={style}>
        {lines.map((text, index) => (
          <CodeLine
            key={index}
            number={index + 1}
            text={text}
            activity={activity.get(index + 1)}
            markers={markers.get(index + 1)}
            selected={selectedLine === index + 1}
            onTap={onTapLine}
          />
        ))}
      </div>
    </div>
  );
}

import type { Severity } from '../../src/index.ts';
import { messageParts, severityOf } from './codeLines.ts';
import type { EditorMarker } from './editorMarkers.ts';

/** What the plain code view calls each severity (said in words, not by colour alone). */
const SEVERITY_NAMES: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

/** Where a marker's message comes from: "PEP 3333 § … · rule-id", the id linking to its section. */
function MarkerOrigin({ marker }: { marker: EditorMarker }) {
  if (marker.source === undefined && marker.code === undefined) return null;
  return (
    <p className="touch-code__origin">
      {marker.source}
      {marker.source !== undefined && marker.code !== undefined && ' · '}
      {marker.code && (
        <a href={marker.code.href} target="_blank" rel="noopener">
          {marker.code.value}
        </a>
      )}
    </p>
  );
}

/**
 * One marker under its line, readable without hovering: the headline always shown, and what
 * follows it (a traceback, a fix, the PEP section) behind a tap, as a disclosure.
 */
function MarkerNote({ marker }: { marker: EditorMarker }) {
  const { head, rest } = messageParts(marker.message);
  const severity = severityOf(marker);
  const headline = (
    <>
      <span className={`touch-code__severity touch-code__severity--${severity}`}>
        {SEVERITY_NAMES[severity]}
      </span>{' '}
      <span className="touch-code__head">{head}</span>
    </>
  );
  if (rest === '' && marker.source === undefined && marker.code === undefined) {
    return <p className="touch-code__marker">{headline}</p>;
  }
  return (
    <details className="touch-code__marker">
      <summary>{headline}</summary>
      {rest !== '' && <pre className="touch-code__detail">{rest}</pre>}
      <MarkerOrigin marker={marker} />
    </details>
  );
}

/** The markers of one line, under it, most serious first. */
export function MarkerNotes({ markers }: { markers: readonly EditorMarker[] }) {
  return (
    <div className="touch-code__markers">
      {markers.map((marker, index) => (
        <MarkerNote key={index} marker={marker} />
      ))}
    </div>
  );
}

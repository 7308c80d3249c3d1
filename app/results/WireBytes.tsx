import { useRef, useState, type KeyboardEvent } from 'react';
import { wirePieces, type WireMap, type WireSpan } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { useTouchOnly } from '../layout/useTouchOnly.ts';
import { describeSpan, framingLabel, spanTarget } from './wireSpanText.ts';

/** Bytes rendered at first, and added by each "Show more" (a 4 MB wire would crawl). */
const RENDER_STEP = 64 * 1024;
/** Spans rendered at first: 100,000 one-byte chunks would be 100,000 elements. */
const SPAN_STEP = 2000;

/** The spans that start before `limit` bytes, at most `maxSpans`, the last one cut at it. */
function spansBefore(spans: readonly WireSpan[], limit: number, maxSpans: number): WireSpan[] {
  const shown: WireSpan[] = [];
  for (const span of spans) {
    if (span.start >= limit || shown.length >= maxSpans) break;
    shown.push(span.end > limit ? { ...span, end: limit } : span);
  }
  return shown;
}

function spanClass(span: WireSpan): string {
  const names = ['wire-span', `wire-span--${span.part}`, `wire-span--${span.origin}`];
  if (span.shade !== undefined) names.push(`wire-span--shade${span.shade}`);
  return names.join(' ');
}

function Pieces({ map, span }: { map: WireMap; span: WireSpan }) {
  return wirePieces(map.bytes, span.start, span.end).map((piece, index) => {
    switch (piece.kind) {
      case 'text':
        return piece.text;
      case 'cr':
        return (
          <span key={index} className="wire-mark" title="CR: carriage return">
            \r
          </span>
        );
      case 'lf':
        return (
          <span key={index}>
            <span className="wire-mark" title="LF: line feed">
              \n
            </span>
            {'\n'}
          </span>
        );
      case 'escape':
        return (
          <span key={index} className="wire-escape">
            {piece.text}
          </span>
        );
    }
  });
}

/** What the Wire text view needs. */
export interface WireBytesProps {
  map: WireMap;
  callable: string | undefined;
  selectedSeq: number | null;
  onSelect: (seq: number | null) => void;
}

/**
 * The wire as text, one element per span: hover or focus one to see what produced it, click
 * (or Enter) to select its event. One span is in the tab order; arrow keys move between them.
 */
export function WireBytes({ map, callable, selectedSeq, onSelect }: WireBytesProps) {
  const [steps, setSteps] = useState(1);
  const framed = map.spans.some((span) => span.part === 'framing');
  // Hover and focus are remembered with the map they belong to: a new run starts afresh.
  const [hovered, setHovered] = useState<{ map: WireMap; index: number } | null>(null);
  const [focused, setFocused] = useState<{ map: WireMap; index: number } | null>(null);
  const container = useRef<HTMLPreElement>(null);
  const touchOnly = useTouchOnly();
  const spans = spansBefore(map.spans, RENDER_STEP * steps, SPAN_STEP * steps);
  const active = hovered?.map === map ? hovered.index : null;
  const focusIndex = focused?.map === map ? Math.min(focused.index, spans.length - 1) : 0;
  const activeSpan = active !== null ? spans[active] : undefined;
  const info = activeSpan ? describeSpan(activeSpan, callable) : null;
  const rendered = Math.min(spans.at(-1)?.end ?? 0, map.keptBytes);

  const moveFocus = (index: number): void => {
    const next = Math.max(0, Math.min(spans.length - 1, index));
    setFocused({ map, index: next });
    container.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number, span: WireSpan): void => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: spans.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveFocus(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(spanTarget(span));
    }
  };

  return (
    <>
      <ul className="wire-legend" aria-label="Legend">
        <li>
          <span className="wire-swatch wire-span--server" /> added by the server
        </li>
        <li>
          <span className="wire-swatch wire-span--app wire-span--header" /> headers from the app
        </li>
        <li>
          <span className="wire-swatch wire-span--body wire-span--shade0" />
          <span className="wire-swatch wire-span--body wire-span--shade1" /> body, chunk by chunk
        </li>
        {framed && (
          <li>
            <span className="wire-swatch wire-span--framing" /> chunked framing (not body)
          </li>
        )}
        <li>
          <span className="wire-mark">\r\n</span> CR LF, line ends
        </li>
        <li>
          <span className="wire-escape">\xNN</span> other bytes, escaped as Python does
        </li>
      </ul>
      <p className="wire-inspector" aria-live="polite" aria-label="Where these bytes came from">
        {info ? (
          <>
            <strong>{info.title}.</strong> {info.detail}
          </>
        ) : (
          <span className="muted">
            {touchOnly
              ? 'Tap a range to see which event produced it and select that event.'
              : 'Hover or focus a range to see which event produced it; click it to select that event.'}
          </span>
        )}
      </p>
      <pre className="wire-bytes" aria-label="Wire bytes" ref={container}>
        {spans.map((span, index) => {
          const selected =
            selectedSeq !== null &&
            (span.event?.seq === selectedSeq || span.source?.seq === selectedSeq);
          // Framing says what it is (the bytes alone, `6\r\n`, do not): a label and a name.
          const framing = span.part === 'framing' ? framingLabel(span) : undefined;
          return (
            <span
              key={span.start}
              data-index={index}
              data-part={span.part}
              data-framing={span.framing}
              data-label={span.framing === 'end' ? undefined : framing}
              aria-label={framing && `${framing} (chunked framing)`}
              data-origin={span.origin}
              data-seq={span.event?.seq}
              className={spanClass(span) + (selected ? ' wire-span--selected' : '')}
              role="button"
              tabIndex={index === focusIndex ? 0 : -1}
              onMouseEnter={() => setHovered({ map, index })}
              onFocus={() => {
                setHovered({ map, index });
                setFocused({ map, index });
              }}
              onClick={() => {
                // A tap is the only way to point at a span on a touch screen: say what it is.
                setHovered({ map, index });
                onSelect(spanTarget(span));
              }}
              onKeyDown={(event) => onKeyDown(event, index, span)}
            >
              <Pieces map={map} span={span} />
            </span>
          );
        })}
      </pre>
      {rendered < map.keptBytes && (
        <p className="wire-tab__more">
          Showing {formatBytes(rendered)} of the {formatBytes(map.keptBytes)} kept.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setSteps((value) => value * 4)}
          >
            Show more
          </button>
        </p>
      )}
    </>
  );
}

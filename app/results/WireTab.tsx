import { useMemo, useState } from 'react';
import {
  buildWireMap,
  serverWireNotes,
  truncationNote,
  type StepState,
  type WireMap,
} from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { HexView } from '../common/HexView.tsx';
import { noResponseReason } from './noResponse.ts';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { ViewSwitch } from './ViewSwitch.tsx';
import { WireBytes } from './WireBytes.tsx';
import { stepCutNote, wireMapUpTo } from './wireCut.ts';
import './wireTab.css';

type WireView = 'Text' | 'Hex';

/** Bytes of head and body, as counted on the wire. */
function partSizes(map: WireMap, headEnd: number): string {
  const head = Math.min(headEnd, map.totalBytes);
  return `${formatBytes(map.totalBytes)}: head ${head}, body ${map.totalBytes - head}`;
}

/**
 * The exact bytes the client received, each range marked with who produced it, and under a
 * modelled server a line on what it did to the response. In step mode (`step`), only the bytes
 * the server had sent by the step's event. `onCompareServers`: open this run under two servers.
 */
export function WireTab({
  trace,
  selectedSeq,
  onSelect,
  step = null,
  onCompareServers,
}: ResultTabProps & { step?: StepState | null; onCompareServers?: (() => void) | undefined }) {
  const [view, setView] = useState<WireView>('Text');
  const whole = useMemo(() => buildWireMap(trace), [trace]);
  const sent = step?.wire.sent ?? whole.totalBytes;
  const map = useMemo(() => wireMapUpTo(whole, sent), [whole, sent]);
  const note = truncationNote(map);
  const serverNotes = useMemo(() => serverWireNotes(trace, whole), [trace, whole]);
  const stepNote = step && (
    <p className="step-cut-note" role="note" aria-label="Wire at this step">
      {stepCutNote(step, sent, whole.totalBytes)}
    </p>
  );
  const headEnd = trace.response.segments
    .filter((segment) => segment.part === 'head')
    .reduce((end, segment) => Math.max(end, segment.end), 0);

  if (step && sent === 0 && whole.totalBytes > 0) {
    return (
      <div className="wire-tab">
        {stepNote}
        <p className="empty">
          Nothing on the wire yet: the server sends the head with the first body bytes, or at the
          end.
        </p>
      </div>
    );
  }
  if (map.totalBytes === 0) {
    return (
      <div className="wire-tab">
        {stepNote}
        <p className="empty">
          Nothing was sent: the server never wrote a byte — {noResponseReason(trace.outcome)}.
        </p>
      </div>
    );
  }
  return (
    <div className="wire-tab">
      <div className="wire-tab__bar">
        <span className="wire-tab__sizes">
          {trace.settings.personality === 'cgi'
            ? 'CGI gateway'
            : `HTTP/${trace.settings.httpVersion}`}{' '}
          · {partSizes(map, headEnd)}
        </span>
        <span className="wire-tab__tools">
          {onCompareServers && (
            <button
              type="button"
              className="link-button"
              title="Run this request again under wsgiref and under gunicorn, side by side"
              onClick={onCompareServers}
            >
              Compare servers…
            </button>
          )}
          <ViewSwitch
            label="Wire view"
            options={['Text', 'Hex'] as const}
            value={view}
            onChange={setView}
          />
        </span>
      </div>
      {serverNotes.length > 0 && (
        <ul className="wire-server-notes" aria-label="What the server did">
          {serverNotes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {stepNote}
      {note && <p className="cut-note">{note}</p>}
      {view === 'Hex' ? (
        <HexView bytes={map.bytes} label="Wire bytes in hex" />
      ) : (
        <WireBytes
          map={map}
          callable={trace.callable ?? undefined}
          selectedSeq={selectedSeq}
          onSelect={onSelect}
        />
      )}
    </div>
  );
}

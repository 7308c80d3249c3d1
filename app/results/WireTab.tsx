import { useMemo, useState } from 'react';
import { buildWireMap, truncationNote, type WireMap } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { HexView } from '../common/HexView.tsx';
import { noResponseReason } from './noResponse.ts';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { ViewSwitch } from './ViewSwitch.tsx';
import { WireBytes } from './WireBytes.tsx';
import './wireTab.css';

type WireView = 'Text' | 'Hex';

/** Bytes of head and body, as counted on the wire. */
function partSizes(map: WireMap, headEnd: number): string {
  const head = Math.min(headEnd, map.totalBytes);
  return `${formatBytes(map.totalBytes)}: head ${head}, body ${map.totalBytes - head}`;
}

/** The exact bytes the client received, each range marked with who produced it. */
export function WireTab({ trace, selectedSeq, onSelect }: ResultTabProps) {
  const [view, setView] = useState<WireView>('Text');
  const map = useMemo(() => buildWireMap(trace), [trace]);
  const note = truncationNote(map);
  const headEnd = trace.response.segments
    .filter((segment) => segment.part === 'head')
    .reduce((end, segment) => Math.max(end, segment.end), 0);

  if (map.totalBytes === 0) {
    return (
      <div className="wire-tab">
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
        <ViewSwitch
          label="Wire view"
          options={['Text', 'Hex'] as const}
          value={view}
          onChange={setView}
        />
      </div>
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

import { type EventFamily, type TraceEventKind } from '../../src/index.ts';

/** The colour of a kind's chip (the family most of its events have). */
const KIND_FAMILY: Record<TraceEventKind, EventFamily> = {
  'app.call': 'server',
  'app.return': 'app',
  start_response: 'app',
  'headers.commit': 'server',
  write: 'app',
  yield: 'app',
  'input.read': 'app',
  'errors.write': 'app',
  print: 'app',
  close: 'server',
  exception: 'error',
  'error.response': 'error',
  'client.wait': 'server',
  'client.disconnect': 'error',
  complete: 'server',
  'layer.call': 'app',
  'layer.start_response': 'app',
  'layer.return': 'app',
  'layer.yield': 'app',
  'layer.close': 'app',
};

/** The kinds a run recorded with their counts, and which of them are shown. */
export interface KindFilterProps {
  counts: ReadonlyMap<TraceEventKind, number>;
  total: number;
  /** The kinds shown; empty means all. */
  selected: ReadonlySet<TraceEventKind>;
  onChange: (selected: ReadonlySet<TraceEventKind>) => void;
}

/**
 * Toggle chips, one per kind with its count, and "All": pressing kinds narrows the timeline to
 * them; pressing "All" (or un-pressing the last kind) shows everything again.
 */
export function KindFilter({ counts, total, selected, onChange }: KindFilterProps) {
  const toggle = (kind: TraceEventKind): void => {
    const next = new Set(selected);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    onChange(next);
  };
  return (
    <div className="tl-filter" role="toolbar" aria-label="Filter events by kind">
      <button
        type="button"
        className="tl-chip tl-chip--all"
        aria-pressed={selected.size === 0}
        onClick={() => onChange(new Set())}
      >
        All <span className="tl-chip__count">{total.toLocaleString('en')}</span>
      </button>
      {[...counts].map(([kind, count]) => (
        <button
          key={kind}
          type="button"
          className={`tl-chip tl-chip--${KIND_FAMILY[kind]}`}
          aria-pressed={selected.has(kind)}
          onClick={() => toggle(kind)}
        >
          {kind} <span className="tl-chip__count">{count.toLocaleString('en')}</span>
        </button>
      ))}
    </div>
  );
}

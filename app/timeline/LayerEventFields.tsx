import { laneTitle, type Trace, type TraceEvent } from '../../src/index.ts';
import { formatBytes } from '../common/formatting.ts';
import { ChunkPreview } from './ChunkPreview.tsx';
import { Fields, yesNo } from './Fields.tsx';
import { PassedHeaders } from './HeaderTable.tsx';

/** The layer events (what a nested WSGI callable did toward the callable that called it). */
type LayerEvent = Extract<TraceEvent, { kind: `layer.${string}` }>;

/** A layer's name with where it is defined, from the Trace's list of layers. */
function layerWords(trace: Trace, id: string): string {
  const layer = trace.layers?.find((candidate) => candidate.id === id);
  if (!layer) return laneTitle(id);
  const where =
    layer.file === undefined ? '' : ` (${layer.file}${layer.line ? `:${layer.line}` : ''})`;
  return `${layer.name}${where}`;
}

/** Every field of a layer event, by kind. */
export function LayerEventFields({ event, trace }: { event: LayerEvent; trace: Trace }) {
  const between: [string, string][] = [
    ['layer', layerWords(trace, event.layer)],
    ['called by', layerWords(trace, event.outer)],
  ];
  switch (event.kind) {
    case 'layer.call':
      return <Fields rows={between} />;
    case 'layer.start_response':
      return (
        <Fields
          rows={[
            ...between,
            ['status', <code key="s">{JSON.stringify(event.status)}</code>],
            ['headers as passed', <PassedHeaders key="h" event={event} />],
            ['exc_info', event.excInfo === null ? 'None' : <code key="e">{event.excInfo}</code>],
          ]}
        />
      );
    case 'layer.return':
      return (
        <Fields
          rows={[
            ...between,
            ['returned', <code key="t">{event.resultType}</code>],
            ['generator', yesNo(event.isGenerator)],
            ['has close()', yesNo(event.hasClose)],
            event.length !== undefined && ['items', String(event.length)],
          ]}
        />
      );
    case 'layer.yield':
      return (
        <>
          <Fields
            rows={[
              ...between,
              ['chunk', `#${event.index}`],
              ['type', <code key="t">{event.type}</code>],
              ['size', event.size !== undefined ? formatBytes(event.size) : '—'],
            ]}
          />
          <ChunkPreview chunk={event} />
        </>
      );
    case 'layer.close':
      return (
        <Fields
          rows={[
            ...between,
            ['iterable', <code key="t">{event.resultType}</code>],
            [
              'close() called',
              event.called ? 'yes' : 'no — the layer that called it never closed it (PEP 3333)',
            ],
          ]}
        />
      );
  }
}

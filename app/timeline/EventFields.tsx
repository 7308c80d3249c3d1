import { traceEntryFile, type Trace, type TraceEvent } from '../../src/index.ts';
import { formatBytes, plural } from '../common/formatting.ts';
import { ChunkPreview } from './ChunkPreview.tsx';
import { PassedHeaders, SentHeaders } from './HeaderTable.tsx';
import { Fields, LineLink, yesNo } from './Fields.tsx';
import { LayerEventFields } from './LayerEventFields.tsx';

/** Where in the run an exception happened, in words. */
const PHASE_WORDS: Record<Extract<TraceEvent, { kind: 'exception' }>['phase'], string> = {
  load: 'while the module was loading',
  call: 'while the server called the app',
  iterate: 'when the server asked the result for an iterator',
  next: 'while the server iterated the response',
  send: 'while the server sent a chunk',
  finish: 'while the server finished the response',
  close: 'in close()',
  'error-response': 'while the server sent its error response',
  setup: 'while the server set up the request',
  server: 'in the server',
};

/** The traceback of an exception, trimmed to the user's frames, each frame a link. */
function Traceback({
  event,
  entryFile,
  sources,
}: {
  event: Extract<TraceEvent, { kind: 'exception' }>;
  entryFile: string;
  sources: Readonly<Record<string, string>> | undefined;
}) {
  return (
    <>
      {event.traceback.length > 0 && (
        <ol className="tl-frames" aria-label="Traceback frames">
          {event.traceback.map((frame, index) => (
            <li key={index}>
              {frame.origin === undefined ||
              frame.origin === 'project' ||
              (frame.file !== undefined && sources?.[frame.file] !== undefined) ? (
                <LineLink
                  line={frame.line}
                  file={frame.file === entryFile ? undefined : frame.file}
                />
              ) : (
                <span className="muted">
                  {frame.file}:{frame.line}
                </span>
              )}{' '}
              in <code>{frame.name}</code>
              {frame.text && <code className="tl-frames__text">{frame.text}</code>}
            </li>
          ))}
        </ol>
      )}
      <pre className="tl-traceback">{event.formatted}</pre>
    </>
  );
}

/** Every field of one event, in readable form, by kind. */
export function EventFields({ event, trace }: { event: TraceEvent; trace: Trace }) {
  switch (event.kind) {
    case 'layer.call':
    case 'layer.start_response':
    case 'layer.return':
    case 'layer.yield':
    case 'layer.close':
      return <LayerEventFields event={event} trace={trace} />;
    case 'app.call':
      return (
        <Fields
          rows={[
            [
              'callable',
              <code key="c">{trace.callable ?? 'application'}(environ, start_response)</code>,
            ],
            ['environ', `${trace.environ.length} keys (see the Environ tab)`],
          ]}
        />
      );
    case 'app.return':
      return (
        <Fields
          rows={[
            ['returned', <code key="t">{event.resultType}</code>],
            ['generator', yesNo(event.isGenerator)],
            ['has close()', yesNo(event.hasClose)],
            [
              'has len()',
              event.length !== undefined ? `yes: ${event.length}` : yesNo(event.hasLen),
            ],
            event.repr !== undefined && ['value', <code key="r">{event.repr}</code>],
          ]}
        />
      );
    case 'start_response':
      return (
        <Fields
          rows={[
            [
              'status',
              <code key="s">
                {JSON.stringify(event.status)}
                {event.statusType !== 'str' && (
                  <span className="tl-headers__type">a {event.statusType}, not str</span>
                )}
              </code>,
            ],
            ['response_headers', <PassedHeaders key="h" event={event} />],
            ['exc_info', event.excInfo === null ? 'None' : <code key="e">{event.excInfo}</code>],
            ['headers already sent', yesNo(event.headersSent)],
            event.error !== undefined && [
              'raised',
              <code key="x" className="tl-bad">
                {event.error}
              </code>,
            ],
          ]}
        />
      );
    case 'headers.commit':
      return (
        <Fields
          rows={[
            ['status', <code key="s">{event.status}</code>],
            ['headers', <SentHeaders key="h" headers={event.headers} added={event.added} />],
            [
              'wire bytes',
              `${event.wireStart}–${event.wireEnd} (${event.wireEnd - event.wireStart} bytes of head)`,
            ],
          ]}
        />
      );
    case 'write':
    case 'yield':
      return (
        <>
          <Fields
            rows={[
              event.kind === 'yield' && ['chunk', `#${event.index}`],
              ['type', <code key="t">{event.type}</code>],
              ['size', event.size !== undefined ? formatBytes(event.size) : '—'],
              event.kind === 'write' &&
                event.error !== undefined && [
                  'raised',
                  <code key="x" className="tl-bad">
                    {event.error}
                  </code>,
                ],
            ]}
          />
          <ChunkPreview chunk={event} />
        </>
      );
    case 'input.read':
      return (
        <>
          <Fields
            rows={[
              [
                'call',
                <code key="c">
                  wsgi.input.{event.method}({event.arg ?? ''})
                </code>,
              ],
              ['returned', <code key="t">{event.type}</code>],
              ['size', event.size !== undefined ? formatBytes(event.size) : '—'],
              event.lines !== undefined && ['lines', String(event.lines)],
              ['position after', formatBytes(event.position)],
            ]}
          />
          <ChunkPreview chunk={event} />
        </>
      );
    case 'errors.write':
      return (
        <>
          <Fields rows={[['call', <code key="c">wsgi.errors.{event.method}()</code>]]} />
          <pre className="tl-text">{event.text || '(empty)'}</pre>
        </>
      );
    case 'print':
      return (
        <>
          <Fields rows={[['stream', <code key="s">sys.{event.stream}</code>]]} />
          <pre className="tl-text">{event.text || '(empty line)'}</pre>
        </>
      );
    case 'close':
      return (
        <Fields
          rows={[
            ['iterable', <code key="t">{event.resultType}</code>],
            ['close() called', event.called ? 'yes' : 'no: the iterable has no close()'],
          ]}
        />
      );
    case 'exception':
      return (
        <>
          <Fields
            rows={[
              [
                'raised',
                <code key="x" className="tl-bad">{`${event.type}: ${event.message}`}</code>,
              ],
              ['when', PHASE_WORDS[event.phase]],
              event.headersSent !== undefined && ['headers already sent', yesNo(event.headersSent)],
            ]}
          />
          <Traceback event={event} entryFile={traceEntryFile(trace)} sources={trace.sources} />
        </>
      );
    case 'error.response':
      return (
        <Fields
          rows={[
            ['status', <code key="s">{event.status}</code>],
            ['body', formatBytes(event.size)],
          ]}
        />
      );
    case 'complete':
      return (
        <>
          <Fields
            rows={[
              ['outcome', <code key="o">{event.outcome ?? 'unknown'}</code>],
              ['time in Python', `${trace.stats.ms.toFixed(2)} ms`],
              trace.stats.loadMs !== undefined && [
                'loading the code',
                `${trace.stats.loadMs.toFixed(2)} ms before the server took the request (event times count from then)`,
              ],
              ['events', trace.stats.events.toLocaleString('en')],
              [
                'body',
                `${formatBytes(trace.stats.bodyBytes)} in ${plural(trace.stats.chunks, 'chunk')}`,
              ],
              ['on the wire', formatBytes(trace.stats.wireBytes)],
            ]}
          />
          {trace.error && (
            <pre className="tl-traceback">
              {trace.error.type ? `${trace.error.type}: ` : ''}
              {trace.error.message}
            </pre>
          )}
        </>
      );
  }
}

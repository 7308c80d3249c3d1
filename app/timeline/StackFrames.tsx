import type { TraceEvent } from '../../src/index.ts';
import { LineLink } from './Fields.tsx';

/**
 * The frames between the project line and the event, when a library or the stdlib stood
 * between: project frames open in the editor; library frames open read-only when their text
 * came with the run, else they are named.
 */
export function StackFrames({
  event,
  entryFile,
  sources,
}: {
  event: TraceEvent;
  entryFile: string;
  /** The library files whose text came with the run (they open read-only). */
  sources: Readonly<Record<string, string>> | undefined;
}) {
  if (!event.stack || event.stack.length === 0) return null;
  return (
    <ol className="tl-frames" aria-label="Frames to the event">
      {event.stack.map((frame, index) => (
        <li key={index}>
          {frame.origin === 'project' ? (
            <LineLink line={frame.line} file={frame.file === entryFile ? undefined : frame.file} />
          ) : sources?.[frame.file] !== undefined ? (
            <>
              <LineLink line={frame.line} file={frame.file} />{' '}
              <span className="muted">({frame.origin}, read-only)</span>
            </>
          ) : (
            <span className="muted">
              {frame.file}:{frame.line} ({frame.origin})
            </span>
          )}{' '}
          in <code>{frame.function}</code>
        </li>
      ))}
    </ol>
  );
}
